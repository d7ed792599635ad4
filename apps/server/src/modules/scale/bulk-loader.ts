import type SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../../config.js';
import { connect, type Db, type DbHandle, type Dialect } from '../../kernel/db/connect.js';

/**
 * Fast inserts into the real tables for the data generator. Each statement is compiled by Kysely from the schema
 * (camelCase → snake_case, the same SQL the app would send for a multi-row insert), then prepared once per batch
 * size and run with fresh values: better-sqlite3 prepared statements on SQLite, named prepared statements on one
 * PostgreSQL connection (the next batch is generated while the database writes the previous one).
 * Secondary indexes of the big tables can be set aside during the load and rebuilt after it from their own DDL.
 */
const SUSPENDED_KEY = 'scale.suspended_indexes';
const PG_MAX_PARAMS = 65_000;
const SQLITE_MAX_PARAMS = 32_000;

type Row = Record<string, unknown>;

/** Rows in transit: a table's column names and its values, row after row. */
export type FlatRows = { table: string; columns: string[]; values: unknown[] };

/** Collects rows for one table as flat values (the column order fixed by the first row). */
export class RowSink {
  columns: string[] | null = null;
  values: unknown[] = [];
  total = 0;

  constructor(readonly table: string) {}

  add(row: object): void {
    const r = row as Row;
    const columns = (this.columns ??= Object.keys(r));
    for (const c of columns) this.values.push(r[c] ?? null);
    this.total++;
  }

  get pending(): number {
    return this.columns ? this.values.length / this.columns.length : 0;
  }

  /** Hands over what was collected and starts afresh. */
  take(): FlatRows | null {
    if (!this.columns || !this.values.length) return null;
    const out = { table: this.table, columns: this.columns, values: this.values };
    this.values = [];
    return out;
  }
}

export class TableWriter {
  private columns: string[] | null = null;
  private values: unknown[] = [];
  private readonly sqlByCount = new Map<number, string>();
  total = 0;

  /** A parent's rows are all written whenever the loader flushes, so children never point at unwritten rows. */
  constructor(private readonly loader: BulkLoader, readonly table: string, readonly batch: number, readonly parent: boolean) {}

  add(row: object): void {
    const r = row as Row;
    const columns = (this.columns ??= Object.keys(r));
    for (const c of columns) this.values.push(r[c] ?? null);
  }

  /** Rows collected elsewhere (a generator thread), in the same column order for the whole load. */
  addFlat(rows: FlatRows): void {
    this.columns ??= rows.columns;
    if (rows.columns.join() !== this.columns.join()) throw new Error(`${this.table}: the columns changed during the load`);
    for (const v of rows.values) this.values.push(v);
  }

  get pending(): number {
    return this.columns ? this.values.length / this.columns.length : 0;
  }

  /** Writes whole batches (and, with `all`, the rest). */
  async flush(all = false): Promise<void> {
    if (!this.columns) return;
    const width = this.columns.length;
    let offset = 0;
    while (this.values.length - offset >= this.batch * width || (all && this.values.length > offset)) {
      const n = Math.min(this.batch, (this.values.length - offset) / width);
      await this.write(this.values.slice(offset, offset + n * width), n);
      offset += n * width;
    }
    if (offset) this.values = this.values.slice(offset);
  }

  private async write(values: unknown[], count: number): Promise<void> {
    const columns = this.columns!;
    let text = this.sqlByCount.get(count);
    if (!text) {
      // Compile once per batch size with the column names as values: the parameters then show Kysely's column order.
      const marker = Object.fromEntries(columns.map((c) => [c, c]));
      const compiled = this.loader.db.insertInto(this.table as never).values(Array(count).fill(marker) as never).compile();
      const order = compiled.parameters.slice(0, columns.length) as string[];
      if (order.join() !== columns.join()) throw new Error(`unexpected column order for ${this.table}: ${order.join()}`);
      text = compiled.sql;
      this.sqlByCount.set(count, text);
    }
    await this.loader.run(`${this.table}_${count}`, text, values);
    this.total += count;
  }
}

export class BulkLoader {
  private readonly writers: TableWriter[] = [];
  private inFlight: Promise<unknown> | null = null;
  private failure: unknown = null;
  private readonly statements = new Map<string, SqliteDatabase.Statement>();
  /** Milliseconds spent in the database per table (SQLite: measured per statement). */
  readonly timings = new Map<string, number>();

  private constructor(readonly handle: DbHandle, private readonly pgClient: pg.Client | null) {}

  static async open(database: Config['database']): Promise<BulkLoader> {
    const handle = connect(database.kind === 'postgres' ? { ...database, poolSize: 2 } : database);
    let client: pg.Client | null = null;
    if (database.kind === 'postgres') {
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
      await client.query(`set synchronous_commit = off`);
      await client.query(`set maintenance_work_mem = '1GB'`);
      await client.query(`set max_parallel_maintenance_workers = 2`);
    } else {
      // Durability off for the load only (the app's own connections use synchronous=FULL); a big page cache.
      handle.sqlite!.pragma('synchronous = OFF');
      handle.sqlite!.pragma('journal_mode = OFF');
      // Foreign keys are checked once for the whole load at the end (`finish`), not row by row.
      handle.sqlite!.pragma('foreign_keys = OFF');
      handle.sqlite!.pragma('cache_size = -1048576');
      handle.sqlite!.pragma('temp_store = MEMORY');
    }
    return new BulkLoader(handle, client);
  }

  get db(): Db {
    return this.handle.db;
  }

  get dialect(): Dialect {
    return this.handle.dialect;
  }

  /** A writer for `table` (Kysely's camelCase name); batches are sized to the dialect's parameter limit. */
  writer(table: string, columns: number, maxRows = 1000, opts: { parent?: boolean } = {}): TableWriter {
    const limit = this.dialect === 'postgres' ? PG_MAX_PARAMS : SQLITE_MAX_PARAMS;
    const w = new TableWriter(this, table, Math.max(1, Math.min(maxRows, Math.floor(limit / columns))), opts.parent ?? false);
    this.writers.push(w);
    return w;
  }

  /** Flushes every writer in creation order (parents before children); `all` also writes partial batches. */
  async flushAll(all = false): Promise<void> {
    for (const w of this.writers) await w.flush(all || w.parent);
    if (all) await this.drain();
  }

  async run(name: string, text: string, values: unknown[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.dialect === 'sqlite') {
      let stmt = this.statements.get(name);
      if (!stmt) this.statements.set(name, (stmt = this.handle.sqlite!.prepare(text)));
      const t0 = performance.now();
      stmt.run(values);
      const table = name.replace(/_\d+$/, '');
      this.timings.set(table, (this.timings.get(table) ?? 0) + performance.now() - t0);
      return;
    }
    // One statement in flight on the one connection: order (and so foreign keys) is kept, and the CPU generating
    // the next batch overlaps with PostgreSQL writing this one.
    await this.inFlight;
    if (this.failure) throw this.failure;
    this.inFlight = this.pgClient!.query({ name, text, values }).catch((err: unknown) => {
      this.failure = err;
    });
  }

  async drain(): Promise<void> {
    await this.inFlight;
    this.inFlight = null;
    if (this.failure) throw this.failure;
  }

  /** Plain SQL on the loader's connection (DDL, ANALYZE …). */
  async exec(text: string, values: unknown[] = []): Promise<Row[]> {
    await this.drain();
    if (this.dialect === 'sqlite') {
      const stmt = this.handle.sqlite!.prepare(text);
      return stmt.reader ? (stmt.all(values) as Row[]) : (stmt.run(values), []);
    }
    return (await this.pgClient!.query(text, values)).rows as Row[];
  }

  async begin(): Promise<void> {
    if (this.dialect === 'sqlite') await this.exec('begin');
  }

  async commit(): Promise<void> {
    await this.flushAll(false);
    if (this.dialect === 'sqlite') await this.exec('commit');
    else await this.drain();
  }

  /** Drops the secondary (non-constraint) indexes of `tables` — and on PostgreSQL their foreign keys — remembering
   * the DDL in `settings` until rebuilt. */
  async suspendIndexes(tables: string[]): Promise<number> {
    await this.restoreIndexes();
    const defs = this.dialect === 'sqlite'
      ? (await this.exec(`select name, sql as ddl from sqlite_master where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(',')})`, tables))
      : (await this.exec(`select indexname as name, indexdef as ddl, null as tbl from pg_indexes where schemaname = current_schema() and tablename = any($1)
          and indexname not in (select conname from pg_constraint)
          union all
          -- PostgreSQL checks a foreign key row by row through a trigger; re-adding it afterwards checks the whole table in one join.
          select c.conname, 'alter table ' || quote_ident(t.relname) || ' add constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), t.relname
          from pg_constraint c join pg_class t on t.oid = c.conrelid
          where c.contype = 'f' and t.relname = any($1) and t.relnamespace = current_schema()::regnamespace`, [tables]));
    if (!defs.length) return 0;
    const now = Date.now();
    await this.exec(this.dialect === 'sqlite' ? `insert into settings (key, value, updated_at) values (?, ?, ?)` : `insert into settings (key, value, updated_at) values ($1, $2, $3)`,
      [SUSPENDED_KEY, JSON.stringify(defs), now]);
    for (const d of defs) await this.exec(d.tbl ? `alter table ${d.tbl as string} drop constraint ${d.name as string}` : `drop index ${d.name as string}`);
    return defs.length;
  }

  /** Rebuilds whatever `suspendIndexes` dropped (also after an interrupted run). */
  async restoreIndexes(onEach?: (name: string, ms: number) => void): Promise<void> {
    const p = this.dialect === 'sqlite' ? '?' : '$1';
    const [row] = await this.exec(`select value from settings where key = ${p}`, [SUSPENDED_KEY]);
    if (!row) return;
    for (const d of JSON.parse(row.value as string) as { name: string; ddl: string }[]) {
      const t0 = performance.now();
      if (d.ddl.startsWith('alter table')) {
        const [exists] = await this.exec('select 1 from pg_constraint where conname = $1', [d.name]);
        if (!exists) await this.exec(d.ddl);
      } else {
        await this.exec(d.ddl.replace(/^CREATE (UNIQUE )?INDEX /i, (m) => `${m}IF NOT EXISTS `));
      }
      onEach?.(d.name, performance.now() - t0);
    }
    await this.exec(`delete from settings where key = ${p}`, [SUSPENDED_KEY]);
  }

  /** Planner statistics, and the database back in its everyday settings. */
  async finish(): Promise<void> {
    await this.flushAll(true);
    await this.exec('analyze');
    if (this.dialect === 'sqlite') {
      this.handle.sqlite!.pragma('foreign_keys = ON');
      const broken = this.handle.sqlite!.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
      if (broken.length) throw new Error(`foreign keys broken after the load, e.g. ${JSON.stringify(broken.slice(0, 3))}`);
      this.handle.sqlite!.pragma('journal_mode = WAL');
      this.handle.sqlite!.pragma('wal_checkpoint(TRUNCATE)');
      this.handle.sqlite!.pragma('synchronous = FULL');
    }
  }

  async close(): Promise<void> {
    await this.drain().catch(() => undefined);
    await this.pgClient?.end();
    await this.handle.close();
  }
}
