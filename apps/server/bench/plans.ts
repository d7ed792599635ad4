/**
 * `node --import tsx apps/server/bench/plans.ts --db <url>`: the query plans of the hot queries, built by the app's own
 * code (policies, repositories) for the benchmark's users — EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on
 * PostgreSQL — with the time each takes. Prints Markdown.
 */
import { parseArgs } from 'node:util';
import { sql, type Compilable } from 'kysely';
import { loadConfig } from '../src/config.js';
import { loadActor } from '../src/kernel/auth/actors.js';
import { sha256 } from '../src/kernel/auth/tokens.js';
import { connect } from '../src/kernel/db/connect.js';
import { caseScope } from '../src/modules/cases/cases.policy.js';
import { caseListQueries } from '../src/modules/cases/cases.repository.js';
import type { CaseListQuery } from '@liaison/contracts';

async function main() {
  const { values } = parseArgs({ options: { db: { type: 'string' } } });
  const database = loadConfig({ DATABASE_URL: values.db, LOG_LEVEL: 'silent' }).database;
  const handle = connect(database.kind === 'postgres' ? { ...database, poolSize: 2 } : database);
  const db = handle.db;
  const user = async (username: string) => {
    const u = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    return (await loadActor(db, u.id, 'session'))!;
  };
  const [zjj, zy01, leader] = [await user('zjj'), await user('zy01'), await user('leader')];
  const zjjUnit = zjj.unitId!;
  const project = (await db.selectFrom('assignments').select('projectId').where('userId', '=', zy01.userId).where('role', '=', 'commissioner').executeTakeFirstOrThrow()).projectId;
  const someCase = (await db.selectFrom('cases').select('id').where('projectId', '=', project).orderBy('createdAt', 'desc').limit(1).executeTakeFirstOrThrow()).id;
  const now = new Date();
  const list = (actor: typeof zjj, q: Partial<CaseListQuery>) => {
    const { count, page } = caseListQueries(db, handle.dialect, actor, q as CaseListQuery, now);
    return { count, page: page(20, 0) };
  };
  const todo = list(zjj, { view: 'todo', unitId: zjjUnit, status: ['assigned', 'in_progress'], sort: 'deadline' });
  const projectList = list(zy01, { projectId: project });
  const s2 = list(leader, { q: '塔吊' });
  const s3 = list(leader, { q: '脚手架' });
  const queries: [string, Compilable<unknown>][] = [
    ['to-do list (住建局): count', todo.count], ['to-do list (住建局): page', todo.page],
    ['project case list (zy01): count', projectList.count], ['project case list (zy01): page', projectList.page],
    ['search 塔吊 (leader): count', s2.count], ['search 塔吊 (leader): page', s2.page],
    ['search 脚手架 (leader): count', s3.count], ['search 脚手架 (leader): page', s3.page],
    ['case page: the case as zy01 may see it', db.selectFrom('cases').selectAll().where('cases.id', '=', someCase).where(caseScope(zy01))],
    ['case page: unit rows', db.selectFrom('caseUnits').selectAll().where('caseId', 'in', [someCase]).orderBy('createdAt').orderBy('id')],
    ['timeline: events', db.selectFrom('caseEvents').selectAll().where('caseId', '=', someCase).orderBy('seq')],
    ['action: next event seq', db.selectFrom('caseEvents').select((eb) => eb.fn.max('seq').as('seq')).where('caseId', '=', someCase)],
    ['session lookup (with the user and roles)', db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.userId').selectAll('sessions')
      .select(['users.username', 'users.isActive']).where('sessions.id', '=', sha256('x'))],
    ['audit append: the chain\'s last row', db.selectFrom('auditLog').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1)],
    ['deadline sweep: a page of running clocks', db.selectFrom('cases').selectAll().where('status', 'in', ['assigned', 'in_progress']).where('clockState', 'in', ['sign', 'running'])
      .where('dueAt', 'is not', null).where('id', '>', '').orderBy('id').limit(500)],
    ['notifications: my unread', db.selectFrom('notifications').selectAll().where('userId', '=', zjj.userId).where('readAt', 'is', null).orderBy('createdAt', 'desc').limit(20)],
  ];
  const out: string[] = [`# Query plans (${handle.dialect}, ${values.db!.replace(/\/\/[^@]*@/, '//')}, ${now.toISOString()})`, ''];
  for (const [name, q] of queries) {
    const c = q.compile();
    const t0 = performance.now();
    let plan: string;
    if (handle.dialect === 'sqlite') {
      const rows = handle.sqlite!.prepare(`explain query plan ${c.sql}`).all(...(c.parameters as unknown[])) as { id: number; parent: number; detail: string }[];
      handle.sqlite!.prepare(c.sql).all(...(c.parameters as unknown[]));
      const depth = new Map<number, number>();
      plan = rows.map((r) => {
        const d = (depth.get(r.parent) ?? -1) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}`;
      }).join('\n');
    } else {
      const res = await sql.raw(`explain (analyze, buffers off, timing off) ${c.sql.replace(/\$(\d+)/g, (_, i) => lit(c.parameters[Number(i) - 1]))}`).execute(db);
      plan = (res.rows as Record<string, string>[]).map((r) => r['QUERY PLAN']).join('\n');
    }
    const ms = performance.now() - t0;
    out.push(`## ${name} — ${ms.toFixed(1)} ms`, '', '```sql', c.sql, '```', '```', plan, '```', '');
  }
  console.log(out.join('\n'));
  await handle.close();
}

const lit = (v: unknown) => (v === null ? 'null' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
