// End-to-end test harness: a built Liaison server on a free port with a fresh data dir, and Debian's
// Chromium driven by playwright-core.
//
//   const server = await startServer();            // node apps/server/dist/main.js, demo data seeded
//   const browser = await launchBrowser();
//   const page = await newPage(browser, { baseURL: server.url });   // zh-CN, 1280x800
//   await signIn(page, 'leader');
//   await screenshot(page, 'dashboard');            // .test-results/screens/dashboard.png
//   await page.context().close(); await browser.close(); await server.stop();
//
// Requires `npm run build` first (apps/server/dist/main.js and the web bundle it serves).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_MAIN = join(REPO_ROOT, 'apps/server/dist/main.js');
/** The V8 flags `npm start` gives the server (package.json): the browser tests run it the same way. */
export const SERVER_NODE_ARGS = ['--max-old-space-size=192'];
export const SCREENS_DIR = join(REPO_ROOT, '.test-results/screens');
export const DEMO_PASSWORD = 'Liaison#2026';
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A free TCP port on 127.0.0.1 (bind to port 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      if (addr && typeof addr === 'object') {
        const { port } = addr;
        srv.close(() => resolvePort(port));
      } else {
        srv.close(() => reject(new Error('freePort: no address')));
      }
    });
  });
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash) */
  url: string;
  /** the server's DATA_DIR (deleted by stop()) */
  dataDir: string;
  /** last lines the server printed (stdout + stderr) */
  output(): string;
  stop(): Promise<void>;
}

// Servers still alive when the test process exits (crash, timeout) are killed, not left behind.
const liveChildren = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of liveChildren) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

// Inherited variables that would point the server somewhere else than its fresh DATA_DIR.
const SCRUBBED_ENV = ['DATABASE_URL', 'TEST_DB', 'TEST_DATABASE_URL', 'PORT', 'HOST', 'DATA_DIR'];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Start the built server (`node --max-old-space-size=192 apps/server/dist/main.js`, as npm start does) with PORT=<free port>, HOST=127.0.0.1,
 * DATA_DIR=<fresh temp dir>, LIAISON_DEMO=true, NODE_ENV=production, LOG_LEVEL=warn, plus opts.env;
 * resolves once GET /readyz answers 200 (60 s timeout).
 */
export async function startServer(
  opts: { env?: Record<string, string>; readyTimeoutMs?: number } = {},
): Promise<RunningServer> {
  if (!existsSync(SERVER_MAIN)) {
    throw new Error(`startServer: ${SERVER_MAIN} does not exist — run \`npm run build\` first`);
  }
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const url = `http://127.0.0.1:${port}`;

  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of SCRUBBED_ENV) delete env[k];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LIAISON_DEMO: 'true',
    // Journeys start from the bare demo district; they make their own cases.
    LIAISON_DEMO_ACTIVITY: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    ...opts.env,
  });

  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER_MAIN], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);

  let out = '';
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 20_000) out = out.slice(-16_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const tail = (n = 40) => out.split('\n').slice(-n).join('\n');

  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exitPromise = new Promise<void>((res) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      liveChildren.delete(child);
      res();
    });
  });
  child.once('error', (err) => {
    out += `\n[spawn error] ${err.message}\n`;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (!exited) {
      child.kill('SIGTERM');
      const done = await Promise.race([exitPromise.then(() => true), sleep(10_000).then(() => false)]);
      if (!done) {
        child.kill('SIGKILL');
        await Promise.race([exitPromise, sleep(5_000)]);
      }
    }
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const timeoutMs = opts.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    if (exited) {
      const e = exited as { code: number | null; signal: NodeJS.Signals | null };
      await stop();
      throw new Error(
        `startServer: server exited before it was ready (code ${e.code}, signal ${e.signal}). Output:\n${tail()}`,
      );
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer().catch(() => undefined);
      if (res.status === 200) break;
      lastError = `GET /readyz -> ${res.status}`;
    } catch (err) {
      lastError = err instanceof Error ? `${err.message}${err.cause ? ` (${String(err.cause)})` : ''}` : String(err);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `startServer: ${url}/readyz not 200 within ${timeoutMs} ms (last: ${lastError}). Output:\n${tail()}`,
      );
    }
    await sleep(200);
  }

  return { url, dataDir, output: () => tail(200), stop };
}

/** Debian's Chromium, headless, with the flags from STACK.md (a fresh temporary profile each time). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

export interface NewPageOptions {
  baseURL: string;
  locale?: 'zh-CN' | 'en';
  viewport?: { width: number; height: number };
  /** default Asia/Shanghai */
  timezoneId?: string;
}

/** A page in a fresh browser context (own cookies/storage). Close it with `page.context().close()`. */
export async function newPage(browser: Browser, opts: NewPageOptions): Promise<Page> {
  const context = await browser.newContext({
    baseURL: opts.baseURL,
    locale: opts.locale ?? 'zh-CN',
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    timezoneId: opts.timezoneId ?? 'Asia/Shanghai',
  });
  return context.newPage();
}

/**
 * Sign in through the login form (works in zh-CN and en) and wait until the app has navigated away
 * from /login. Demo accounts: leader, zy01, … with password Liaison#2026.
 */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/用户名|username/i).first().fill(username);
  await page.getByLabel(/密码|password/i).first().fill(password);
  // antd puts a space between two CJK characters in buttons ("登 录").
  await page.getByRole('button', { name: /^\s*(登\s*录|sign\s*in|log\s*in)\s*$/i }).click();
  try {
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  } catch (err) {
    const alerts = await page
      .locator('[role="alert"], .ant-alert, .ant-message, .ant-form-item-explain-error')
      .allInnerTexts()
      .catch(() => [] as string[]);
    await screenshot(page, `signin-failed-${username}`).catch(() => undefined);
    throw new Error(
      `signIn(${username}): still on ${page.url()} after submitting` +
        (alerts.length ? ` — page says: ${alerts.join(' | ')}` : '') +
        `\n${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

/** Save a PNG of the page to .test-results/screens/<name>.png and return its path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENS_DIR, { recursive: true });
  const file = join(SCREENS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}
