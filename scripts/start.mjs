// `npm start`: build what there is to build, then serve the sample feed with SQLite and say
// where to look. A build step that fails is reported and skipped, so the API still comes up.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const port = process.env.PORT || '8080';
console.log('start: npm run build');
const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) {
  console.warn(`start: the build failed (exit ${build.status}); serving what is already built.`);
  if (!existsSync('dist/server/cli.js')) {
    const server = spawnSync('node', ['scripts/build-server.mjs'], { stdio: 'inherit' });
    if (server.status !== 0) process.exit(server.status || 1);
  }
}

const args = [
  'bin/solidarity-widgets.js',
  'serve',
  '--feed',
  'sample/feed.json',
  '--db',
  'data/solidarity.db',
  '--port',
  port,
];
const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'inherit'] });
let announced = false;
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const m = !announced && /on (http:\/\/\S+)/.exec(String(chunk));
  if (m) {
    announced = true;
    const base = m[1];
    console.log(
      `\n  demo page:  ${base}/\n  feed:       ${base}/feed.json\n  docs:       ${base}/docs/\n  console:    ${base}/admin/ (first organizer: solidarity-widgets organizer add EMAIL)\n`,
    );
    if (!process.env.SOLIDARITY_ADMIN_TOKEN) {
      console.log('  To export signatures, restart with SOLIDARITY_ADMIN_TOKEN set (32+ characters) and run:');
      console.log(
        `  curl -H "Authorization: Bearer $SOLIDARITY_ADMIN_TOKEN" ${base}/api/petitions/cancel-rent/signatures.csv\n`,
      );
    }
  }
});
// Pass Ctrl-C and SIGTERM on, so the server closes its database cleanly.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
