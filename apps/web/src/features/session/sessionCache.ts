import type { Session } from '@liaison/contracts';

/**
 * The last session seen online, kept so the app shell (and the site-log form) opens on a phone without signal.
 * The CSRF token is left out: before anything is sent the session is fetched again.
 */
const KEY = 'liaison.offlineSession';

export function rememberSession(s: Session | null): void {
  try {
    if (s && s.step === 'ok') localStorage.setItem(KEY, JSON.stringify({ ...s, csrfToken: '' }));
    else localStorage.removeItem(KEY);
  } catch {
    /* storage full or disabled: offline start is then not possible */
  }
}

export function offlineSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Session;
    // An expired session would only fail later: treat it as signed out.
    if (!s.expiresAt || Date.parse(s.expiresAt) < Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

/** A session restored while offline has no CSRF token yet. */
export function isOfflineSession(s: Session | null | undefined): boolean {
  return !!s && s.csrfToken === '';
}
