// Prints what the portal's first page costs a phone: the JS and CSS index.html loads up front, gzipped.
// The budget is 150 KB (issue 6); a build over it fails, so a heavy import cannot slip in unnoticed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/portal\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = gzipSync(html).length;
const lines = [`  index.html ${(gzipSync(html).length / 1024).toFixed(1)} KB`];
for (const f of refs) {
  const gz = gzipSync(readFileSync(join(dist, f))).length;
  total += gz;
  lines.push(`  ${f} ${(gz / 1024).toFixed(1)} KB`);
}
console.log(`portal first page, gzipped: ${(total / 1024).toFixed(1)} KB (budget 150 KB)\n${lines.join('\n')}`);
if (total > 150 * 1024) {
  console.error('portal: the first page is over its 150 KB budget');
  process.exit(1);
}
