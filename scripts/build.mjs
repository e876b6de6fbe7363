// `npm run build`: the library (entry + lazy chunks, versioned copy, SRI, schema),
// the server, the custom-elements manifest, and the static Storybook.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

// Chunks are content-hashed: clear the old ones so dist/ holds exactly one build.
rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/solidarity-widgets.js', { force: true });

const steps = [
  ['library', 'npx vite build --logLevel warn'],
  ['versioned output, SRI, schema', 'node scripts/post-build.mjs'],
  ['ES modules and types for bundlers (dist/npm/)', 'node scripts/build-npm.mjs'],
  ['server', 'node scripts/build-server.mjs'],
  ['organizer console', 'npm run --silent build:console'],
  ['custom-elements.json', 'npm run --silent analyze'],
  ['WordPress plugin zip', 'node scripts/build-wordpress.mjs'],
];
if (existsSync('.storybook') && process.env.SKIP_DOCS !== '1')
  steps.push(['docs (Storybook)', 'npm run --silent build:docs']);
// The library's siblings are written by post-build; these are the demo page's and the docs'.
steps.push(['precompressed .br/.gz', 'node scripts/compress.mjs']);

for (const [name, command] of steps) {
  console.log(`build: ${name}`);
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  if (status !== 0) {
    console.error(`build: "${name}" failed (exit ${status}).`);
    process.exit(status || 1);
  }
}
