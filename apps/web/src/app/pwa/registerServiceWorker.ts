declare const __BUILD_ID__: string;

/**
 * Installs the service worker that caches the app shell (production builds only: the dev server serves
 * modules that change on every edit). A new build has a new script URL, so phones pick it up.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    void navigator.serviceWorker.register(`/sw.js?v=${encodeURIComponent(__BUILD_ID__)}`, { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
