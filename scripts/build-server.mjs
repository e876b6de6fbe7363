// Bundles the server (and the feed check it shares with the widgets) into dist/server/cli.js,
// with the SQLite writer thread beside it (a worker needs a file of its own). Packages stay
// external: they are the package's dependencies, installed beside it.
import { cpSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'server/cli.ts', 'sqlite-writer': 'server/storage/sqlite-writer.ts' },
  outdir: 'dist/server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
// The demo page travels in dist/ too: the published package ships dist/, not demo/.
cpSync('demo/index.html', 'dist/demo/index.html');
console.log('built dist/server/cli.js, dist/demo/index.html');
