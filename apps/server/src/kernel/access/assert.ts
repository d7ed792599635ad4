import type { Permission } from '@liaison/contracts';
import type { Actor, Ctx } from '../context.js';
import { AppError } from '../errors/app-error.js';

/** The signed-in actor, or 401. */
export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'sign in first');
  return ctx.actor;
}

export const hasPermission = (actor: Actor | null, p: Permission) => !!actor && actor.permissions.includes(p);

/** Role-level check; record-level scope is each module's policy. */
export function assertCan(ctx: Ctx, p: Permission): Actor {
  const actor = requireActor(ctx);
  if (!actor.permissions.includes(p)) throw new AppError('FORBIDDEN', `missing permission ${p}`);
  return actor;
}
