import { separatedAdminRoles, type Role } from '@liaison/contracts';
import type { z } from 'zod';
import type { createUserBody, directoryQuery, updateUserBody, userListQuery } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { checkPasswordPolicy, hashPassword } from '../../kernel/auth/passwords.js';
import { diff, writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import { containsText } from '../../kernel/db/dialect-sql.js';
import { inTransaction, likePattern, parseSort } from '../../kernel/db/tx.js';
import { AppError, notFound, staleVersion } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { endSessionsOf, findUserById, replaceRoles } from './users.repository.js';
import { presentUser, presentUsers } from './users.presenter.js';

function assertRolesSeparated(roles: readonly Role[]) {
  if (roles.filter((r) => separatedAdminRoles.includes(r)).length > 1)
    throw new AppError('ADMIN_ROLES_SEPARATED', 'system admin, security admin and auditor must be different people', [
      { path: 'roles', message: 'at most one of system_admin, security_admin, auditor' },
    ]);
}

async function assertUnitExists(ctx: Ctx, unitId: string | null | undefined) {
  if (!unitId) return;
  const u = await ctx.db.selectFrom('units').select('id').where('id', '=', unitId).executeTakeFirst();
  if (!u) throw new AppError('VALIDATION_FAILED', 'unknown unit', [{ path: 'unitId', message: 'unknown unit' }]);
}

export async function listUsers(ctx: Ctx, q: z.infer<typeof userListQuery>) {
  assertCan(ctx, 'user.manage');
  let query = ctx.db.selectFrom('users');
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) => eb.or([containsText(ctx.dialect, 'users.username', p), containsText(ctx.dialect, 'users.display_name', p)]));
  }
  if (q.unitId) query = query.where('unitId', '=', q.unitId);
  if (q.isActive) query = query.where('isActive', '=', q.isActive === 'true' ? 1 : 0);
  if (q.role) {
    const role = q.role;
    query = query.where((eb) => eb.exists(eb.selectFrom('userRoles').select('userId').whereRef('userRoles.userId', '=', 'users.id').where('userRoles.role', '=', role)));
  }
  const [field, dir] = parseSort(q.sort, 'username');
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query.selectAll().orderBy(field, dir).orderBy('id').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { items: await presentUsers(ctx.db, rows), total: Number(total.n), page: q.page, pageSize: q.pageSize };
}

export async function getUser(ctx: Ctx, id: string) {
  assertCan(ctx, 'user.manage');
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound('user');
  return presentUser(ctx.db, row);
}

export async function createUser(ctx: Ctx, input: z.infer<typeof createUserBody>) {
  assertCan(ctx, 'user.manage');
  assertRolesSeparated(input.roles);
  await assertUnitExists(ctx, input.unitId);
  const problems = checkPasswordPolicy(input.password, input.username);
  if (problems.length) throw new AppError('WEAK_PASSWORD', 'the password does not meet the policy', problems);
  const existing = await ctx.db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw new AppError('DUPLICATE', 'this username is taken', [{ path: 'username', message: 'taken' }]);
  const now = ctx.now().getTime();
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('users').values({
      id, username: input.username, displayName: input.displayName, phone: input.phone ?? null, email: input.email ?? null,
      unitId: input.unitId ?? null, passwordHash, passwordChangedAt: now, mustChangePassword: 1, isDemo: 0, isActive: 1,
      totpSecret: null, totpEnabled: 0, totpLastStep: null, lastSignInAt: null, version: 1, createdAt: now, updatedAt: now,
    }).execute();
    await replaceRoles(trx, id, [...new Set(input.roles)]);
    await writeAudit(ctx, trx, {
      action: 'user.created', entityType: 'user', entityId: id,
      changes: { username: input.username, displayName: input.displayName, unitId: input.unitId ?? null, roles: input.roles },
    });
  });
  return getUser(ctx, id);
}

export async function updateUser(ctx: Ctx, id: string, input: z.infer<typeof updateUserBody>) {
  const actor = assertCan(ctx, 'user.manage');
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound('user');
  if (row.version !== input.version) throw staleVersion();
  if (input.roles) assertRolesSeparated(input.roles);
  if (input.unitId !== undefined) await assertUnitExists(ctx, input.unitId);
  if (id === actor.userId && input.isActive === false) throw new AppError('RULE_VIOLATED', 'you cannot disable your own account');
  const current = await presentUser(ctx.db, row);
  const { version, roles, isActive, ...fields } = input;
  const patch = { ...fields, ...(isActive === undefined ? {} : { isActive: isActive ? 1 : 0 }) };
  const now = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    const res = await trx.updateTable('users').set({ ...patch, version: version + 1, updatedAt: now })
      .where('id', '=', id).where('version', '=', version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw staleVersion();
    if (roles) await replaceRoles(trx, id, [...new Set(roles)]);
    if (isActive === false) await endSessionsOf(trx, id, now);
    const changes = diff({ ...row, roles: current.roles } as Record<string, unknown>, { ...patch, ...(roles ? { roles: [...new Set(roles)].sort() } : {}) });
    await writeAudit(ctx, trx, { action: isActive === false ? 'user.disabled' : 'user.updated', entityType: 'user', entityId: id, changes });
  });
  return getUser(ctx, id);
}

export async function resetPassword(ctx: Ctx, id: string, password: string) {
  assertCan(ctx, 'user.manage');
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound('user');
  const problems = checkPasswordPolicy(password, row.username);
  if (problems.length) throw new AppError('WEAK_PASSWORD', 'the password does not meet the policy', problems);
  const passwordHash = await hashPassword(password);
  const now = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ passwordHash, passwordChangedAt: now, mustChangePassword: 1, isDemo: 0, version: row.version + 1, updatedAt: now }).where('id', '=', id).execute();
    await endSessionsOf(trx, id, now);
    await writeAudit(ctx, trx, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
}

export async function unlockUser(ctx: Ctx, id: string) {
  assertCan(ctx, 'user.manage');
  const row = await findUserById(ctx.db, id);
  if (!row) throw notFound('user');
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('signInAttempts').where('username', '=', row.username).execute();
    await writeAudit(ctx, trx, { action: 'user.unlocked', entityType: 'user', entityId: id });
  });
}

/** Active people by name, unit or role — enough to pick someone; no contact details, no account state. */
export async function searchDirectory(ctx: Ctx, q: z.infer<typeof directoryQuery>) {
  assertCan(ctx, 'unit.read');
  let query = ctx.db.selectFrom('users').where('isActive', '=', 1);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) => eb.or([containsText(ctx.dialect, 'users.username', p), containsText(ctx.dialect, 'users.display_name', p)]));
  }
  if (q.unitId) query = query.where('unitId', '=', q.unitId);
  if (q.role) {
    const role = q.role;
    query = query.where((eb) => eb.exists(eb.selectFrom('userRoles').select('userId').whereRef('userRoles.userId', '=', 'users.id').where('userRoles.role', '=', role)));
  }
  const rows = await query.selectAll().orderBy('username').limit(q.limit).execute();
  return (await presentUsers(ctx.db, rows)).map((u) => ({ id: u.id, displayName: u.displayName, username: u.username, unit: u.unit, roles: u.roles }));
}
