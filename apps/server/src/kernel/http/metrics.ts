import type { FastifyInstance } from 'fastify';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Prometheus text exposition: requests and latency by route, kept in process memory. */
export function createMetrics() {
  const counts = new Map<string, number>();
  const hist = new Map<string, { buckets: number[]; sum: number; count: number }>();
  const started = Date.now();
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  return {
    observe(method: string, route: string, status: number, seconds: number) {
      const key = `method="${esc(method)}",route="${esc(route)}",status="${status}"`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      const hk = `method="${esc(method)}",route="${esc(route)}"`;
      let h = hist.get(hk);
      if (!h) hist.set(hk, (h = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 }));
      BUCKETS.forEach((b, i) => {
        if (seconds <= b) h.buckets[i]!++;
      });
      h.sum += seconds;
      h.count++;
    },
    render(): string {
      const lines = [
        '# HELP liaison_http_requests_total HTTP requests by route and status.',
        '# TYPE liaison_http_requests_total counter',
        ...[...counts].map(([k, v]) => `liaison_http_requests_total{${k}} ${v}`),
        '# HELP liaison_http_request_duration_seconds HTTP request latency by route.',
        '# TYPE liaison_http_request_duration_seconds histogram',
      ];
      for (const [k, h] of hist) {
        BUCKETS.forEach((b, i) => lines.push(`liaison_http_request_duration_seconds_bucket{${k},le="${b}"} ${h.buckets[i]}`));
        lines.push(`liaison_http_request_duration_seconds_bucket{${k},le="+Inf"} ${h.count}`);
        lines.push(`liaison_http_request_duration_seconds_sum{${k}} ${h.sum}`);
        lines.push(`liaison_http_request_duration_seconds_count{${k}} ${h.count}`);
      }
      const mem = process.memoryUsage();
      lines.push('# TYPE process_resident_memory_bytes gauge', `process_resident_memory_bytes ${mem.rss}`);
      // Where the resident memory goes: the JavaScript heap, and memory outside it (buffers, the database driver's own).
      lines.push('# TYPE nodejs_heap_used_bytes gauge', `nodejs_heap_used_bytes ${mem.heapUsed}`);
      lines.push('# TYPE nodejs_heap_total_bytes gauge', `nodejs_heap_total_bytes ${mem.heapTotal}`);
      lines.push('# TYPE nodejs_external_memory_bytes gauge', `nodejs_external_memory_bytes ${mem.external + mem.arrayBuffers}`);
      lines.push('# TYPE process_uptime_seconds gauge', `process_uptime_seconds ${(Date.now() - started) / 1000}`);
      return lines.join('\n') + '\n';
    },
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

export function installMetrics(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.observe(req.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });
}
