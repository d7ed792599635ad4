import type { z } from 'zod';
import type { dismissAppealBody, triageAppealBody } from '@liaison/contracts';
import type { StaffAppeal } from '@liaison/contracts';

export type TriageBody = z.infer<typeof triageAppealBody>;
export type DismissBody = z.infer<typeof dismissAppealBody>;

/** 分派: the project it concerns, with the version the user saw (someone else may have triaged it meanwhile). */
export function triageBody(a: Pick<StaffAppeal, 'version'>, projectId: string): TriageBody {
  return { projectId, version: a.version };
}

/** Not a key project's matter: the reply the resident reads on their status page. */
export function dismissBody(a: Pick<StaffAppeal, 'version'>, reply: string): DismissBody {
  return { reply: reply.trim(), version: a.version };
}

/** Where the resident says it is: the typed address, the map point, or both. */
export function placeOf(a: Pick<StaffAppeal, 'address' | 'location'>): { address: string | null; point: string | null } {
  const point = a.location ? `${a.location.lat.toFixed(6)}, ${a.location.lng.toFixed(6)}` : null;
  return { address: a.address?.trim() || null, point };
}

/** Open311 attributes (attribute[code]) as label/value lines; lists joined. */
export function attributeLines(attributes: StaffAppeal['attributes']): { code: string; value: string }[] {
  return Object.entries(attributes)
    .map(([code, v]) => ({ code, value: Array.isArray(v) ? v.join('、') : v }))
    .filter((l) => l.value.trim() !== '');
}

/** Only web links are offered as links: a media_url from an Open311 client is untrusted text. */
export function safeMediaUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
