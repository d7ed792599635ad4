import type { Tx } from '../db/connect.js';
import { addDays, buildCalendar, type WorkingCalendar } from './working-calendar.js';

/**
 * The working calendar as the database holds it (the admin edits it every November). Read fresh for each use: the
 * table is a few dozen rows a year, and a cache would go stale on the other server instances after an edit.
 * `fromDate` skips the years a computation can no longer reach.
 */
export async function loadWorkingCalendar(db: Tx, fromDate?: string): Promise<WorkingCalendar> {
  let q = db.selectFrom('calendarDays').select(['date', 'kind']);
  if (fromDate) q = q.where('date', '>=', addDays(fromDate, -1));
  return buildCalendar(await q.execute());
}
