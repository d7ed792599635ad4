import type { Kysely } from 'kysely';

/**
 * The Open311 request lists are kept rendered under a stamp that includes the latest change of an appeal
 * (open311.service.ts): read off this index, not by visiting every appeal.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('appeals_updated_at').on('appeals').column('updated_at').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
