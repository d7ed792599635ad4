import { randomBytes } from 'node:crypto';
import { roles, type Role } from '@liaison/contracts';
import type { Ctx } from '../../kernel/context.js';
import { AppError } from '../../kernel/errors/app-error.js';
import * as users from './users.service.js';

/** The operator at the server's console acts as a system administrator, through the same service rules. */
function asOperator(ctx: Ctx): Ctx {
  return { ...ctx, actor: { ...ctx.actor!, username: 'cli', permissions: ['user.manage', 'unit.manage', 'unit.read'] } };
}

/** A random password that satisfies the policy (all four classes). */
export const generatePassword = () => `Lx-${randomBytes(9).toString('base64url')}7a`;

type Args = { username?: string; name?: string; role?: string[]; unit?: string; password?: string };

export async function createUserCli(ctx: Ctx, a: Args): Promise<number> {
  if (!a.username || !a.name || !a.role?.length) throw new AppError('VALIDATION_FAILED', 'create-user needs --username, --name and at least one --role');
  const bad = a.role.filter((r) => !(roles as readonly string[]).includes(r));
  if (bad.length) throw new AppError('VALIDATION_FAILED', `unknown role(s) ${bad.join(', ')}; roles are ${roles.join(', ')}`);
  let unitId: string | null = null;
  if (a.unit) {
    const unit = await ctx.db.selectFrom('units').select('id').where('code', '=', a.unit).executeTakeFirst();
    if (!unit) throw new AppError('VALIDATION_FAILED', `no unit with code ${a.unit}`);
    unitId = unit.id;
  }
  const password = a.password ?? generatePassword();
  const user = await users.createUser(asOperator(ctx), { username: a.username, displayName: a.name, roles: a.role as Role[], unitId, password });
  console.log(`created ${user.username} (${user.roles.join(', ')})${a.password ? '' : `; temporary password: ${password}`}`);
  console.log('they must change the password at first sign-in');
  return 0;
}

export async function resetPasswordCli(ctx: Ctx, a: Args): Promise<number> {
  if (!a.username) throw new AppError('VALIDATION_FAILED', 'reset-password needs --username');
  const row = await ctx.db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', `no user ${a.username}`);
  const password = a.password ?? generatePassword();
  const op = asOperator(ctx);
  await users.resetPassword(op, row.id, password);
  await users.unlockUser(op, row.id);
  console.log(`password reset for ${a.username}${a.password ? '' : `; temporary password: ${password}`}; they must change it at sign-in`);
  return 0;
}
