declare const __BUILD_ID__: string;

/**
 * Installs the service worker that caches the app shell (production builds only: the dev server serves
 * modules that change on every edit). A new build has a new script URL, so phones pick it up.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register(`/sw.js?v=${encodeURIComponent(__BUILD_ID__)}`, { scope: '/' }).catch(() => undefined);
    // A page loaded while the worker was being activated stays uncontrolled (and so would not open offline on a
    // reload) until the worker claims it.
    void navigator.serviceWorker.ready.then((reg) => {
      if (!navigator.serviceWorker.controller) reg.active?.postMessage('claim');
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
