// autocannon ships no types; the benchmark uses this much of its result.
declare module 'autocannon' {
  type Stat = { average: number; p50: number; p99: number; total: number };
  type Result = { requests: Stat; latency: Stat; non2xx: number; errors: number; timeouts: number };
  export default function autocannon(opts: Record<string, unknown>): Promise<Result>;
}
