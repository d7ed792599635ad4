import type { z } from 'zod';
import type { createOpen311KeyBody } from '@liaison/contracts';
import { assertCan } from '../../kernel/access/assert.js';
import { writeAudit } from '../../kernel/audit/audit.js';
import { randomToken, sha256 } from '../../kernel/auth/tokens.js';
import type { Ctx } from '../../kernel/context.js';
import type { Open311KeyTable } from '../../kernel/db/schema.js';
import { inTransaction, toIso } from '../../kernel/db/tx.js';
import { notFound } from '../../kernel/errors/app-error.js';
import { newId } from '../../kernel/ids.js';

/** Open311 API keys: issued by the system admin to a client system (a 12345 hotline, a city app); only the hash is kept. */
export type Open311Key = Pick<Open311KeyTable, 'id' | 'name' | 'source'>;

const present = (k: Open311KeyTable) => ({
  id: k.id, name: k.name, prefix: k.prefix, source: k.source as 'other', createdAt: toIso(k.createdAt)!,
  lastUsedAt: toIso(k.lastUsedAt), revokedAt: toIso(k.revokedAt),
});

export async function listOpen311Keys(ctx: Ctx) {
  assertCan(ctx, 'open311.manage');
  const rows = await ctx.db.selectFrom('open311Keys').selectAll().orderBy('createdAt', 'desc').execute();
  return { items: rows.map(present) };
}

export async function createOpen311Key(ctx: Ctx, input: z.infer<typeof createOpen311KeyBody>) {
  const actor = assertCan(ctx, 'open311.manage');
  const apiKey = `o311_${randomToken()}`;
  const row: Open311KeyTable = {
    id: newId(), name: input.name, prefix: apiKey.slice(0, 9), keyHash: sha256(apiKey), source: input.source, createdBy: actor.userId,
    createdAt: ctx.now().getTime(), lastUsedAt: null, revokedAt: null,
  };
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('open311Keys').values(row).execute();
    await writeAudit(ctx, trx, { action: 'open311_key.created', entityType: 'open311_key', entityId: row.id, changes: { name: row.name, source: row.source } });
  });
  return { ...present(row), apiKey };
}

export async function revokeOpen311Key(ctx: Ctx, id: string) {
  assertCan(ctx, 'open311.manage');
  const row = await ctx.db.selectFrom('open311Keys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.revokedAt !== null) throw notFound('API key');
  await inTransaction(ctx, async (trx) => {
    await trx.updateTable('open311Keys').set({ revokedAt: ctx.now().getTime() }).where('id', '=', id).execute();
    await writeAudit(ctx, trx, { action: 'open311_key.revoked', entityType: 'open311_key', entityId: id });
  });
}

/** The key a POST names, if it is one of ours and not revoked; its last use is noted. */
export async function findOpen311Key(ctx: Ctx, apiKey: string | undefined): Promise<Open311Key | null> {
  if (!apiKey || apiKey.length > 200) return null;
  const row = await ctx.db.selectFrom('open311Keys').select(['id', 'name', 'source']).where('keyHash', '=', sha256(apiKey)).where('revokedAt', 'is', null).executeTakeFirst();
  if (!row) return null;
  await ctx.db.updateTable('open311Keys').set({ lastUsedAt: ctx.now().getTime() }).where('id', '=', row.id).execute();
  return row;
}
