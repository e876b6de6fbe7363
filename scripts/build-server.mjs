// Bundles the server (and the feed check it shares with the widgets) into dist/server/cli.js.
// Packages stay external: they are the package's dependencies, installed beside it.
import { build } from 'esbuild';

await build({
  entryPoints: ['server/cli.ts'],
  outfile: 'dist/server/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
console.log('built dist/server/cli.js');
