// `npm run build:docs`: custom-elements.json (autodocs and the embed builder read it), then the
// static Storybook in dist/docs with relative asset URLs, so the server can serve it at /docs/.
// Storybook's own log (long, even with --quiet) is shown only when a step fails, or with VERBOSE=1.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
const out = process.env.DOCS_OUT || 'dist/docs';
const verbose = process.env.VERBOSE === '1';
for (const command of [
  'npm run --silent analyze',
  `npx storybook build --quiet --disable-telemetry -o ${JSON.stringify(out)}`,
]) {
  const run = spawnSync(command, {
    stdio: verbose ? 'inherit' : 'pipe',
    shell: true,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) {
    if (!verbose) process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    console.error(`build:docs: "${command}" failed (exit ${run.status}).`);
    process.exit(run.status || 1);
  }
}
console.log(`build:docs: ${out} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
