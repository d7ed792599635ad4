import type { Migration } from 'kysely';
import * as m0001 from './2026-11-26-0001-foundation.js';
import * as m0002 from './2026-11-26-0002-cases.js';
import * as m0003 from './2026-11-26-0003-files-notifications.js';
import * as m0004 from './2026-11-26-0004-project-file.js';
import * as m0005 from './2026-11-26-0005-branches.js';
import * as m0006 from './2026-11-26-0006-appeals.js';
import * as m0007 from './2026-11-26-0007-approvals-enterprise.js';
import * as m0008 from './2026-11-26-0008-safety-mediation.js';
import * as m0009 from './2026-11-26-0009-scale-indexes.js';
import * as m0010 from './2026-11-26-0010-board.js';
import * as m0011 from './2026-11-26-0011-search-pairs.js';
import * as m0012 from './2026-11-26-0012-list-stamps.js';
import * as m0013 from './2026-11-26-0013-project-case-count.js';

/** Every migration, in order. Listed statically so the bundled server needs no folder scan. */
export const migrations: Record<string, Migration> = {
  '2026-11-26-0001-foundation': m0001,
  '2026-11-26-0002-cases': m0002,
  '2026-11-26-0003-files-notifications': m0003,
  '2026-11-26-0004-project-file': m0004,
  '2026-11-26-0005-branches': m0005,
  '2026-11-26-0006-appeals': m0006,
  '2026-11-26-0007-approvals-enterprise': m0007,
  '2026-11-26-0008-safety-mediation': m0008,
  '2026-11-26-0009-scale-indexes': m0009,
  '2026-11-26-0010-board': m0010,
  '2026-11-26-0011-search-pairs': m0011,
  '2026-11-26-0012-list-stamps': m0012,
  '2026-11-26-0013-project-case-count': m0013,
};
