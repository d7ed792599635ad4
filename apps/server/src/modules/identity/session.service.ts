import { totpRequiredRoles, type Role, type Session } from '@liaison/contracts';
import { loadActor } from '../../kernel/auth/actors.js';
import { checkPasswordPolicy, hashPassword, timingDummy, verifyPassword } from '../../kernel/auth/passwords.js';
import { randomToken, sha256 } from '../../kernel/auth/tokens.js';
import { matchTotp, newTotpSecret, otpauthUrl } from '../../kernel/auth/totp.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Actor, Ctx } from '../../kernel/context.js';
import type { SessionTable, UserTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { AppError } from '../../kernel/errors/app-error.js';
import { endSessionsOf, findUserById, findUserByUsername, listRolesOf } from './users.repository.js';
import { presentUser } from './users.presenter.js';

type Step = Session['step'];

/** What a user still owes before the app opens, in the order they must do it. */
async function nextStep(ctx: Ctx, user: UserTable, totpDone: boolean): Promise<Step> {
  const roles = ((await listRolesOf(ctx.db, [user.id])).get(user.id) ?? []) as Role[];
  if (user.totpEnabled && !totpDone) return 'totp';
  if (!user.totpEnabled && roles.some((r) => totpRequiredRoles.includes(r))) return 'totp_enrol';
  const demoExempt = ctx.config.demo && user.isDemo === 1;
  const maxAge = ctx.config.passwordMaxAgeDays * 86_400_000;
  const tooOld = maxAge > 0 && ctx.now().getTime() - user.passwordChangedAt > maxAge;
  if ((user.mustChangePassword === 1 || tooOld) && !demoExempt) return 'change_password';
  return 'ok';
}

const lockedProblem = () => new AppError('ACCOUNT_LOCKED', 'too many failed sign-ins; try again in a few minutes');

async function recordFailure(ctx: Ctx, username: string, user: UserTable | undefined, reason: string): Promise<boolean> {
  const now = ctx.now().getTime();
  return inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('signInAttempts').selectAll().where('username', '=', username).executeTakeFirst();
    const failures = (row && (row.lockedUntil === null || row.lockedUntil > now) ? row.failures : 0) + 1;
    const locked = failures >= ctx.config.lockoutThreshold;
    const lockedUntil = locked ? now + ctx.config.lockoutMinutes * 60_000 : null;
    if (row) await trx.updateTable('signInAttempts').set({ failures, lockedUntil, updatedAt: now }).where('username', '=', username).execute();
    else await trx.insertInto('signInAttempts').values({ username, failures, lockedUntil, updatedAt: now }).execute();
    const actorOverride = { id: user?.id ?? null, name: username, role: null };
    await writeAudit(ctx, trx, { action: 'session.sign_in_failed', entityType: 'user', entityId: user?.id ?? null, changes: { reason, failures }, actorOverride });
    if (locked) await writeAudit(ctx, trx, { action: 'user.locked_out', entityType: 'user', entityId: user?.id ?? null, changes: { until: new Date(lockedUntil!).toISOString() }, actorOverride });
    return locked;
  });
}

async function assertNotLocked(ctx: Ctx, username: string) {
  const row = await ctx.db.selectFrom('signInAttempts').select('lockedUntil').where('username', '=', username).executeTakeFirst();
  if (row?.lockedUntil && row.lockedUntil > ctx.now().getTime()) throw lockedProblem();
}

export async function signIn(ctx: Ctx, input: { username: string; password: string }) {
  const username = input.username.trim().toLowerCase();
  await assertNotLocked(ctx, username);
  const user = await findUserByUsername(ctx.db, username);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await timingDummy(), input.password), false);
  if (!user || !ok) {
    await recordFailure(ctx, username, user, user ? 'wrong password' : 'unknown user');
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  if (!user.isActive) {
    await recordFailure(ctx, username, user, 'account disabled');
    throw new AppError('INVALID_CREDENTIALS', 'wrong username or password');
  }
  const step = await nextStep(ctx, user, false);
  const token = randomToken();
  const now = ctx.now().getTime();
  const session: SessionTable = {
    id: sha256(token),
    userId: user.id,
    csrfToken: randomToken(24),
    step,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + ctx.config.sessionAbsoluteHours * 3_600_000,
    ip: ctx.meta.ip,
    userAgent: ctx.meta.userAgent?.slice(0, 300) ?? null,
    endedAt: null,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('signInAttempts').where('username', '=', username).execute();
    await trx.insertInto('sessions').values(session).execute();
    await trx.updateTable('users').set({ lastSignInAt: now }).where('id', '=', user.id).execute();
    await writeAudit(ctx, trx, {
      action: 'session.signed_in', entityType: 'session', entityId: session.id.slice(0, 16),
      changes: { step }, actorOverride: { id: user.id, name: user.username, role: null },
    });
  });
  return { token, session };
}

export async function presentSession(ctx: Ctx, session: SessionTable): Promise<Session> {
  const user = await findUserById(ctx.db, session.userId);
  const actor = await loadActor(ctx.db, session.userId, 'session');
  if (!user || !actor) throw new AppError('SESSION_EXPIRED', 'your session has ended; sign in again');
  const view = await presentUser(ctx.db, user);
  return {
    user: view,
    roles: actor.roles,
    permissions: session.step === 'ok' ? actor.permissions : [],
    units: view.unit ? [view.unit] : [],
    csrfToken: session.csrfToken,
    step: session.step as Step,
    expiresAt: toIso(session.expiresAt)!,
  };
}

export async function signOut(ctx: Ctx, session: SessionTable, actor: Actor) {
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('sessions').set({ endedAt: ctx.now().getTime() }).where('id', '=', session.id).execute();
    await writeAudit({ ...ctx, actor }, trx, { action: 'session.signed_out', entityType: 'session', entityId: session.id.slice(0, 16) });
  });
}

async function advance(ctx: Ctx, session: SessionTable, user: UserTable, totpDone: boolean): Promise<SessionTable> {
  const step = await nextStep(ctx, user, totpDone);
  await ctx.db.updateTable('sessions').set({ step }).where('id', '=', session.id).execute();
  return { ...session, step };
}

async function loadSessionUser(ctx: Ctx, session: SessionTable) {
  const user = await findUserById(ctx.db, session.userId);
  if (!user) throw new AppError('SESSION_EXPIRED', 'your session has ended; sign in again');
  return user;
}

export async function verifySecondFactor(ctx: Ctx, session: SessionTable, actor: Actor, code: string): Promise<SessionTable> {
  if (session.step !== 'totp') throw new AppError('CONFLICT', 'no second-factor code is expected now');
  const user = await loadSessionUser(ctx, session);
  await assertNotLocked(ctx, user.username);
  const step = user.totpSecret ? matchTotp(ctx.secrets.open(user.totpSecret), code, ctx.now()) : null;
  if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
    const locked = await recordFailure(ctx, user.username, user, 'wrong second-factor code');
    if (locked) await ctx.db.updateTable('sessions').set({ endedAt: ctx.now().getTime() }).where('id', '=', session.id).execute();
    throw locked ? lockedProblem() : new AppError('INVALID_TOTP', 'the code is wrong or already used');
  }
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ totpLastStep: step }).where('id', '=', user.id).execute();
    await writeAudit({ ...ctx, actor }, trx, { action: 'session.second_factor_verified', entityType: 'session', entityId: session.id.slice(0, 16) });
  });
  return advance(ctx, session, { ...user, totpLastStep: step }, true);
}

export async function startTotpEnrolment(ctx: Ctx, session: SessionTable) {
  const user = await loadSessionUser(ctx, session);
  if (user.totpEnabled) throw new AppError('CONFLICT', 'the second factor is already on');
  if (session.step !== 'ok' && session.step !== 'totp_enrol') throw new AppError('CONFLICT', 'finish signing in first');
  const secret = newTotpSecret();
  await ctx.db.updateTable('users').set({ totpSecret: ctx.secrets.seal(secret) }).where('id', '=', user.id).execute();
  return { secret, otpauthUrl: otpauthUrl(secret, user.username) };
}

export async function enableTotp(ctx: Ctx, session: SessionTable, actor: Actor, code: string): Promise<SessionTable> {
  const user = await loadSessionUser(ctx, session);
  if (user.totpEnabled) throw new AppError('CONFLICT', 'the second factor is already on');
  if (!user.totpSecret) throw new AppError('CONFLICT', 'start the set-up first');
  const step = matchTotp(ctx.secrets.open(user.totpSecret), code, ctx.now());
  if (step === null) throw new AppError('INVALID_TOTP', 'the code is wrong; check the time on your phone');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ totpEnabled: 1, totpLastStep: step, version: user.version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', user.id).execute();
    await writeAudit({ ...ctx, actor }, trx, { action: 'user.totp_enabled', entityType: 'user', entityId: user.id });
  });
  return advance(ctx, session, { ...user, totpEnabled: 1 }, true);
}

export async function disableTotp(ctx: Ctx, actor: Actor, password: string) {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('NOT_FOUND', 'user not found');
  if (actor.roles.some((r) => totpRequiredRoles.includes(r)))
    throw new AppError('RULE_VIOLATED', 'your role requires a second factor');
  if (!(await verifyPassword(user.passwordHash, password)))
    throw new AppError('RULE_VIOLATED', 'the password is wrong', [{ path: 'password', message: 'wrong password' }]);
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ totpEnabled: 0, totpSecret: null, totpLastStep: null, version: user.version + 1, updatedAt: ctx.now().getTime() }).where('id', '=', user.id).execute();
    await writeAudit(ctx, trx, { action: 'user.totp_disabled', entityType: 'user', entityId: user.id });
  });
}

export async function changeOwnPassword(ctx: Ctx, session: SessionTable | null, actor: Actor, input: { currentPassword: string; newPassword: string }) {
  const user = await findUserById(ctx.db, actor.userId);
  if (!user) throw new AppError('NOT_FOUND', 'user not found');
  if (session && (session.step === 'totp' || session.step === 'totp_enrol')) throw new AppError('MFA_REQUIRED', 'finish the second factor first');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword)))
    throw new AppError('RULE_VIOLATED', 'the current password is wrong', [{ path: 'currentPassword', message: 'wrong password' }]);
  const problems = checkPasswordPolicy(input.newPassword, user.username, 'newPassword');
  if (input.newPassword === input.currentPassword) problems.push({ path: 'newPassword', message: 'must differ from the current password' });
  if (problems.length) throw new AppError('WEAK_PASSWORD', 'the new password does not meet the policy', problems);
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.now().getTime();
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('users').set({ passwordHash, passwordChangedAt: now, mustChangePassword: 0, isDemo: 0, version: user.version + 1, updatedAt: now }).where('id', '=', user.id).execute();
    await endSessionsOf(trx, user.id, now, session?.id);
    await writeAudit({ ...ctx, actor }, trx, { action: 'user.password_changed', entityType: 'user', entityId: user.id });
  });
  if (session) return advance(ctx, session, { ...user, mustChangePassword: 0, passwordChangedAt: now, isDemo: 0 }, true);
  return null;
}

export async function listOwnSessions(ctx: Ctx, actor: Actor) {
  const now = ctx.now().getTime();
  const rows = await ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('userId', '=', actor.userId)
    .where('endedAt', 'is', null)
    .where('expiresAt', '>', now)
    .where('lastSeenAt', '>', now - ctx.config.sessionIdleMinutes * 60_000)
    .orderBy('lastSeenAt', 'desc')
    .execute();
  return rows.map((s) => ({
    id: s.id,
    current: s.id === actor.sessionId,
    createdAt: toIso(s.createdAt)!,
    lastSeenAt: toIso(s.lastSeenAt)!,
    expiresAt: toIso(Math.min(s.expiresAt, s.lastSeenAt + ctx.config.sessionIdleMinutes * 60_000))!,
    ip: s.ip,
    userAgent: s.userAgent,
  }));
}

export async function endOwnSession(ctx: Ctx, actor: Actor, id: string) {
  const s = await ctx.db.selectFrom('sessions').select(['id', 'endedAt']).where('id', '=', id).where('userId', '=', actor.userId).executeTakeFirst();
  if (!s || s.endedAt !== null) throw new AppError('NOT_FOUND', 'session not found');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('sessions').set({ endedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'session.ended', entityType: 'session', entityId: id.slice(0, 16) });
  });
}
