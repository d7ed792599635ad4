import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Starting, watching and stopping server processes for the benchmark. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export type ServerProcess = { child: ChildProcess; port: number; startMs: number; output: () => string; stop(): Promise<void> };

/**
 * The V8 flags `npm start` gives the server (package.json): the old generation capped, so the heap is collected before
 * it grows past what a 2-core, few-GB machine should give one process (the figures are in bench/results).
 */
export const SERVER_NODE_ARGS = ['--max-old-space-size=192'];

/** Spawns `node <entry>` and waits for GET /readyz to answer 200: the time from spawn to that answer is its cold start. */
export async function startServer(entry: string, env: Record<string, string>, timeoutMs = 120_000, nodeArgs: string[] = SERVER_NODE_ARGS): Promise<ServerProcess> {
  const port = Number(env.PORT);
  const t0 = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out = (out + d).slice(-20_000); });
  child.stderr!.on('data', (d) => { out = (out + d).slice(-20_000); });
  let exited = false;
  child.once('exit', () => { exited = true; });
  for (;;) {
    if (exited) throw new Error(`server exited before it was ready:\n${out}`);
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${out}`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const startMs = performance.now() - t0;
  return {
    child, port, startMs, output: () => out,
    stop: () => new Promise<void>((resolve) => {
      if (exited) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}

/** Samples the process's resident memory; VmHWM is the kernel's own high-water mark for the whole run. */
export function watchMemory(pid: number, everyMs = 250) {
  let peakRss = 0;
  const read = () => {
    const file = `/proc/${pid}/status`;
    if (!existsSync(file)) return null;
    const text = readFileSync(file, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(text)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  };
  const timer = setInterval(() => {
    const m = read();
    if (m) peakRss = Math.max(peakRss, m.rss);
  }, everyMs);
  return {
    current: () => read(),
    stop: () => {
      clearInterval(timer);
      const m = read();
      return { peakRssMb: Math.max(peakRss, m?.rss ?? 0) / 1024, vmHwmMb: (m?.hwm ?? 0) / 1024 };
    },
  };
}
