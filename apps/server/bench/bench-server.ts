/**
 * The server the benchmark loads: exactly what `main.ts` starts (runtime, migrations, `buildApp`, the job worker),
 * plus — in the same process, on a second port — a bare Fastify instance with the baseline routes
 * (bare-baselines.ts). Bundled by bench.ts with the same esbuild settings as the production build.
 * Env: the server's usual settings, and BENCH_BASELINE_PORT.
 */
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { startWorker } from '../src/kernel/jobs/jobs.js';
import { openRuntime, prepareDatabase } from '../src/runtime.js';
import { startBaselines } from './bare-baselines.js';

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const rt = openRuntime(config);
  await prepareDatabase(rt);
  const app = await buildApp({ config, handle: rt.handle, clock: rt.clock, secrets: rt.secrets });
  await app.listen({ port: config.port, host: config.host });
  const worker = startWorker(app.deps);
  const baselines = await startBaselines(rt.handle, config, Number(process.env.BENCH_BASELINE_PORT));
  console.log(JSON.stringify({ ready: true, ms: Math.round(performance.now() - started) }));
  const stop = async () => {
    await worker.stop();
    await baselines.close();
    await app.close();
    await rt.handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
