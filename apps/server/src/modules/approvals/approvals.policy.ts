import type { ApprovalLevel } from '@liaison/contracts';
import type { Actor } from '../../kernel/context.js';
import type { ProjectRelation } from '../projects/projects.policy.js';

/**
 * Who keeps a project's approval chain: the organisation department everywhere, the project's commissioner and
 * assistants on their project. They shape the chain (items, order, agents).
 */
export const canManageChain = (actor: Actor, rel: ProjectRelation) =>
  actor.permissions.includes('approval.manage') && (actor.roles.includes('org_admin') || rel.commissioner || rel.assistant);

/** Who moves an item along (status, dates, materials) and reports what blocks it: the chain's keepers and its agent (代办员). */
export const canHandleItem = (actor: Actor, rel: ProjectRelation, item: { agentId: string | null }) =>
  actor.permissions.includes('approval.handle') && (canManageChain(actor, rel) || (item.agentId !== null && item.agentId === actor.userId));

type ItemAction = 'update' | 'set-agent' | 'remove' | 'block' | 'escalate';

/** The buttons an item shows; the services apply the same rules (and the case engine decides the case's part). */
export function itemActions(actor: Actor, rel: ProjectRelation, item: { agentId: string | null; status: string }, isBlocked: boolean): ItemAction[] {
  const out: ItemAction[] = [];
  const manage = canManageChain(actor, rel);
  if (canHandleItem(actor, rel, item)) {
    out.push('update');
    if (!isBlocked && item.status !== 'approved' && actor.permissions.includes('case.create')) out.push('block');
  }
  if (manage) {
    out.push('set-agent');
    if (REMOVABLE.has(item.status) && !isBlocked) out.push('remove');
    if (isBlocked) out.push('escalate');
  }
  return out;
}

/** Items not yet handed in may leave the chain; once submitted, their record stays. */
export const REMOVABLE = new Set(['not_started', 'preparing']);

/** not_started → preparing → submitted → accepted → approved, or sent back (退回补正) and handed in again. */
export const TRANSITIONS: Record<string, readonly string[]> = {
  not_started: ['preparing'],
  preparing: ['not_started', 'submitted'],
  submitted: ['accepted', 'approved', 'sent_back'],
  accepted: ['approved', 'sent_back'],
  sent_back: ['preparing', 'submitted'],
  approved: [],
};

/** The level a unit coordinates at: a street office (or community), a district department, a city department. */
export function levelOfUnitKind(kind: string): ApprovalLevel | null {
  if (kind === 'street' || kind === 'community') return 'street';
  if (kind === 'department') return 'district';
  if (kind === 'city_department') return 'city';
  return null;
}
export const LEVEL_RANK: Record<ApprovalLevel, number> = { street: 1, district: 2, city: 3 };
