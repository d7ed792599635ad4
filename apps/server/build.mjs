// Bundles the server into dist/ with esbuild: workspace code (contracts) inlined, npm packages left external.
import { build } from 'esbuild';

const pkg = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('./package.json', import.meta.url), 'utf8')));
const external = Object.keys(pkg.dependencies).filter((d) => !d.startsWith('@liaison/'));

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: [...external, 'zod'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
console.log('server built: apps/server/dist/main.js, dist/cli.js');
