// Run by `npm pack` / `npm publish` of the widgets package: the ES-module build and its types
// (build:npm) and the manifest (analyze) are rebuilt, as they are quick; the drop-in script comes
// from `npm run build` (or build:lib), which must have run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/solidarity-widgets.js') || !existsSync('dist/feed.schema.json')) {
  console.error(
    'prepack: dist/solidarity-widgets.js is not built. Run "npm run build" (or "npm run build:lib") first.',
  );
  process.exit(1);
}
for (const command of ['node scripts/build-npm.mjs', 'npm run --silent analyze']) {
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  if (status !== 0) process.exit(status || 1);
}
