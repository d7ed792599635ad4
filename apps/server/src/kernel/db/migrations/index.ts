import type { Migration } from 'kysely';
import * as m0001 from './2026-11-26-0001-foundation.js';
import * as m0002 from './2026-11-26-0002-cases.js';
import * as m0003 from './2026-11-26-0003-files-notifications.js';
import * as m0004 from './2026-11-26-0004-project-file.js';
import * as m0005 from './2026-11-26-0005-branches.js';

/** Every migration, in order. Listed statically so the bundled server needs no folder scan. */
export const migrations: Record<string, Migration> = {
  '2026-11-26-0001-foundation': m0001,
  '2026-11-26-0002-cases': m0002,
  '2026-11-26-0003-files-notifications': m0003,
  '2026-11-26-0004-project-file': m0004,
  '2026-11-26-0005-branches': m0005,
};
