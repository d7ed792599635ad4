import http from 'node:http';

/**
 * A small load balancer for the multi-instance test: round-robin over upstream ports on 127.0.0.1. A request that
 * cannot even connect goes to the next instance (it never reached a server, so retrying is safe); one that fails after
 * it was sent gets a 502 — a POST is never replayed, as a real balancer must not.
 */
export type Proxy = { port: number; served: Map<number, number>; close(): Promise<void> };

export async function startProxy(upstreams: number[]): Promise<Proxy> {
  let next = 0;
  const served = new Map<number, number>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(Buffer.concat(chunks), 0));

    function forward(body: Buffer, attempt: number) {
      const port = upstreams[next++ % upstreams.length]!;
      const up = http.request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (r) => {
        served.set(port, (served.get(port) ?? 0) + 1);
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
        r.on('error', () => res.destroy());
      });
      up.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'ECONNREFUSED' && attempt < upstreams.length) return forward(body, attempt + 1);
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`bad gateway: ${err.code ?? err.message}`);
      });
      up.end(body);
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port, served,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
