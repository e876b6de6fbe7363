// Bundles the server (and the feed check it shares with the widgets) into dist/server/cli.js,
// with the SQLite writer thread beside it (a worker needs a file of its own). Packages stay
// external: they are the package's dependencies, installed beside it.
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
console.log('built dist/server/cli.js');
