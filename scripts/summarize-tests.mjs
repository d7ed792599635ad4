#!/usr/bin/env node
// Summarise the test stages of `npm test`.
//
// Reads every <dir>/*.json (vitest JSON reporter output, one file per stage) and, if present,
// <dir>/stages.tsv written by scripts/test.sh: one line per stage, `name<TAB>kind<TAB>exit<TAB>seconds`,
// kind = `vitest` (its results are expected in <name>.json) or `step` (build, system deps: only an exit code).
//
// Counting:
//   - a vitest stage contributes numPassedTests / numFailedTests / numPendingTests+numTodoTests;
//   - a test file that failed without any failed test (import error, failing hook) counts as one failure;
//   - a stage whose JSON is missing or unreadable (crash, timeout) counts as one failure and is named;
//   - a stage whose JSON looks clean but which exited non-zero (or `success: false`) counts as one failure;
//   - a failed `step` counts as one failure.
// The last line printed is exactly `N passed, N failed` (`, N skipped` appended when N > 0).
// Exit code 1 when anything failed, else 0.
//
// Usage: node scripts/summarize-tests.mjs [dir]   (default: .test-results at the repo root)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dir = resolve(process.argv[2] ?? join(repoRoot, '.test-results'));

/** @type {Map<string, {kind: string, exit: number|null, seconds: number|null}>} */
const stages = new Map();
const stagesFile = join(dir, 'stages.tsv');
if (existsSync(stagesFile)) {
  for (const line of readFileSync(stagesFile, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, kind = 'vitest', exit = '', seconds = ''] = line.split('\t');
    if (!name) continue;
    stages.set(name, {
      kind,
      exit: exit === '' ? null : Number(exit),
      seconds: seconds === '' ? null : Number(seconds),
    });
  }
}

const jsonFiles = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : [];
for (const f of jsonFiles) {
  const name = basename(f, '.json');
  if (!stages.has(name)) stages.set(name, { kind: 'vitest', exit: null, seconds: null });
}

let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];
const oneLine = (s, max = 160) => String(s).replace(/\s+/g, ' ').trim().slice(0, max);
const num = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const fmtTime = (s) => (s == null || !Number.isFinite(s) ? '' : ` in ${s.toFixed(1)}s`);

for (const [name, st] of stages) {
  const time = fmtTime(st.seconds);
  if (st.kind === 'step') {
    if (st.exit === 0) {
      console.log(`  ${name.padEnd(10)} ok${time}`);
    } else {
      failed += 1;
      problems.push(`${name}: failed (exit ${st.exit ?? '?'})`);
      console.log(`  ${name.padEnd(10)} FAILED (exit ${st.exit ?? '?'})${time}`);
    }
    continue;
  }

  const file = join(dir, `${name}.json`);
  let report = null;
  let readError = '';
  if (!existsSync(file)) {
    readError = 'no results file';
  } else {
    try {
      report = JSON.parse(readFileSync(file, 'utf8'));
      if (!report || typeof report !== 'object') throw new Error('not an object');
    } catch (err) {
      readError = `unreadable results (${oneLine(err instanceof Error ? err.message : String(err))})`;
      report = null;
    }
  }
  if (!report) {
    failed += 1;
    const why = `${readError}${st.exit != null ? `, exit ${st.exit}` : ''} — stage crashed or timed out`;
    problems.push(`${name}: ${why}`);
    console.log(`  ${name.padEnd(10)} CRASHED: ${why}${time}`);
    continue;
  }

  const p = num(report.numPassedTests);
  let f = num(report.numFailedTests);
  const s = num(report.numPendingTests) + num(report.numTodoTests);
  const notes = [];
  // Files that failed without a failed test: import/collection errors, failing beforeAll/afterAll.
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  const brokenFiles = files.filter(
    (t) =>
      t &&
      t.status === 'failed' &&
      !(Array.isArray(t.assertionResults) && t.assertionResults.some((a) => a && a.status === 'failed')),
  );
  for (const t of brokenFiles) {
    const rel = typeof t.name === 'string' ? t.name.replace(repoRoot + '/', '') : '?';
    const msg = typeof t.message === 'string' ? oneLine(t.message) : '';
    notes.push(`file failed: ${rel}${msg ? ` (${msg})` : ''}`);
  }
  f += brokenFiles.length;
  if (f === 0 && report.success === false) {
    f += 1;
    notes.push('vitest reported success=false (unhandled error?)');
  }
  if (f === 0 && st.exit != null && st.exit !== 0) {
    f += 1;
    notes.push(`vitest exited with code ${st.exit}`);
  }
  passed += p;
  failed += f;
  skipped += s;
  const status = f > 0 ? 'FAILED' : 'ok';
  console.log(
    `  ${name.padEnd(10)} ${status}: ${p} passed, ${f} failed${s ? `, ${s} skipped` : ''}${time}`,
  );
  for (const n of notes) console.log(`    - ${n}`);
  if (f > 0) problems.push(`${name}: ${f} failed`);
}

if (stages.size === 0) {
  failed += 1;
  problems.push(`no stage results found in ${dir}`);
  console.log(`  no stage results found in ${dir}`);
}
if (problems.length) console.log(`Failures: ${problems.join('; ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 ? 1 : 0;
