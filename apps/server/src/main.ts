import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_PASSWORD } from './modules/demo/demo-accounts.js';
import { openRuntime, prepareDatabase } from './runtime.js';
import { startWorker } from './kernel/jobs/jobs.js';

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const rt = openRuntime(config);
  const { migrated, seeded } = await prepareDatabase(rt);
  const app = await buildApp({ config, handle: rt.handle, clock: rt.clock, secrets: rt.secrets });
  await app.listen({ port: config.port, host: config.host });
  // Background jobs (deadline sweep …) poll the jobs tables; several instances share them safely.
  const worker = startWorker(app.deps);
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shown}:${config.port}`;
  const db = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const lines = [
    '',
    `  Liaison 项目专员协同平台 is running at ${url}`,
    `  database: ${db}${migrated.length ? `, ${migrated.length} migration(s) applied` : ''}${seeded ? ', demo district seeded' : ''}`,
    `  API docs: ${url}/api/docs   ready in ${Math.round(performance.now() - started)} ms`,
  ];
  if (config.demo) {
    lines.push(
      '',
      `  Sign in with any demo account, password ${DEMO_PASSWORD}:`,
      '    leader (区领导)   orgdept (组织部)   zy01…zy26 (项目专员)   gb01…gb06 (跟班干部)',
      '    zjj fgj cgj yjj xfj swj czj sgh sjt (部门)   tianshui wulin … shiqiao (街道)',
      '    yz01… sg01… jl01… (企业: 业主/施工/监理)',
      '    admin, secadmin, auditor (set up a TOTP authenticator at first sign-in)',
    );
  }
  console.log(lines.join('\n') + '\n');

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await worker.stop();
    await app.close();
    await rt.handle.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
