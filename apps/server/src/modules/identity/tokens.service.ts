import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import type { Ctx } from '../../kernel/context.js';
import type { ApiTokenTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';
import { randomToken, sha256 } from '../../kernel/auth/tokens.js';

const present = (t: ApiTokenTable) => ({
  id: t.id, name: t.name, prefix: t.prefix, createdAt: toIso(t.createdAt)!, lastUsedAt: toIso(t.lastUsedAt),
  expiresAt: toIso(t.expiresAt), revokedAt: toIso(t.revokedAt),
});

export async function listTokens(ctx: Ctx) {
  const actor = assertCan(ctx, 'token.manage');
  const rows = await ctx.db.selectFrom('apiTokens').selectAll().where('userId', '=', actor.userId).orderBy('createdAt', 'desc').execute();
  return rows.map(present);
}

/** The token is returned once; only its SHA-256 is kept. It acts with its owner's roles. */
export async function createToken(ctx: Ctx, input: { name: string; expiresInDays?: number }) {
  const actor = assertCan(ctx, 'token.manage');
  const token = `lsn_${randomToken()}`;
  const now = ctx.now().getTime();
  const row: ApiTokenTable = {
    id: newId(), userId: actor.userId, name: input.name, prefix: token.slice(0, 8), tokenHash: sha256(token),
    createdAt: now, lastUsedAt: null, expiresAt: input.expiresInDays ? now + input.expiresInDays * 86_400_000 : null, revokedAt: null,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('apiTokens').values(row).execute();
    await writeAudit(ctx, trx, { action: 'api_token.created', entityType: 'api_token', entityId: row.id, changes: { name: row.name, expiresAt: toIso(row.expiresAt) } });
  });
  return { ...present(row), token };
}

export async function revokeToken(ctx: Ctx, id: string) {
  const actor = assertCan(ctx, 'token.manage');
  const row = await ctx.db.selectFrom('apiTokens').selectAll().where('id', '=', id).where('userId', '=', actor.userId).executeTakeFirst();
  if (!row || row.revokedAt !== null) throw notFound('token');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('apiTokens').set({ revokedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'api_token.revoked', entityType: 'api_token', entityId: id });
  });
}
