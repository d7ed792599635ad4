import { sql, type Expression, type SqlBool } from 'kysely';
import type { Dialect } from './connect.js';

/** Case-insensitive substring match, with the escape character both databases need spelled out. */
export function containsText(dialect: Dialect, column: string, pattern: string): Expression<SqlBool> {
  return dialect === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} ilike ${pattern} escape '\\'`
    : sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
