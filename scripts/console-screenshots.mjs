// Screenshots of the organizers' console for the docs ("Running the server"): a real server on
// SQLite with the sample feed, a demo organizer and a few signatures from two sites.
// Run after `npm run build:console`: node scripts/console-screenshots.mjs
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, launchBrowser } from '../test/host/harness.mjs';

const OUT = '.storybook/public/console';
const EMAIL = 'organizer@party.example';
const PASSWORD = 'demo passphrase for screenshots';
const SITES = ['https://union.example', 'https://tenants.example'];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-shots-'));
const db = ['--db', path.join(dir, 'db.sqlite')];
const feed = path.join(dir, 'feed.json');
fs.copyFileSync('sample/feed.json', feed);

function cli(args, input = '') {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, DATABASE_URL: '' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.stdin.end(input);
  return { child, output: () => out, exited: new Promise((r) => child.on('exit', r)) };
}

await cli(['organizer', 'add', EMAIL, ...db], `${PASSWORD}\n`).exited;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const allow = SITES.flatMap((s) => ['--allow-origin', s]);
const server = cli([
  'serve',
  '--feed',
  feed,
  '--host',
  '127.0.0.1',
  '--port',
  String(port),
  '--rate-limit',
  '0',
  ...allow,
  ...db,
]);
while (!/serving .* on http/.test(server.output())) await new Promise((r) => setTimeout(r, 50));

const petition = JSON.parse(fs.readFileSync(feed, 'utf8')).petitions[0];
const names = ['Ada', 'Bea', 'Cruz', 'Dev', 'Eli', 'Fran', 'Gus', 'Hana'];
for (const [i, name] of names.entries()) {
  const body = { email: `${name.toLowerCase()}@example.org`, source: i % 3 ? 'homepage' : 'newsletter' };
  for (const f of petition.fields ?? [])
    if (!(f in body)) body[f] = f === 'email' ? body.email : f === 'country' ? 'US' : `${name}`;
  body.given_name = name;
  body.postal_code = '60601';
  const consent = petition.consent && (typeof petition.consent === 'string' ? petition.consent : petition.consent.en);
  if (consent) body.consent = { granted: true, text: consent };
  await fetch(`${base}/api/petitions/${petition.id}/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: SITES[i % 2] },
    body: JSON.stringify(body),
  });
}

fs.mkdirSync(OUT, { recursive: true });
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 1000, height: 760 }, locale: 'en-US' });
await page.goto(`${base}/admin/`);
await page.getByLabel('Email').waitFor();
await page.screenshot({ path: `${OUT}/sign-in.png` });
await page.getByLabel('Email').fill(EMAIL);
await page.getByLabel('Password').fill(PASSWORD);
await page.getByRole('button', { name: 'Sign in' }).click();
await page.locator('svg[role="img"]').first().waitFor();
await page.screenshot({ path: `${OUT}/dashboard.png`, fullPage: true });
await page.getByRole('button', { name: 'Signers' }).click();
await page.locator('table#signers').waitFor();
await page.screenshot({ path: `${OUT}/signers.png` });
await page.getByRole('button', { name: 'Feed editor' }).click();
await page.locator('#org-name, #org-name-en').first().waitFor();
await page.screenshot({ path: `${OUT}/feed-editor.png` });
await browser.close();
server.child.kill('SIGTERM');
await server.exited;
fs.rmSync(dir, { recursive: true, force: true });
console.log(`screenshots in ${OUT}/`);
