import {
  type AppealCategory, type CaseRating, type PublicAnswer, type PublicAppeal, type PublicAppealStatus, type PublicProject,
  publicTimelineKinds,
} from '@liaison/contracts';
import type { AppealTable, CaseEventTable, CaseTable } from '../../kernel/db/schema.js';
import { toIso } from '../../kernel/db/tx.js';
import { maskName, redactText } from './public-text.js';
import type { PublicProjectRow } from './public-refs.js';

/** Row → public shapes. Everything here is what a stranger may read: no people's names but the commissioner's. */
export function presentPublicProject(r: PublicProjectRow): PublicProject {
  return {
    id: r.id, code: r.code, name: r.name, category: r.category, address: r.address, street: r.streetName ?? null, lat: r.lat, lng: r.lng,
    phase: r.phase as PublicProject['phase'], light: r.light as PublicProject['light'],
    commissioner: r.commissioner, branch: r.branch, constructionHours: r.constructionHours, impactNotice: r.impactNotice,
  };
}

export const presentAnswer = (r: { projectId: string | null; projectName: string | null; category: string; createdAt: number; closedAt: number | null; publicReply: string | null }): PublicAnswer => ({
  projectId: r.projectId, projectName: r.projectName, category: r.category as AppealCategory,
  submittedAt: toIso(r.createdAt)!, answeredAt: toIso(r.closedAt)!, reply: redactText(r.publicReply ?? ''),
});

const OPEN: Record<string, PublicAppealStatus> = { submitted: 'received', accepted: 'accepted', assigned: 'processing', in_progress: 'processing', answered: 'processing' };

/** The resident's view of where things stand; an answer counts once the dispatcher has verified it (closed). */
export function publicStatusOf(a: Pick<AppealTable, 'state'>, c: Pick<CaseTable, 'status'> | null): PublicAppealStatus {
  if (a.state === 'triage') return 'triage';
  if (a.state === 'dismissed') return 'dismissed';
  if (!c) return 'received';
  if (c.status === 'closed') return 'answered';
  if (c.status === 'rejected') return 'rejected';
  if (c.status === 'withdrawn') return 'closed';
  return OPEN[c.status] ?? 'processing';
}

type Entry = PublicAppeal['timeline'][number];
const PUBLIC_KINDS = new Set<string>(publicTimelineKinds);

/**
 * The public timeline: the appeal's own steps, then the case's non-internal events of an allow-listed kind, each
 * reduced to what the resident needs (the unit it went to, a refusal's reason, their own rating). Actor names,
 * comments, notes and co-handling steps never appear.
 */
export function publicTimeline(a: AppealTable, c: CaseTable | null, events: CaseEventTable[]): Entry[] {
  const out: Entry[] = [{ at: toIso(a.createdAt)!, kind: 'submitted', unit: null, text: null, rating: null }];
  if (a.state === 'dismissed') out.push({ at: toIso(a.updatedAt)!, kind: 'dismissed', unit: null, text: redactText(a.publicReply ?? ''), rating: null });
  if (!c) return out;
  if (c.createdAt - a.createdAt > 1000) out.push({ at: toIso(c.createdAt)!, kind: 'triaged', unit: null, text: null, rating: null });
  for (const e of events) {
    if (e.internal === 1 || !PUBLIC_KINDS.has(e.kind)) continue;
    const p = JSON.parse(e.payload) as Record<string, unknown>;
    const entry: Entry = { at: toIso(e.at)!, kind: e.kind as Entry['kind'], unit: null, text: null, rating: null };
    if (e.kind === 'dispatched') entry.unit = (p.unit as { name?: string } | undefined)?.name ?? null;
    if (e.kind === 'rejected') entry.text = redactText(String(p.reason ?? ''));
    if (e.kind === 'rated') {
      entry.rating = (p.rating as CaseRating | undefined) ?? null;
      entry.text = p.comment ? String(p.comment) : null;
    }
    out.push(entry);
  }
  return out;
}

/** The contact as the resident (or staff without the right to call back) see it: masked. */
export const maskedContact = (a: Pick<AppealTable, 'anonymous' | 'contactName' | 'phoneMasked'>, fullName = false) => ({
  anonymous: a.anonymous === 1,
  name: a.contactName ? (fullName ? a.contactName : maskName(a.contactName)) : null,
  phone: a.phoneMasked,
});

export const ratingOf = (c: Pick<CaseTable, 'rating' | 'ratingComment'> | null) =>
  c?.rating ? { rating: c.rating as CaseRating, comment: c.ratingComment } : null;
