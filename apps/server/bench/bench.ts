/**
 * `npm run bench -- --db <sqlite:path | postgres://…> [--connections 16] [--duration 10] [--warmup 2] [--only <text>]
 *   [--appeals 400] [--cold-starts 3] [--node-args "--max-old-space-size=192"]`
 *
 * Starts the built server on a generated database (npm run generate) and measures, in one run, each route of issue 9
 * with autocannon on loopback (fixed connections and duration) next to its bare baseline in the same process
 * (bare-baselines.ts). Prints per route req/s, p50, p99 and the ratio to the baseline, the server's peak RSS and its
 * cold start (spawn → /readyz 200, of apps/server/dist/main.js), and writes JSON and Markdown to bench/results/.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { loadConfig } from '../src/config.js';
import { connect } from '../src/kernel/db/connect.js';
import { DEMO_PASSWORD } from '../src/modules/demo/demo-accounts.js';
import { renderMarkdown, renderTable, type BenchResult, type RouteResult } from './report.js';
import { lookups, routeSpecs, type Fixture, type Req, type Session } from './routes.js';
import { freePort, SERVER_NODE_ARGS, startServer, watchMemory } from './server-process.js';

const here = dirname(fileURLToPath(import.meta.url));
const serverDir = resolve(here, '..');
const repoRoot = resolve(serverDir, '../..');

async function bundleBenchServer(): Promise<string> {
  const pkg = JSON.parse(readFileSync(join(serverDir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  // Beside dist/main.js, so the bundle finds package.json, seed/ and the web app where the server does.
  const outfile = join(serverDir, 'dist', 'bench-server.js');
  await build({
    entryPoints: [join(here, 'bench-server.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', sourcemap: true,
    external: [...Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@liaison/')), 'zod'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }, logLevel: 'warning',
  });
  return outfile;
}

async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('liaison_session='))!;
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** Cases waiting in `accepted` on zy01's project for the dispatch ⇄ return cycle, made through the API. */
async function acceptedCases(base: string, s: Session, projectId: string, n: number): Promise<string[]> {
  const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const created = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers, body: JSON.stringify({ projectId, type: 'coordination', title: `基准测试派单 ${i}`, description: '压测用的协调事项' }) });
    const { id } = (await created.json()) as { id: string };
    const accepted = await fetch(`${base}/api/v1/cases/${id}/actions/accept`, { method: 'POST', headers, body: '{}' });
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${await accepted.text()}`);
    ids.push(id);
  }
  return ids;
}

/** Challenges fetched from the server and solved here, before the load (16 bits: ~65,000 hashes each). */
async function solvedChallenges(base: string, n: number): Promise<{ token: string; nonce: string }[]> {
  const out = [];
  for (let i = 0; i < n; i++) {
    const c = (await (await fetch(`${base}/api/public/challenge`)).json()) as { token: string; salt: string; bits: number };
    for (let k = 0; ; k++) {
      const nonce = k.toString(36);
      const h = createHash('sha256').update(`${c.salt}:${nonce}`).digest();
      let bits = 0;
      for (const byte of h) {
        if (byte === 0) { bits += 8; continue; }
        bits += Math.clz32(byte) - 24;
        break;
      }
      if (bits >= c.bits) {
        out.push({ token: c.token, nonce });
        break;
      }
    }
  }
  return out;
}

async function present(base: string, s: Session, path: string): Promise<boolean> {
  const res = await fetch(`${base}${path}`, { headers: { cookie: s.cookie } });
  return res.status !== 404 || !(await res.text()).includes('no route');
}

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; total: number };

/**
 * Waits until the server answers /healthz quickly a few times in a row: requests a slow route left queued (SQLite runs
 * each query on the event loop) must not be charged to the next route.
 */
async function settle(base: string, maxMs = 180_000): Promise<void> {
  let quick = 0;
  for (const end = Date.now() + maxMs; Date.now() < end && quick < 3;) {
    const t0 = performance.now();
    await fetch(`${base}/healthz`).catch(() => undefined);
    quick = performance.now() - t0 < 20 ? quick + 1 : 0;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function load(url: string, requests: Req[], connections: number, duration: number, amount?: number): Promise<Load> {
  const r = await autocannon({ url, connections, ...(amount ? { amount } : { duration }), requests: requests as never, timeout: 30 });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, total: r.requests.total };
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' }, connections: { type: 'string', default: '16' }, duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' }, only: { type: 'string' }, out: { type: 'string', default: join(repoRoot, 'bench', 'results') },
      'cold-starts': { type: 'string', default: '3' }, appeals: { type: 'string', default: '400' }, 'node-args': { type: 'string' },
    },
  });
  if (!values.db) throw new Error('--db sqlite:/path/file.db or --db postgres://… is required (a database made by npm run generate)');
  const loadBefore = loadavg()[0]!;
  const connections = Number(values.connections);
  const duration = Number(values.duration);
  const warmup = Number(values.warmup);
  const database = loadConfig({ DATABASE_URL: values.db, LOG_LEVEL: 'silent' }).database;
  const dialect = database.kind;
  const dataDir = mkdtempSync(join(tmpdir(), 'liaison-bench-'));
  const env: Record<string, string> = {
    NODE_ENV: 'production', HOST: '127.0.0.1', DATABASE_URL: values.db, DATA_DIR: dataDir, LOG_LEVEL: 'warn', LIAISON_DEMO: 'true',
    LIAISON_SECRET: 'bench-secret-bench-secret-bench-secret-01', RATE_LIMIT_SIGNIN_PER_MINUTE: '100000', RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
  };

  // The server runs with npm start's V8 flags unless told otherwise (`--node-args ""` for none).
  const nodeArgs = values['node-args'] === undefined ? SERVER_NODE_ARGS : values['node-args'].split(/\s+/).filter(Boolean);
  const mainJs = join(serverDir, 'dist', 'main.js');
  if (!existsSync(mainJs)) {
    console.log('building the server (apps/server/dist) …');
    if (spawnSync(process.execPath, ['build.mjs'], { cwd: serverDir, stdio: 'inherit' }).status !== 0) throw new Error('server build failed');
  }
  const coldStarts: number[] = [];
  for (let i = 0; i < Number(values['cold-starts']); i++) {
    const s = await startServer(mainJs, { ...env, PORT: String(await freePort()) }, undefined, nodeArgs);
    coldStarts.push(s.startMs);
    await s.stop();
  }
  console.log(`cold start (dist/main.js, spawn → /readyz 200): ${coldStarts.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);

  const entry = await bundleBenchServer();
  const port = await freePort();
  const basePort = await freePort();
  const server = await startServer(entry, { ...env, PORT: String(port), BENCH_BASELINE_PORT: String(basePort) }, undefined, nodeArgs);
  const memory = watchMemory(server.child.pid!);
  const app = `http://127.0.0.1:${port}`;
  const bare = `http://127.0.0.1:${basePort}`;
  try {
    const handle = connect(database.kind === 'postgres' ? { ...database, poolSize: 2 } : database);
    const ids = await lookups(handle.db);
    await handle.close();
    const sessions = { leader: await signIn(app, 'leader'), zy01: await signIn(app, 'zy01'), zjj: await signIn(app, 'zjj') };
    const presence = {
      board: await present(app, sessions.leader, '/api/v1/dashboard/summary'),
      open311: await present(app, sessions.leader, '/open311/v2/requests.json'),
      appeals: await present(app, sessions.leader, '/api/public/challenge'),
    };
    const wantAppeals = presence.appeals && (!values.only || 'public appeal submission'.includes(values.only));
    const fixture: Fixture = {
      password: DEMO_PASSWORD, sessions, ...ids, acceptedIds: await acceptedCases(app, sessions.zy01, ids.projectId, connections * 12), present: presence,
      challenges: wantAppeals ? await solvedChallenges(app, Number(values.appeals)) : [],
    };
    const specs = routeSpecs(fixture).filter((s) => !values.only || s.name.includes(values.only));
    const results: RouteResult[] = [];
    let commentBase: Load | null = null;
    for (const spec of specs) {
      const conns = spec.connections ?? connections;
      process.stdout.write(`${spec.name} … `);
      await settle(app);
      if (!spec.amount) await load(app, spec.app, conns, warmup);
      const measured = await load(app, spec.app, conns, duration, spec.amount);
      let base: Load | null = null;
      if (spec.base) {
        await settle(app);
        await load(bare, spec.base, conns, warmup);
        base = await load(bare, spec.base, conns, duration);
        if (spec.name.startsWith('case action: comment')) commentBase = base;
      } else if (spec.baseNote?.includes('comment')) {
        base = commentBase;
      }
      results.push({ name: spec.name + (spec.amount ? ` (${spec.amount} requests)` : ''), kind: spec.kind, connections: conns, app: measured, base, baseNote: spec.baseNote ?? null, target: spec.target, load1: loadavg()[0]! });
      console.log(`${Math.round(measured.rps)} req/s, p99 ${measured.p99} ms${measured.non2xx ? ` (${measured.non2xx} non-2xx!)` : ''}`);
    }
    // The latency of one action with nobody else waiting: what one clerk sees.
    const single = specs.find((s) => s.name.startsWith('case action: comment'));
    if (single) {
      await settle(app);
      const one = await load(app, single.app, 1, duration);
      results.push({ name: `${single.name}, 1 connection`, kind: 'write', connections: 1, app: one, base: null, baseNote: null, target: single.target, load1: loadavg()[0]! });
    }
    const mem = memory.stop();
    const notMeasured = [
      ...(fixture.present.board ? [] : ['board summary (/api/v1/dashboard/summary): no such route yet']),
      ...(fixture.present.open311 ? [] : ['Open311 request list (/open311/v2/requests.json): no such route yet']),
      ...(fixture.present.appeals ? [] : ['public appeal submission (/api/public/appeals): no such route yet']),
    ];
    const result: BenchResult = {
      at: new Date().toISOString(), dialect, db: values.db.replace(/\/\/[^@]*@/, '//'), connections, duration, warmup,
      coldStartMs: coldStarts, peakRssMb: mem.peakRssMb, vmHwmMb: mem.vmHwmMb, routes: results, notMeasured, node: process.version,
      loadBefore, loadAfter: loadavg()[0]!, cpus: cpus().length, nodeArgs,
    };
    console.log('\n' + renderTable(result));
    mkdirSync(values.out!, { recursive: true });
    const stamp = result.at.replace(/[:.]/g, '-');
    writeFileSync(join(values.out!, `${stamp}-${dialect}.json`), JSON.stringify(result, null, 2));
    writeFileSync(join(values.out!, `${stamp}-${dialect}.md`), renderMarkdown(result));
    console.log(`\nwritten: bench/results/${stamp}-${dialect}.{json,md}`);
  } finally {
    memory.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
