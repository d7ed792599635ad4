// Root Vitest configuration (vitest 4: `test.projects`, no workspace files).
//
// Projects (select with `npx vitest run --project <name>`):
//   unit — pure unit tests next to the code: *.test.ts in packages/*/src, apps/server/src, apps/web/src
//          (web also *.test.tsx). Files named *.api.test.ts are never unit tests.
//   api  — HTTP/API tests of the server: apps/server/**/*.api.test.ts, run against SQLite or PostgreSQL
//          depending on TEST_DB / TEST_DATABASE_URL (see scripts/test.sh).
//   e2e  — browser journeys: e2e/**/*.e2e.ts, one file at a time, against the built server.
import { defineConfig } from 'vitest/config';

const exclude = ['**/node_modules/**', '**/dist/**'];

export default defineConfig({
  test: {
    // A project with no test files yet must not fail the run (root-only option in vitest 4).
    passWithNoTests: true,
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'packages/**/src/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
            'apps/web/src/**/*.test.tsx',
            'apps/portal/src/**/*.test.ts',
          ],
          exclude: [...exclude, '**/*.api.test.ts'],
          pool: 'forks',
          maxWorkers: 2,
          // unit and api are run together; projects with different worker limits need distinct groups.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'api',
          environment: 'node',
          include: ['apps/server/**/*.api.test.ts'],
          exclude,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // 2-core machine: at most two test files (each with its own database) at once.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.e2e.ts'],
          exclude,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // One file (one server + one browser) at a time.
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
