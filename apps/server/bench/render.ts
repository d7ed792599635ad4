/** `node --import tsx apps/server/bench/render.ts bench/results/<run>.json`: prints (and rewrites) a run's Markdown. */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderMarkdown, renderTable, type BenchResult } from './report.js';

for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
  writeFileSync(file.replace(/\.json$/, '.md'), renderMarkdown(result));
  console.log(renderTable(result));
}
