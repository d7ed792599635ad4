import type { Kysely } from 'kysely';

/** Temporary branches (项目临时党支部), their members, meetings, agenda, attendance, minutes and resolutions. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = 'bigint' as const;
  const id = (t: any) => t.addColumn('id', 'varchar(64)', (c: any) => c.primaryKey());
  await id(db.schema.createTable('branches'))
    .addColumn('project_id', 'varchar(64)', (c: any) => c.notNull().references('projects.id'))
    .addColumn('name', 'varchar(100)', (c: any) => c.notNull())
    .addColumn('founded_on', 'varchar(10)', (c: any) => c.notNull())
    .addColumn('approval_doc_no', 'varchar(60)', (c: any) => c.notNull())
    .addColumn('status', 'varchar(10)', (c: any) => c.notNull())
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c: any) => c.notNull())
    .addColumn('updated_at', ts, (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('branches_project').on('branches').columns(['project_id', 'status']).execute();

  await id(db.schema.createTable('branch_members'))
    .addColumn('branch_id', 'varchar(64)', (c: any) => c.notNull().references('branches.id'))
    .addColumn('user_id', 'varchar(64)', (c: any) => c.references('users.id'))
    .addColumn('name', 'varchar(40)', (c: any) => c.notNull())
    .addColumn('unit_name', 'varchar(100)', (c: any) => c.notNull())
    .addColumn('side', 'varchar(20)', (c: any) => c.notNull())
    .addColumn('role', 'varchar(20)', (c: any) => c.notNull())
    .addColumn('is_party_member', 'integer', (c: any) => c.notNull())
    .addColumn('joined_on', 'varchar(10)', (c: any) => c.notNull())
    .addColumn('left_on', 'varchar(10)')
    .execute();
  await db.schema.createIndex('branch_members_branch').on('branch_members').columns(['branch_id', 'left_on']).execute();
  await db.schema.createIndex('branch_members_user').on('branch_members').column('user_id').execute();

  await id(db.schema.createTable('meetings'))
    .addColumn('branch_id', 'varchar(64)', (c: any) => c.notNull().references('branches.id'))
    .addColumn('type', 'varchar(20)', (c: any) => c.notNull())
    .addColumn('title', 'varchar(200)', (c: any) => c.notNull())
    .addColumn('starts_at', ts, (c: any) => c.notNull())
    .addColumn('ends_at', ts, (c: any) => c.notNull())
    .addColumn('place', 'varchar(200)', (c: any) => c.notNull())
    .addColumn('status', 'varchar(12)', (c: any) => c.notNull())
    .addColumn('minutes_status', 'varchar(12)', (c: any) => c.notNull())
    .addColumn('uid', 'varchar(100)', (c: any) => c.notNull().unique())
    .addColumn('sequence', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('reminded_at', ts)
    .addColumn('created_by', 'varchar(64)', (c: any) => c.references('users.id'))
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c: any) => c.notNull())
    .addColumn('updated_at', ts, (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_branch').on('meetings').columns(['branch_id', 'starts_at']).execute();
  await db.schema.createIndex('meetings_starts').on('meetings').columns(['starts_at', 'reminded_at']).execute();

  await id(db.schema.createTable('meeting_invitees'))
    .addColumn('meeting_id', 'varchar(64)', (c: any) => c.notNull().references('meetings.id'))
    .addColumn('member_id', 'varchar(64)', (c: any) => c.references('branch_members.id'))
    .addColumn('user_id', 'varchar(64)', (c: any) => c.references('users.id'))
    .addColumn('name', 'varchar(40)', (c: any) => c.notNull())
    .addColumn('attendance', 'varchar(10)')
    .addColumn('leave_reason', 'varchar(200)')
    .addColumn('confirmation', 'varchar(12)')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('meeting_invitees_meeting').on('meeting_invitees').column('meeting_id').execute();
  await db.schema.createIndex('meeting_invitees_user').on('meeting_invitees').column('user_id').execute();

  await id(db.schema.createTable('agenda_items'))
    .addColumn('meeting_id', 'varchar(64)', (c: any) => c.notNull().references('meetings.id'))
    .addColumn('position', 'integer', (c: any) => c.notNull())
    .addColumn('title', 'varchar(200)', (c: any) => c.notNull())
    .addColumn('case_id', 'varchar(64)')
    .addColumn('carried_resolution_id', 'varchar(64)')
    .addColumn('minutes', 'text')
    .execute();
  await db.schema.createIndex('agenda_items_meeting').on('agenda_items').columns(['meeting_id', 'position']).execute();

  await id(db.schema.createTable('resolutions'))
    .addColumn('meeting_id', 'varchar(64)', (c: any) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'varchar(64)')
    .addColumn('text', 'text', (c: any) => c.notNull())
    .addColumn('owner_unit_id', 'varchar(64)', (c: any) => c.references('units.id'))
    .addColumn('due_date', 'varchar(10)')
    .addColumn('needs_action', 'integer', (c: any) => c.notNull())
    .addColumn('case_id', 'varchar(64)')
    .addColumn('created_at', ts, (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('resolutions_meeting').on('resolutions').column('meeting_id').execute();
  await db.schema.createIndex('resolutions_case').on('resolutions').column('case_id').execute();

  await db.schema
    .createTable('calendar_tokens')
    .addColumn('user_id', 'varchar(64)', (c) => c.primaryKey().references('users.id'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
