/**
 * The limit each route is measured against: a bare Fastify instance in the server's own process (no plugins, no
 * hooks, no auth, no validation, no presenter) whose routes run the minimal equivalent SQL straight through the
 * driver — better-sqlite3 on the app's own connection, or a pg pool of the app's size — and send the rows as JSON.
 */
import { createHash, randomBytes } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { Config } from '../src/config.js';
import { hashOf } from '../src/kernel/audit/audit.js';
import type { DbHandle } from '../src/kernel/db/connect.js';

type Q = (text: string, params?: unknown[]) => Promise<Record<string, any>[]>;
type Tx = <T>(fn: (q: Q) => Promise<T>) => Promise<T>;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

function sqliteDriver(handle: DbHandle): { q: Q; tx: Tx; close(): Promise<void> } {
  const raw = handle.sqlite!;
  const cache = new Map<string, ReturnType<typeof raw.prepare>>();
  const stmt = (text: string) => cache.get(text) ?? cache.set(text, raw.prepare(text)).get(text)!;
  const q: Q = async (text, params = []) => {
    const s = stmt(text);
    return s.reader ? (s.all(params) as Record<string, any>[]) : (s.run(params), []);
  };
  // better-sqlite3 is synchronous: the whole transaction runs without yielding, as the app's single connection does.
  const tx: Tx = async (fn) => {
    raw.exec('begin immediate');
    try {
      const out = await fn(q);
      raw.exec('commit');
      return out;
    } catch (err) {
      raw.exec('rollback');
      throw err;
    }
  };
  return { q, tx, close: async () => undefined };
}

function pgDriver(config: Config): { q: Q; tx: Tx; close(): Promise<void> } {
  const db = config.database as { url: string; poolSize: number };
  const pool = new pg.Pool({ connectionString: db.url, max: db.poolSize });
  const toPg = (text: string) => { let i = 0; return text.replace(/\?/g, () => `$${++i}`); };
  const q: Q = async (text, params = []) => (await pool.query(toPg(text), params)).rows;
  const tx: Tx = async (fn) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const out = await fn(async (text, params = []) => (await client.query(toPg(text), params)).rows);
      await client.query('commit');
      return out;
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  };
  return { q, tx, close: () => pool.end() };
}

/** One Chinese term as the index's match text (search.ts: adjacent character pairs, one character as a prefix). */
function indexQuery(isPg: boolean, term: string): string {
  const chars = [...term];
  const pairs = chars.length === 1 ? [chars[0]!] : chars.slice(0, -1).map((ch, i) => ch + chars[i + 1]!);
  const prefix = chars.length === 1;
  if (isPg) return pairs.map((p, i) => `'${p}'${prefix && i === pairs.length - 1 ? ':*' : ''}`).join(' <-> ');
  return `"${pairs.join(' ')}"${prefix ? '*' : ''}`;
}

export async function startBaselines(handle: DbHandle, config: Config, port: number): Promise<FastifyInstance> {
  const isPg = handle.dialect === 'postgres';
  const driver = isPg ? pgDriver(config) : sqliteDriver(handle);
  const { q, tx } = driver;
  const app = Fastify({ logger: false });
  app.addHook('onClose', async () => driver.close());
  const page = async (where: string, params: unknown[], order: string) => {
    const [items, total] = await Promise.all([
      q(`select * from cases where ${where} order by ${order} limit 20`, params),
      q(`select count(*) as n from cases where ${where}`, params),
    ]);
    return { items, total: Number(total[0]!.n) };
  };

  app.post('/signin', async (req) => {
    const { username, password } = req.body as { username: string; password: string };
    const [user] = await q('select id, password_hash from users where username = ?', [username]);
    if (!user || !(await verify(user.password_hash, password))) return { ok: false };
    const now = Date.now();
    await q('insert into sessions (id, user_id, csrf_token, step, created_at, last_seen_at, expires_at, ip, user_agent, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [sha256(randomBytes(32).toString('hex')), user.id, randomBytes(16).toString('hex'), 'ok', now, now, now + 3_600_000, null, null, null]);
    return { ok: true };
  });

  app.get('/todo', async (req) => {
    const { unitId, status } = req.query as { unitId: string; status: string };
    const statuses = status.split(',');
    return page(`lead_unit_id = ? and status in (${statuses.map(() => '?').join(',')})`, [unitId, ...statuses], 'due_at asc');
  });

  app.get('/project-cases', async (req) => page('project_id = ?', [(req.query as { projectId: string }).projectId], 'created_at desc'));

  // The search index read as directly as it can be: the match, newest first, a page of cases, and the count.
  app.get('/search', async (req) => {
    const match = indexQuery(isPg, (req.query as { q: string }).q);
    if (isPg) {
      const where = "id in (select doc_id from cases_fts where tsv @@ to_tsquery('simple', ?))";
      return page(where, [match], 'created_at desc');
    }
    const [items, total] = await Promise.all([
      q('select c.* from cases_fts f join cases c on c.id = f.doc_id where cases_fts match ? order by f.rowid desc limit 20', [match]),
      q('select count(*) as n from cases_fts where cases_fts match ?', [match]),
    ]);
    return { items, total: Number(total[0]!.n) };
  });

  app.get('/case/:id', async (req) => {
    const id = (req.params as { id: string }).id;
    const [[row], units] = await Promise.all([q('select * from cases where id = ?', [id]), q('select * from case_units where case_id = ?', [id])]);
    return { ...row, units };
  });

  app.get('/case/:id/events', async (req) => ({ items: await q('select * from case_events where case_id = ? order by seq', [(req.params as { id: string }).id]) }));

  // A comment: the case's version, the event, the audit row on the chain, a notice — one transaction.
  app.post('/comment/:id', async (req) => {
    const id = (req.params as { id: string }).id;
    const { text, userId } = req.body as { text: string; userId: string };
    return tx(async (t) => {
      const now = Date.now();
      await t('update cases set version = version + 1, updated_at = ? where id = ?', [now, id]);
      const [m] = await t('select max(seq) as seq from case_events where case_id = ?', [id]);
      await t('insert into case_events (id, case_id, seq, kind, actor_id, actor_name, at, payload, internal) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [uuidv7(), id, Number(m!.seq ?? 0) + 1, 'commented', userId, null, now, JSON.stringify({ text }), 0]);
      if (isPg) await t('select pg_advisory_xact_lock(7153032026)');
      const [last] = await t('select seq, hash from audit_log order by seq desc limit 1');
      // A real link of the chain (the benchmarked database still verifies afterwards).
      const row = { seq: Number(last?.seq ?? 0) + 1, id: uuidv7(), at: now, actorId: userId, actorName: null, actorRole: null, action: 'case.commented', entityType: 'case',
        entityId: id, changes: null, ip: null, userAgent: null, requestId: null, prevHash: (last?.hash as string | undefined) ?? '0'.repeat(64) };
      await t('insert into audit_log (seq, id, at, actor_id, action, entity_type, entity_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [row.seq, row.id, now, userId, row.action, 'case', id, row.prevHash, hashOf(row)]);
      await t('insert into notifications (id, user_id, kind, title, created_at) values (?, ?, ?, ?, ?)', [uuidv7(), userId, 'case.commented', text, now]);
      return { ok: true };
    });
  });

  app.get('/geojson', async () => {
    const rows = await q(`select p.id, p.code, p.name, p.lat, p.lng, p.light, p.phase, p.address, s.name as street from projects p
      left join units s on s.id = p.street_id where p.archived_at is null and p.lat is not null and p.lng is not null order by p.code`);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: { type: 'Point', coordinates: [r.lng, r.lat] }, properties: { id: r.id, code: r.code, name: r.name, light: r.light, phase: r.phase, address: r.address, street: r.street } })),
    };
  });

  // Public appeal / new case: the number, the case row, its first event (and the full-text row on SQLite).
  app.post('/create-case', async (req) => {
    const b = req.body as { projectId: string; districtId: string; code: string; title: string; description: string };
    return tx(async (t) => {
      const now = Date.now();
      const year = new Date(now + 8 * 3_600_000).getUTCFullYear();
      await t('insert into case_counters (district_id, year, last) values (?, ?, 0) on conflict do nothing', [b.districtId, year]);
      const [{ last }] = (await t('update case_counters set last = last + 1 where district_id = ? and year = ? returning last', [b.districtId, year])) as [{ last: number }];
      const id = uuidv7();
      const number = `${b.code}-${year}-${String(last).padStart(6, '0')}`;
      await t(`insert into cases (id, district_id, number, project_id, type, title, description, source, priority, status, clock_state, light, created_at, updated_at)
        values (?, ?, ?, ?, 'appeal', ?, ?, 'public_portal', 'normal', 'submitted', 'idle', 'green', ?, ?)`, [id, b.districtId, number, b.projectId, b.title, b.description, now, now]);
      if (!isPg) await t('insert into cases_fts (doc_id, number, title, description) values (?, ?, ?, ?)', [id, number, b.title, b.description]);
      await t('insert into case_events (id, case_id, seq, kind, at, payload, internal) values (?, ?, 1, ?, ?, ?, 0)', [uuidv7(), id, 'created', now, '{}']);
      return { id, number };
    });
  });

  // GeoReport v2 GET requests: the last 90 days' appeals with their case's state, at most 1000.
  app.get('/open311-requests', async () => {
    const now = Date.now();
    return q(`select a.id, a.state, a.category, a.description, a.address, a.lat, a.lng, a.media_url, a.public_reply, a.created_at, a.updated_at,
      c.status, c.updated_at as case_updated_at, c.closed_at, c.deadline, c.limit_days, c.merged_into_id, u.name as lead_unit
      from appeals a left join cases c on c.id = a.case_id left join units u on u.id = c.lead_unit_id
      where a.created_at >= ? and a.created_at <= ? order by a.created_at desc, a.id desc limit 1000`, [now - 90 * 86_400_000, now]);
  });

  // The board as it is meant to be read: the district's counters (kept by the case writes), not a count of the cases.
  app.get('/board', async (req) => {
    const district = (req.query as { district: string }).district;
    const [gauges, flows, projects] = await Promise.all([
      q(`select * from board_gauges where scope = ? and unit = ''`, [`d:${district}`]),
      q(`select * from board_flows where scope = ? and unit = '' and day >= ?`, [`d:${district}`, new Date(Date.now() - 28 * 86_400_000).toISOString().slice(0, 10)]),
      q('select light, count(*) as n from projects where district_id = ? and archived_at is null group by light', [district]),
    ]);
    return { gauges, flows, projects };
  });

  await app.listen({ port, host: '127.0.0.1' });
  return app;
}
