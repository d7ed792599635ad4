import type { Kysely } from 'kysely';

/** Uploaded files (attached to records later) and the in-app notification inbox. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('owner_id', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('storage_key', 'varchar(200)', (c) => c.notNull())
    .addColumn('thumb_key', 'varchar(200)')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('captured_at', 'bigint')
    .addColumn('gps_lat', 'double precision')
    .addColumn('gps_lng', 'double precision')
    .addColumn('attached_type', 'varchar(40)')
    .addColumn('attached_id', 'varchar(64)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('files_attached').on('files').columns(['attached_type', 'attached_id']).execute();
  await db.schema.createIndex('files_owner').on('files').columns(['owner_id', 'created_at']).execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'varchar(60)', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('link', 'varchar(300)')
    .addColumn('entity_type', 'varchar(40)')
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .addColumn('email_state', 'varchar(10)')
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'read_at', 'created_at']).execute();
  await db.schema.createIndex('notifications_email').on('notifications').columns(['email_state', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
