import type { Kysely } from 'kysely';

/**
 * Indexes the city-scale query plans asked for (issue 9; apps/server/bench/plans.ts shows the plans):
 * - a handling unit's to-do list reads its co-handling rows (role, state) from the index alone, instead of visiting
 *   every case_units row the unit ever had;
 * - a project's case list, newest first, reads its first page straight off the index instead of sorting all the
 *   project's cases.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('case_units_unit_role').on('case_units').columns(['unit_id', 'role', 'active', 'status', 'case_id']).execute();
  await db.schema.createIndex('cases_project_id_created_at').on('cases').columns(['project_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
