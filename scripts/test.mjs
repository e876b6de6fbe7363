// `npm test`: build, type-check, then every suite. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `npm test: Chromium was not found at ${chromium}. Install it with "apt-get install -y chromium" (or run "bash .ci/run", which does), or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const steps = [
  ['build', 'npm run build'],
  ['types', 'npx tsc --noEmit -p .'],
  ['lint (eslint, prettier --check)', 'npm run lint'],
  ['server tests', 'npm run test:server'],
  ['browser tests', 'npx wtr'],
  ['build tools', 'node --test build/'],
  ['size budget', 'node --test test/size.test.mjs'],
  [
    'layout and contract (lazy boundary, import cycles, docs/design.md)',
    'node --test --test-concurrency=1 test/lazy-boundary.test.mjs test/layout/ test/docs/design.test.mjs',
  ],
  ['host pages (hostile hosts, page budget)', 'node --test --test-concurrency=1 test/host/'],
  [
    'npm packages (typed manifest; both packed, installed in fresh projects)',
    'node --test --test-concurrency=1 test/packages/',
  ],
  ['WordPress plugin (real WordPress, MariaDB)', 'node --test --test-concurrency=1 test/wordpress/'],
];
if (existsSync('test/docs/stories.test.mjs')) steps.push(['story tests', 'npm run test:docs']);

for (const [name, command] of steps) {
  console.log(`\n=== ${name}: ${command}`);
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  if (status !== 0) {
    console.error(`\nnpm test: step "${name}" failed (exit ${status}).`);
    process.exit(status || 1);
  }
}
console.log('\nnpm test: every step passed.');
