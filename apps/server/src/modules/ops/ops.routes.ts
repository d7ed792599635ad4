import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { isSchemaCurrent } from '../../kernel/db/migrator.js';
import { demoAccounts, DEMO_PASSWORD } from '../demo/demo-accounts.js';

const metaSchema = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  mapTileUrl: z.string().optional().describe('tile URL template for maps; absent: maps draw the district outline only'),
  demoPassword: z.string().optional(),
  demoAccounts: z.array(z.object({ username: z.string(), role: z.string(), label: z.string() })).optional(),
});

export async function opsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, config } = app.deps;
  r.get('/healthz', { schema: { tags: ['ops'], summary: 'The process is up', response: { 200: z.object({ status: z.literal('ok') }) } }, config: { auth: 'public' } },
    async () => ({ status: 'ok' as const }));

  r.get('/readyz', { schema: { tags: ['ops'], summary: 'Database reachable and migrations current', response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.string(), detail: z.string() }) } }, config: { auth: 'public' } },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(db);
        if (!(await isSchemaCurrent(db))) return reply.code(503).send({ status: 'not_ready', detail: 'migrations pending' });
        return { status: 'ready' as const };
      } catch {
        return reply.code(503).send({ status: 'not_ready', detail: 'database unreachable' });
      }
    });

  r.get('/metrics', { schema: { tags: ['ops'], summary: 'Prometheus metrics', hide: false }, config: { auth: 'public' } },
    async (_req, reply) => reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8').send(app.metrics.render()));

  r.get('/api/v1/meta', { schema: { tags: ['ops'], summary: 'What this installation is (and the demo accounts in demo mode)', response: { 200: metaSchema } }, config: { auth: 'public' } },
    async () => ({
      name: 'Liaison',
      version: app.appVersion,
      demo: config.demo,
      ...(config.mapTileUrl ? { mapTileUrl: config.mapTileUrl } : {}),
      ...(config.demo ? { demoPassword: DEMO_PASSWORD, demoAccounts: demoAccounts() } : {}),
    }));
}
