import { sql, type Kysely } from 'kysely';
import calendarSeed from '../../../../seed/calendar-cn.json' with { type: 'json' };
import { dialectOf } from '../connect.js';

/** Default time limits in working days (DOMAIN.md); `sign` is the sign-for limit after dispatch. */
const DEFAULT_LIMITS: [type: string, normal: number, urgent: number][] = [
  ['safety', 3, 1], ['appeal', 5, 5], ['dispute', 10, 10], ['enterprise', 10, 10], ['approval', 10, 10],
  ['coordination', 15, 15], ['sign', 1, 1],
];

/** The working calendar, background jobs, and the case engine (cases, units, events, numbers, limits, search). */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = 'bigint' as const;
  const id = 'varchar(64)' as const;
  const now = Date.now();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'varchar(10)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('name', 'varchar(40)', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.insertInto('calendar_days').values(calendarSeed.days.map((d) => ({ ...d, updated_at: now }))).execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('run_at', ts, (c) => c.notNull())
    .addColumn('locked_by', 'varchar(100)')
    .addColumn('locked_until', ts)
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('done_at', ts)
    .addColumn('failed_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['done_at', 'run_at']).execute();

  await db.schema
    .createTable('job_schedules')
    .addColumn('name', 'varchar(80)', (c) => c.primaryKey())
    .addColumn('interval_ms', ts, (c) => c.notNull())
    .addColumn('next_run_at', ts, (c) => c.notNull())
    .addColumn('locked_by', 'varchar(100)')
    .addColumn('locked_until', ts)
    .addColumn('last_run_at', ts)
    .addColumn('last_error', 'text')
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('district_id', id, (c) => c.notNull().references('units.id'))
    .addColumn('number', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('project_id', id, (c) => c.notNull().references('projects.id'))
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('category', 'varchar(40)')
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source', 'varchar(20)', (c) => c.notNull())
    .addColumn('priority', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('reporter_id', id, (c) => c.references('users.id'))
    .addColumn('reporter_unit_id', id, (c) => c.references('units.id'))
    .addColumn('dispatcher_id', id, (c) => c.references('users.id'))
    .addColumn('lead_unit_id', id, (c) => c.references('units.id'))
    .addColumn('assignee_id', id, (c) => c.references('users.id'))
    .addColumn('clock_state', 'varchar(10)', (c) => c.notNull())
    .addColumn('sign_limit_days', 'integer')
    .addColumn('sign_deadline', ts)
    .addColumn('limit_days', 'integer')
    .addColumn('deadline', ts)
    .addColumn('due_at', ts)
    .addColumn('paused_at', ts)
    .addColumn('light', 'varchar(10)', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supervision_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_for', ts)
    .addColumn('reminded_for', ts)
    .addColumn('ext_days', 'integer')
    .addColumn('ext_reason', 'text')
    .addColumn('ext_requested_at', ts)
    .addColumn('public_reply', 'text')
    .addColumn('answered_at', ts)
    .addColumn('rating', 'varchar(24)')
    .addColumn('rating_comment', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into_id', id, (c) => c.references('cases.id'))
    .addColumn('source_ref_type', 'varchar(40)')
    .addColumn('source_ref_id', id)
    .addColumn('accepted_at', ts)
    .addColumn('dispatched_at', ts)
    .addColumn('signed_at', ts)
    .addColumn('closed_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One index per list filter (with the status most lists also narrow by), and the deadline sort.
  for (const cols of [
    ['project_id', 'status'], ['status', 'due_at'], ['lead_unit_id', 'status'], ['assignee_id', 'status'],
    ['reporter_id', 'created_at'], ['reporter_unit_id'], ['type', 'status'], ['light', 'status'], ['supervision_level'],
    ['overdue', 'due_at'], ['source'], ['priority'], ['created_at'], ['updated_at'], ['due_at'], ['district_id', 'created_at'],
    ['source_ref_type', 'source_ref_id'], ['merged_into_id'],
  ]) {
    await db.schema.createIndex(`cases_${cols.join('_')}`).on('cases').columns(cols).execute();
  }

  await db.schema
    .createTable('case_units')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull().references('cases.id'))
    .addColumn('unit_id', id, (c) => c.notNull().references('units.id'))
    .addColumn('role', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('sign_deadline', ts)
    .addColumn('deadline', ts)
    .addColumn('signed_at', ts)
    .addColumn('answered_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_units_case').on('case_units').columns(['case_id', 'active']).execute();
  await db.schema.createIndex('case_units_unit').on('case_units').columns(['unit_id', 'active', 'case_id']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', id, (c) => c.primaryKey())
    .addColumn('case_id', id, (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('actor_id', id)
    .addColumn('actor_name', 'varchar(64)')
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('case_events_case_seq', ['case_id', 'seq'])
    .execute();
  await db.schema.createIndex('case_events_at').on('case_events').columns(['kind', 'at']).execute();

  await db.schema
    .createTable('case_counters')
    .addColumn('district_id', id, (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_counters_pk', ['district_id', 'year'])
    .execute();

  await db.schema
    .createTable('case_limits')
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    .addColumn('priority', 'varchar(10)', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_limits_pk', ['type', 'priority'])
    .execute();
  await db.insertInto('case_limits').values(DEFAULT_LIMITS.flatMap(([type, normal, urgent]) => [
    { type, priority: 'normal', days: normal, updated_at: now },
    { type, priority: 'urgent', days: urgent, updated_at: now },
  ])).execute();

  // The first search index (trigrams): replaced by character pairs in 0011, kept here as it first ran.
  if (dialectOf(db) === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const col of ['number', 'title', 'description']) {
      await sql`create index ${sql.id(`cases_${col}_trgm`)} on cases using gin (${sql.id(col)} gin_trgm_ops)`.execute(db);
    }
  } else {
    await sql`create virtual table cases_fts using fts5(doc_id unindexed, number, title, description, tokenize = 'trigram')`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
