import { permissionsOf, type Role } from '@liaison/contracts';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Actor } from '../../kernel/context.js';
import type { Tx } from '../../kernel/db/connect.js';
import type { Database } from '../../kernel/db/schema.js';
import type { CaseRelation } from '../cases/case-state-machine.js';
import { caseScope } from '../cases/cases.policy.js';

/** A dispute is seen by whoever sees its case, and by its mediator (who may sit outside the case's units). */
export function disputeScope(actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'cases' | 'disputes'>): Expression<SqlBool> =>
    eb.or([caseScope(actor)(eb as never), eb('disputes.mediatorId', '=', actor.userId)]);
}

/**
 * Contact details are for those who must ring the parties: the mediator and the case's dispatcher (the project's
 * commissioner, or the organisation dept). Everyone else sees 138****1234 (个人信息保护法: the minimum necessary).
 */
export const seesContacts = (actor: Actor, isMediator: boolean, relations: readonly CaseRelation[]) =>
  isMediator || relations.includes('dispatcher');

/** Who works the mediation (sessions, agreement, callbacks, edits): the mediator, the dispatcher, an assistant, the handling unit. */
export const worksMediation = (actor: Actor, isMediator: boolean, relations: readonly CaseRelation[]) =>
  actor.permissions.includes('mediation.record') && (isMediator || relations.some((r) => r === 'dispatcher' || r === 'assistant' || r === 'handler'));

/** 13812341234 → 138****1234; shorter numbers keep only their last two digits. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `****${digits.slice(-2)}`;
}

/** A mediator must be an active user whose roles let them record mediation. */
export async function isEligibleMediator(db: Tx, userId: string): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').where('id', '=', userId).where('isActive', '=', 1).executeTakeFirst();
  if (!user) return false;
  const roles = await db.selectFrom('userRoles').select('role').where('userId', '=', userId).execute();
  return permissionsOf(roles.map((r) => r.role as Role)).includes('mediation.record');
}

/** One calendar month on (2026-01-31 → 2026-02-28): the target to settle a dispute. */
export function oneMonthAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const ny = m === 12 ? y + 1 : y;
  const nm = m === 12 ? 1 : m + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
