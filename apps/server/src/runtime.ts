import { mkdirSync } from 'node:fs';
import pino from 'pino';
import type { Config } from './config.js';
import { systemClock, type Clock } from './kernel/clock.js';
import { createSecrets, loadMasterKey, type Secrets } from './kernel/auth/secrets.js';
import { buildCtx, systemActor, type Ctx } from './kernel/context.js';
import { connect, type DbHandle } from './kernel/db/connect.js';
import { migrateToLatest } from './kernel/db/migrator.js';
import { seedActivity } from './modules/demo/seed-activity.js';
import { isSeeded, loadDemoData, seedDemo } from './modules/demo/seed-demo.js';
import { paths } from './paths.js';

export type Runtime = { config: Config; handle: DbHandle; secrets: Secrets; clock: Clock; systemCtx(): Ctx };

/** Opens the database and the secrets: what the server, the CLI and the test harness share. */
export function openRuntime(config: Config, clock: Clock = systemClock): Runtime {
  mkdirSync(config.dataDir, { recursive: true });
  const handle = connect(config.database);
  const secrets = createSecrets(loadMasterKey(config.secret, config.dataDir));
  const log = pino({ level: config.logLevel });
  return {
    config, handle, secrets, clock,
    systemCtx: () => buildCtx({ db: handle.db, dialect: handle.dialect, clock, config, secrets, log }, systemActor),
  };
}

/** Migrations, then the demo district on the first start only. */
export async function prepareDatabase(rt: Runtime): Promise<{ migrated: string[]; seeded: boolean }> {
  const migrated = await migrateToLatest(rt.handle.db);
  let seeded = false;
  if (rt.config.demo && !(await isSeeded(rt.handle.db))) {
    await seedDemo(rt.systemCtx(), loadDemoData(paths.demoData));
    if (rt.config.demoActivity) await seedActivity(rt.systemCtx());
    seeded = true;
  }
  return { migrated, seeded };
}
