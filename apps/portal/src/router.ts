import { useSyncExternalStore } from 'react';

/** A router of a few lines (no library): paths under /portal, pushState and the back button. */
export const BASE = '/portal';
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((f) => f());
window.addEventListener('popstate', notify);

export function navigate(to: string, replace = false) {
  const url = `${BASE}${to}`;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  notify();
}

/** The path inside the portal, e.g. `/t/ABCD…`. */
export function usePath(): string {
  return useSyncExternalStore((f) => {
    listeners.add(f);
    return () => listeners.delete(f);
  }, () => location.pathname.replace(/^\/portal/, '') || '/');
}

/** Local links that navigate without a reload (and open normally with a modifier key). */
export function onLink(to: string) {
  return (e: { preventDefault(): void; metaKey?: boolean; ctrlKey?: boolean }) => {
    if (e.metaKey || e.ctrlKey) return;
    e.preventDefault();
    navigate(to);
  };
}
