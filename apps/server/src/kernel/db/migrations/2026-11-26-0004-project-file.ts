import type { Kysely } from 'kysely';

/** The project file (一项目一档): milestones, monthly progress, handovers, site logs, young cadres' learning. */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = 'bigint' as const;
  await db.schema
    .createTable('milestones')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('project_id', 'varchar(64)', (c) => c.notNull().references('projects.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('planned_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('actual_date', 'varchar(10)')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('milestones_project').on('milestones').columns(['project_id', 'planned_date']).execute();

  await db.schema
    .createTable('progress_reports')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('project_id', 'varchar(64)', (c) => c.notNull().references('projects.id'))
    .addColumn('period', 'varchar(7)', (c) => c.notNull())
    .addColumn('percent_done', 'double precision', (c) => c.notNull())
    .addColumn('investment_period', 'double precision', (c) => c.notNull())
    .addColumn('investment_to_date', 'double precision', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('submitted_by', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('submitted_at', ts, (c) => c.notNull())
    .addColumn('confirmed_by', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('confirmed_at', ts)
    .addColumn('return_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('progress_reports_period').on('progress_reports').columns(['project_id', 'period']).unique().execute();

  await db.schema
    .createTable('handovers')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('project_id', 'varchar(64)', (c) => c.notNull().references('projects.id'))
    .addColumn('from_user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('to_user_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handovers_project').on('handovers').column('project_id').execute();

  await db.schema
    .createTable('site_logs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('project_id', 'varchar(64)', (c) => c.notNull().references('projects.id'))
    .addColumn('author_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('time_in', 'varchar(5)')
    .addColumn('time_out', 'varchar(5)')
    .addColumn('weather', 'varchar(40)')
    .addColumn('duties', 'varchar(100)', (c) => c.notNull())
    .addColumn('seen', 'text', (c) => c.notNull())
    .addColumn('done', 'text', (c) => c.notNull())
    .addColumn('people_met', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('site_logs_project_date').on('site_logs').columns(['project_id', 'date']).execute();
  await db.schema.createIndex('site_logs_author_date').on('site_logs').columns(['author_id', 'date']).execute();

  await db.schema
    .createTable('site_log_problems')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('site_log_id', 'varchar(64)', (c) => c.notNull().references('site_logs.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('case_id', 'varchar(64)')
    .addColumn('created_by', 'varchar(64)', (c) => c.references('users.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('site_log_problems_log').on('site_log_problems').column('site_log_id').execute();

  await db.schema
    .createTable('learning_logs')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('assistant_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('project_id', 'varchar(64)', (c) => c.references('projects.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('activities', 'text', (c) => c.notNull())
    .addColumn('learned', 'text', (c) => c.notNull())
    .addColumn('mentor_comment', 'text')
    .addColumn('mentor_commented_at', ts)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('learning_logs_assistant').on('learning_logs').columns(['assistant_id', 'date']).execute();

  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('assistant_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('mentor_id', 'varchar(64)', (c) => c.notNull().references('users.id'))
    .addColumn('term_end', 'varchar(10)', (c) => c.notNull())
    .addColumn('rating', 'varchar(12)', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evaluations_assistant').on('evaluations').column('assistant_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
