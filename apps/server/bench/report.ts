/** The benchmark's figures as a console table and as Markdown, each route against its target. */
import type { Target } from './routes.js';

type Load = { rps: number; p50: number; p99: number; non2xx: number; errors: number; total: number };
export type RouteResult = { name: string; kind: 'read' | 'write'; connections: number; app: Load; base: Load | null; baseNote: string | null; target: Target; load1: number };
export type BenchResult = {
  at: string; dialect: string; db: string; connections: number; duration: number; warmup: number; node: string;
  coldStartMs: number[]; peakRssMb: number; vmHwmMb: number; routes: RouteResult[]; notMeasured: string[];
  /** The machine's 1-minute load average before and after the run (it is shared: other work skews the figures). */
  loadBefore: number; loadAfter: number; cpus: number;
  /** The server's V8 flags (npm start's by default). */
  nodeArgs?: string[];
};

const RSS_TARGET_MB = 300;

export function verdict(r: RouteResult): string {
  const misses: string[] = [];
  if (r.app.total === 0) return 'MISSED: no request finished within the run';
  const ratio = r.base && r.base.rps > 0 ? r.app.rps / r.base.rps : null;
  if (r.app.non2xx || r.app.errors) misses.push(`${r.app.non2xx} non-2xx, ${r.app.errors} errors`);
  if (r.target.minRatio !== undefined && ratio !== null && ratio < r.target.minRatio) misses.push(`ratio < ${r.target.minRatio}`);
  if (r.target.maxP99Ms !== undefined && r.app.p99 >= r.target.maxP99Ms) misses.push(`p99 ≥ ${r.target.maxP99Ms} ms`);
  if (!r.target.minRatio && !r.target.maxP99Ms) return 'no target';
  return misses.length ? `MISSED: ${misses.join(', ')}` : 'met';
}

const targetText = (t: Target) => [t.minRatio !== undefined ? `≥${t.minRatio * 100}% of base` : '', t.maxP99Ms !== undefined ? `p99<${t.maxP99Ms}ms` : ''].filter(Boolean).join(', ') || '—';

function rows(res: BenchResult): string[][] {
  return res.routes.map((r) => [
    r.name, String(r.connections), Math.round(r.app.rps).toLocaleString('en-US'), `${r.app.p50}`, `${r.app.p99}`,
    r.base ? Math.round(r.base.rps).toLocaleString('en-US') : '—', r.base ? `${r.base.p99}` : '—',
    r.base && r.base.rps > 0 ? `${((100 * r.app.rps) / r.base.rps).toFixed(0)}%${r.baseNote?.includes('comment') ? '*' : ''}` : '—', targetText(r.target), verdict(r), r.load1.toFixed(1),
  ]);
}

const HEAD = ['route', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'base req/s', 'base p99', 'ratio', 'target', 'result', 'load'];

function summary(res: BenchResult): string[] {
  const cold = [...res.coldStartMs].sort((a, b) => a - b);
  return [
    `${res.dialect}, ${res.db}, ${res.connections} connections × ${res.duration} s per route (warm-up ${res.warmup} s), Node ${res.node}${res.nodeArgs?.length ? ` ${res.nodeArgs.join(' ')}` : ''}, ${res.at}`,
    `peak RSS of the server process: ${res.peakRssMb.toFixed(0)} MB sampled, VmHWM ${res.vmHwmMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB: ${res.vmHwmMb < RSS_TARGET_MB ? 'met' : 'MISSED'})`,
    `cold start of dist/main.js (spawn → /readyz 200): ${cold.map((m) => `${Math.round(m)} ms`).join(', ')}`,
    `machine: ${res.cpus} CPUs, 1-minute load average ${res.loadBefore.toFixed(1)} before, ${res.loadAfter.toFixed(1)} after (per route in the load column)`,
    ...(res.notMeasured.length ? [`not measured: ${res.notMeasured.join('; ')}`] : []),
  ];
}

export function renderTable(res: BenchResult): string {
  const all = [HEAD, ...rows(res)];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => [...r[i]!].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 || i === 8 || i === 9 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [...summary(res), '', line(HEAD), widths.map((w) => '-'.repeat(w)).join('  '), ...rows(res).map(line)].join('\n');
}

export function renderMarkdown(res: BenchResult): string {
  const md = (r: string[]) => `| ${r.join(' | ')} |`;
  return [
    `# Benchmark ${res.dialect} ${res.at}`, '', ...summary(res).map((l) => `- ${l}`), '',
    md(HEAD), md(HEAD.map(() => '---')), ...rows(res).map(md), '',
    '`*` compared with the comment baseline (no bare equivalent of its own).', '',
  ].join('\n');
}
