import { getLang } from './i18n';

/** Times as Hangzhou sees them, in the reader's language. */
export function fmtTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(getLang(), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}
export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleDateString(getLang(), { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
}
/** ABCD-EFGH-… for reading out. */
export const groupCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** Tracking codes this phone has filed, so a resident finds them again without writing them down. */
export type Mine = { code: string; at: string; category: string };
export function rememberMine(m: Mine) {
  try {
    const list = loadMine().filter((x) => x.code !== m.code);
    localStorage.setItem('portal.mine', JSON.stringify([m, ...list].slice(0, 20)));
  } catch {
    /* storage unavailable: the code on screen is still there */
  }
}
export function loadMine(): Mine[] {
  try {
    return JSON.parse(localStorage.getItem('portal.mine') ?? '[]') as Mine[];
  } catch {
    return [];
  }
}
