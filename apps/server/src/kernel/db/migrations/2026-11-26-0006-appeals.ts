import type { Kysely } from 'kysely';

/**
 * Residents' appeals from the public portal and Open311, and the Open311 API keys an admin issues.
 * An appeal becomes an `appeal` case on its project; one without a project waits here (state `triage`) for the
 * organisation department, because a case always belongs to a project.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = 'bigint' as const;
  const id = 'varchar(64)' as const;

  await db.schema
    .createTable('open311_keys')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_by', id, (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('last_used_at', ts)
    .addColumn('revoked_at', ts)
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('district_id', id, (c) => c.notNull().references('units.id'))
    .addColumn('project_id', id, (c) => c.references('projects.id'))
    .addColumn('case_id', id, (c) => c.references('cases.id'))
    // SHA-256 of the tracking code: the code itself is never stored, so a database leak cannot open status pages.
    .addColumn('tracking_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('channel', 'varchar(12)', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('category', 'varchar(20)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address', 'varchar(300)')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('attributes', 'text')
    .addColumn('media_url', 'varchar(1000)')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('contact_name', 'varchar(60)')
    // AES-GCM sealed (secrets.seal); the masked form is kept beside it so lists never need to decrypt.
    .addColumn('phone_sealed', 'text')
    .addColumn('phone_masked', 'varchar(20)')
    .addColumn('public_reply', 'text')
    // The proof-of-work challenge it was filed with: unique, so one solved challenge files one appeal.
    .addColumn('challenge_id', 'varchar(40)', (c) => c.unique())
    .addColumn('open311_key_id', id, (c) => c.references('open311_keys.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeals_created').on('appeals').columns(['created_at']).execute();
  await db.schema.createIndex('appeals_state').on('appeals').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('appeals_project').on('appeals').columns(['project_id', 'created_at']).execute();
  await db.schema.createIndex('appeals_case').on('appeals').columns(['case_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
