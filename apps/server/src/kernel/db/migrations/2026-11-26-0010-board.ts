import type { Kysely } from 'kysely';
import { dialectOf } from '../connect.js';

const GAUGES = ['submitted', 'accepted', 'assigned', 'in_progress', 'answered', 'closed', 'rejected', 'withdrawn', 'overdue', 'res_total', 'res_done', 'res_on_time'];
const FLOWS = ['opened', 'closed', 'closed_on_time', 'close_days', 'rated', 'satisfied', 'assigned', 'returned', 'sign_due', 'signed_on_time', 'res_closed', 'res_on_time'];

/**
 * The leadership board's counters and the weekly briefings' archive.
 * Counters are kept by the case write itself (same transaction): `scope` is `d:<district>` or `p:<project>`, `unit` is
 * '' for all of the scope's cases or a handling unit's id; gauges describe now, flows count events per Shanghai day.
 * `board_case_marks` keeps, per case, the facts last counted, so a change is counted as a difference exactly once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = 'bigint' as const;
  const bytes = dialectOf(db) === 'postgres' ? 'bytea' : 'blob';
  const counters = (name: string, keys: [string, string][], cols: string[]) => {
    let t = db.schema.createTable(name);
    for (const [k, type] of keys) t = t.addColumn(k, type as 'text', (c) => c.notNull());
    for (const c of cols) t = t.addColumn(c, 'integer', (col) => col.notNull().defaultTo(0));
    return t.addPrimaryKeyConstraint(`${name}_pk`, keys.map(([k]) => k) as never[]).execute();
  };
  await counters('board_gauges', [['scope', 'varchar(70)'], ['unit', 'varchar(64)'], ['type', 'varchar(20)']], GAUGES);
  await db.schema.createIndex('board_gauges_unit').on('board_gauges').columns(['unit', 'scope']).execute();
  await counters('board_flows', [['scope', 'varchar(70)'], ['unit', 'varchar(64)'], ['day', 'varchar(10)'], ['type', 'varchar(20)']], FLOWS);
  await counters('board_categories', [['scope', 'varchar(70)'], ['unit', 'varchar(64)'], ['day', 'varchar(10)'], ['category', 'varchar(60)']], ['opened']);

  await db.schema
    .createTable('board_case_marks')
    .addColumn('case_id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('board_case_marks_overdue').on('board_case_marks').columns(['overdue']).execute();

  // Exact cache invalidation: bumped by every counted change (`d:<district>`, and `*` for any).
  await db.schema
    .createTable('board_versions')
    .addColumn('key', 'varchar(70)', (c) => c.primaryKey())
    .addColumn('version', ts, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('board_project_lights')
    .addColumn('project_id', 'varchar(64)', (c) => c.primaryKey().references('projects.id'))
    .addColumn('light', 'varchar(10)', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('dirty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('computed_at', ts)
    .addColumn('changed_at', ts)
    .execute();
  await db.schema.createIndex('board_project_lights_dirty').on('board_project_lights').columns(['dirty']).execute();

  await db.schema
    .createTable('briefings')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('district_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
    .addColumn('week', 'varchar(8)', (c) => c.notNull())
    .addColumn('from_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('to_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('figures', 'text', (c) => c.notNull())
    .addColumn('pdf', bytes as 'text', (c) => c.notNull())
    .addColumn('docx', bytes as 'text', (c) => c.notNull())
    .addColumn('xlsx', bytes as 'text', (c) => c.notNull())
    .addColumn('generated_by', 'varchar(64)')
    .addColumn('generated_at', ts, (c) => c.notNull())
    .addColumn('notified_at', ts)
    .addUniqueConstraint('briefings_district_week', ['district_id', 'week'])
    .execute();
  await db.schema.createIndex('briefings_week').on('briefings').columns(['week']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
