// `npm run build:docs`: custom-elements.json (autodocs read it), then the static Storybook in
// dist/docs with relative asset URLs, so the server can serve it at /docs/.
import { spawnSync } from 'node:child_process';

const started = Date.now();
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
const out = process.env.DOCS_OUT || 'dist/docs';
for (const command of ['npm run --silent analyze', `npx storybook build --quiet --disable-telemetry -o ${JSON.stringify(out)}`]) {
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true, env });
  if (status !== 0) {
    console.error(`build:docs: "${command}" failed (exit ${status}).`);
    process.exit(status || 1);
  }
}
console.log(`build:docs: ${out} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
