import type { Tx } from '../../kernel/db/connect.js';
import { FLOW_COLUMNS, GAUGE_COLUMNS, type FlowColumn, type GaugeColumn } from './case-facts.js';

/**
 * Reads of the counters. Each is a primary-key (or `board_gauges_unit`) range: scope, unit, then day — never a scan of
 * cases. `keys` are counter scopes (d:<district> / p:<project>); `unit` '' means every case of the scope.
 */
export type Gauges = Record<GaugeColumn, number>;
export type Flows = Record<FlowColumn, number>;
export const zeroGauges = (): Gauges => Object.fromEntries(GAUGE_COLUMNS.map((c) => [c, 0])) as Gauges;
export const zeroFlows = (): Flows => Object.fromEntries(FLOW_COLUMNS.map((c) => [c, 0])) as Flows;

const sums = <C extends string>(cols: readonly C[]) => (eb: any) => cols.map((c) => eb.fn.sum(c).as(c));
const numbers = <T extends Record<string, unknown>, C extends string>(row: T, cols: readonly C[]) =>
  Object.fromEntries(cols.map((c) => [c, Number(row[c] ?? 0)])) as Record<C, number>;

function gauges(db: Tx, keys: string[]) {
  return db.selectFrom('boardGauges').where('scope', 'in', keys.length ? keys : ['-']);
}
function flows(db: Tx, keys: string[], from: string, to: string) {
  return db.selectFrom('boardFlows').where('scope', 'in', keys.length ? keys : ['-']).where('day', '>=', from).where('day', '<=', to);
}

/** Gauges per case type. */
export async function gaugesByType(db: Tx, keys: string[], unit: string): Promise<Map<string, Gauges>> {
  const rows = await gauges(db, keys).where('unit', '=', unit).select('type').select(sums(GAUGE_COLUMNS)).groupBy('type').execute();
  return new Map(rows.map((r: any) => [r.type as string, numbers(r, GAUGE_COLUMNS)]));
}

/** Gauges per scope (e.g. per project: p:<id>), all types together. */
export async function gaugesByScope(db: Tx, keys: string[], unit: string): Promise<Map<string, Gauges>> {
  const rows = await gauges(db, keys).where('unit', '=', unit).select('scope').select(sums(GAUGE_COLUMNS)).groupBy('scope').execute();
  return new Map(rows.map((r: any) => [r.scope as string, numbers(r, GAUGE_COLUMNS)]));
}

/** Gauges per handling unit within the scopes. */
export async function gaugesByUnit(db: Tx, keys: string[]): Promise<Map<string, Gauges>> {
  const rows = await gauges(db, keys).where('unit', '!=', '').select('unit').select(sums(GAUGE_COLUMNS)).groupBy('unit').execute();
  return new Map(rows.map((r: any) => [r.unit as string, numbers(r, GAUGE_COLUMNS)]));
}

/** The district scopes a unit has cases in (a city department may work in several). */
export async function districtKeysOfUnit(db: Tx, unitId: string): Promise<string[]> {
  const rows = await db.selectFrom('boardGauges').select('scope').distinct().where('unit', '=', unitId)
    .where('scope', '>=', 'd:').where('scope', '<', 'd;').execute();
  return rows.map((r) => r.scope).sort();
}

export async function flowsByType(db: Tx, keys: string[], unit: string, from: string, to: string): Promise<Map<string, Flows>> {
  const rows = await flows(db, keys, from, to).where('unit', '=', unit).select('type').select(sums(FLOW_COLUMNS)).groupBy('type').execute();
  return new Map(rows.map((r: any) => [r.type as string, numbers(r, FLOW_COLUMNS)]));
}

/** Opened per day and type, closed per day: the weekly chart. */
export async function flowsByDay(db: Tx, keys: string[], unit: string, from: string, to: string) {
  const rows = await flows(db, keys, from, to).where('unit', '=', unit)
    .select((eb) => ['day', 'type', eb.fn.sum<number>('opened').as('opened'), eb.fn.sum<number>('closed').as('closed')])
    .groupBy(['day', 'type']).execute();
  return rows.map((r) => ({ day: r.day, type: r.type, opened: Number(r.opened), closed: Number(r.closed) }));
}

export async function flowsByScope(db: Tx, keys: string[], unit: string, from: string, to: string): Promise<Map<string, Flows>> {
  const rows = await flows(db, keys, from, to).where('unit', '=', unit).select('scope').select(sums(FLOW_COLUMNS)).groupBy('scope').execute();
  return new Map(rows.map((r: any) => [r.scope as string, numbers(r, FLOW_COLUMNS)]));
}

/** Flows per unit for the given units: one index range (scope, unit, days) per unit, never the scope's other days. */
export async function flowsByUnit(db: Tx, keys: string[], from: string, to: string, units: string[]): Promise<Map<string, Flows>> {
  const out = new Map<string, Flows>();
  const ids = [...new Set(units)].filter(Boolean);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await flows(db, keys, from, to).where('unit', 'in', ids.slice(i, i + 500)).select('unit').select(sums(FLOW_COLUMNS)).groupBy('unit').execute();
    for (const r of rows as any[]) out.set(r.unit as string, numbers(r, FLOW_COLUMNS));
  }
  return out;
}

export async function topCategories(db: Tx, keys: string[], unit: string, from: string, to: string, limit: number) {
  const rows = await db.selectFrom('boardCategories').where('scope', 'in', keys.length ? keys : ['-']).where('unit', '=', unit)
    .where('day', '>=', from).where('day', '<=', to)
    .select((eb) => ['category', eb.fn.sum<number>('opened').as('n')]).groupBy('category')
    .orderBy((eb) => eb.fn.sum('opened'), 'desc').orderBy('category').limit(limit).execute();
  return rows.map((r) => ({ category: r.category, n: Number(r.n) })).filter((r) => r.n > 0);
}

export const sumGauges = (m: Map<string, Gauges>) => [...m.values()].reduce((acc, g) => addUp(acc, g), zeroGauges());
export const sumFlows = (m: Map<string, Flows>) => [...m.values()].reduce((acc, f) => addUp(acc, f), zeroFlows());
function addUp<T extends Record<string, number>>(a: T, b: T): T {
  const out = { ...a };
  for (const k of Object.keys(b) as (keyof T)[]) out[k] = ((out[k] ?? 0) + (b[k] ?? 0)) as T[keyof T];
  return out;
}
export const openOf = (g: Gauges) => g.submitted + g.accepted + g.assigned + g.inProgress + g.answered;
