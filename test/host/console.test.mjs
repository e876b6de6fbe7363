/**
 * The organizers' console in Chromium against the real server (the CLI from source, on SQLite and
 * on Postgres): an organizer made with the CLI signs in at /admin/, reads the dashboard, exports,
 * erases, edits the feed; wrong passwords, cross-origin posts and the cookie's flags as documented.
 * Needs `npm run build:console` (dist/console/).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { freePort, launchBrowser } from './harness.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(ROOT, 'server', 'cli.ts');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const EMAIL = 'ana@party.example';
const PASSWORD = 'a long enough passphrase';
const ALLIES = ['https://ally-one.example', 'https://ally-two.example'];
const CONSENT = 'You may contact me about this campaign.';

function cli(args, env, input = '') {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  child.stdin.end(input);
  return { child, output: () => out, exited: new Promise((r) => child.on('exit', r)) };
}

/** A database for one run: a SQLite file, or a fresh schema in TEST_DATABASE_URL's Postgres. */
const databases = [
  {
    name: 'sqlite',
    async open(dir) {
      return { args: ['--db', path.join(dir, 'db.sqlite')], env: { DATABASE_URL: '' }, drop: async () => {} };
    },
  },
  {
    name: 'postgres',
    skip: process.env.TEST_DATABASE_URL ? undefined : 'TEST_DATABASE_URL is not set',
    async open() {
      const schema = `sw_console_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        args: [],
        env: { DATABASE_URL: url.href },
        async drop() {
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  },
];

async function sign(base, origin, source, i) {
  const res = await fetch(`${base}/api/petitions/open/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({
      given_name: `Signer${i}`,
      family_name: 'Test',
      postal_code: '60601',
      email: `signer${i}@example.org`,
      source,
      consent: { granted: true, text: 'You may contact me about this campaign.' },
    }),
  });
  assert.equal(res.status, 201, await res.text());
}

/** The rows of the table under a caption, as text cells, from inside the console's shadow trees. */
function tableByCaption(page, caption) {
  return page.evaluate((caption) => {
    const roots = [document];
    const tables = [];
    while (roots.length) {
      const root = roots.pop();
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if (el.tagName === 'TABLE' && el.querySelector('caption')?.textContent.trim() === caption) tables.push(el);
      }
    }
    return tables.map((t) => [...t.tBodies[0].rows].map((r) => [...r.cells].map((c) => c.textContent.trim())));
  }, caption);
}

for (const db of databases) {
  describe(`organizer console in Chromium (${db.name})`, { skip: db.skip }, () => {
    let dir, database, server, base, browser, feedFile;

    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-console-'));
      database = await db.open(dir);
      const feed = (feedFile = path.join(dir, 'feed.json'));
      fs.copyFileSync(path.join(ROOT, 'server', 'test', 'fixtures', 'feed.json'), feed);
      const add = cli(['organizer', 'add', EMAIL, ...database.args], database.env, `${PASSWORD}\n`);
      assert.equal(await add.exited, 0, add.output());
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      const allow = ALLIES.flatMap((o) => ['--allow-origin', o]);
      const args = [
        'serve',
        '--feed',
        feed,
        '--host',
        '127.0.0.1',
        '--port',
        String(port),
        '--rate-limit',
        '0',
        // The signers here are fetch() calls, not widgets: they solve no challenge.
        '--proof-of-work',
        'off',
        ...allow,
      ];
      server = cli([...args, '--publish-counts', '0', ...database.args], database.env);
      while (!/serving .* on http/.test(server.output())) {
        if (server.child.exitCode !== null) throw new Error(server.output());
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const [i, [origin, source]] of [
        [ALLIES[0], 'homepage'],
        [ALLIES[0], 'newsletter'],
        [ALLIES[1], 'homepage'],
        [ALLIES[1], 'homepage'],
        [ALLIES[1], 'newsletter'],
      ].entries()) {
        await sign(base, origin, source, i);
      }
      browser = await launchBrowser();
    });

    after(async () => {
      await browser?.close();
      server?.child.kill('SIGTERM');
      await server?.exited;
      await database?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it("renders under the page's own Content-Security-Policy", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      // (The 401 of "is a session open?" and a missing favicon are expected; refusals are not.)
      page.on('console', (m) => /Content Security Policy|Refused/i.test(m.text()) && errors.push(m.text()));
      const res = await page.goto(`${base}/admin/`);
      assert.match(res.headers()['content-security-policy'], /script-src 'self'/);
      await page.getByLabel('Password').waitFor();
      assert.deepEqual(errors, []);
      // Spanish and French, chosen from the page (and remembered).
      await page.getByLabel('Language').selectOption('es');
      await page.getByLabel('Contraseña').waitFor();
      await page.getByRole('button', { name: 'Entrar' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'es');
      await page.reload();
      await page.getByLabel('Idioma').selectOption('fr');
      await page.getByLabel('Mot de passe').waitFor();
      await context.close();
    });

    it('the Events section shows each event with its seats and downloads RSVPs and members', async () => {
      // The fixture feed, with the events feed's chapters, events and join form (server/test/fixtures).
      const events = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'test', 'fixtures', 'events-feed.json')));
      const feed = JSON.parse(fs.readFileSync(feedFile, 'utf8'));
      const withEvents = { ...feed, chapters: events.chapters, events: events.events, join: events.join };
      fs.writeFileSync(feedFile, JSON.stringify(withEvents, null, 2));
      while (!(await (await fetch(`${base}/feed.json`)).json()).events) await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < 4; i++) {
        const res = await fetch(`${base}/api/events/small/rsvps`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `rsvp${i}@example.org`, consent: { granted: true, text: CONSENT } }),
        });
        assert.equal(res.status, 201, await res.text());
      }
      const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(`${base}/admin/`);
      await page.getByLabel('Email').fill(EMAIL);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Events' }).click();
      await page.locator('tr[data-event="small"]').waitFor();
      const [row] = (await tableByCaption(page, 'Events')).map((rows) => rows.find((r) => r[0] === 'Steward training'));
      assert.deepEqual(row.slice(2, 5), ['3', '1', '3'], 'going, waiting list, seats');
      await page.getByText('0 members; 0 waiting to confirm by email.').waitFor();
      await page.addScriptTag({ path: AXE });
      const axeEvents = await page.evaluate(async () => (await window.axe.run()).violations.map((v) => v.id));
      assert.deepEqual(axeEvents, [], 'the events section passes axe');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('tr[data-event="small"]').getByRole('link', { name: 'Export CSV' }).click(),
      ]);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      assert.ok(csv.startsWith('\uFEFFrsvped_at,'));
      assert.equal(csv.match(/waitlisted/g)?.length, 1);
      await context.close();
      fs.writeFileSync(feedFile, JSON.stringify(feed, null, 2)); // the next test edits the fixture's feed
      while ((await (await fetch(`${base}/feed.json`)).json()).events) await new Promise((r) => setTimeout(r, 100));
    });

    it('signs in, shows the numbers, exports, erases, edits the feed; refuses what it must', async () => {
      const context = await browser.newContext({ acceptDownloads: true, bypassCSP: true, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(`${base}/admin/`);
      const signIn = async (password) => {
        await page.getByLabel('Email').fill(EMAIL);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in' }).click();
      };
      await signIn('not the right password');
      await page.getByRole('alert').filter({ hasText: 'do not match an organizer account' }).waitFor();

      await page.addScriptTag({ path: AXE });
      const axeSignIn = await page.evaluate(async () => (await window.axe.run()).violations.map((v) => v.id));
      assert.deepEqual(axeSignIn, [], 'the sign-in page passes axe');

      await signIn(PASSWORD);
      await page.getByText(`Signed in as ${EMAIL}`).waitFor();
      const [cookie] = await context.cookies(`${base}/api/admin/session`);
      assert.equal(cookie.name, 'sw_console');
      assert.equal(cookie.httpOnly, true);
      assert.equal(cookie.sameSite, 'Strict');
      assert.equal(cookie.path, '/api/admin');
      assert.equal(cookie.secure, false, 'plain HTTP here');

      // Dashboard: totals per petition, per source and per site; the chart is drawn.
      await page.locator('tr[data-petition="open"]').waitFor();
      assert.equal(await page.locator('tr[data-petition="open"] td').first().textContent(), '5');
      await page.getByText('Signatures by site', { exact: true }).first().waitFor();
      assert.deepEqual(await tableByCaption(page, 'Signatures by source'), [
        [
          ['homepage', '3'],
          ['newsletter', '2'],
        ],
      ]);
      assert.deepEqual(await tableByCaption(page, 'Signatures by site'), [
        [
          [ALLIES[1], '3'],
          [ALLIES[0], '2'],
        ],
      ]);
      const bars = await page.locator('svg[role="img"] rect').count();
      assert.ok(bars >= 30, `bars drawn: ${bars}`);
      const today = new Date().toISOString().slice(0, 10);
      const last30 = (await tableByCaption(page, 'Signatures per day, last 30 days'))[0];
      assert.deepEqual(last30.at(-1), [today, '5']);
      const axeDashboard = await page.evaluate(async () => (await window.axe.run()).violations.map((v) => v.id));
      assert.deepEqual(axeDashboard, [], 'the dashboard passes axe');

      // A cross-origin POST carrying the session cookie is refused.
      const cross = await fetch(`${base}/api/admin/petitions/open/erasures`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'https://evil.example',
          cookie: `sw_console=${cookie.value}`,
        },
        body: JSON.stringify({ email: 'signer0@example.org' }),
      });
      assert.equal(cross.status, 403);
      assert.equal(cross.headers.get('access-control-allow-origin'), null);

      // Signers: export the CSV through the UI; erase one with the confirmation step.
      await page.getByRole('button', { name: 'Signers' }).click();
      await page.locator('table#signers').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Export CSV' }).click(),
      ]);
      const csv = fs.readFileSync(await download.path(), 'utf8');
      for (let i = 0; i < 5; i++) assert.ok(csv.includes(`signer${i}@example.org`), `signer${i} in the CSV`);

      await page.getByLabel('Search by email or name').fill('signer0@');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('1 signers found').waitFor();
      // By keyboard: the confirmation takes the focus, on Cancel; Shift+Tab reaches "Yes, erase".
      await page.getByRole('button', { name: 'Erase signer0@example.org' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Cancel' }).and(page.locator(':focus')).waitFor();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await page.getByText('signer0@example.org was erased.').waitFor();

      await page.getByRole('button', { name: 'Dashboard' }).click();
      await page.locator('tr[data-petition="open"] td').first().filter({ hasText: /^4$/ }).waitFor();

      await page.getByRole('button', { name: 'Audit log' }).click();
      const erase = page.locator('tr[data-action="erase"]');
      await erase.waitFor();
      assert.match(await erase.textContent(), new RegExp(`${EMAIL}[\\s\\S]*open: 1 signature`));
      await page.locator('tr[data-action="export"]').filter({ hasText: 'open' }).waitFor();

      // Feed editor: a plank's new title reaches /feed.json.
      await page.getByRole('button', { name: 'Feed editor' }).click();
      await page.locator('#plank-0-title').fill('A wage to live on');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
      for (;;) {
        const pub = await (await fetch(`${base}/feed.json`)).json();
        if (pub.platform[0].title === 'A wage to live on') break;
        await new Promise((r) => setTimeout(r, 100));
      }

      // The preview renders the draft with the real widgets (needs the built library, dist/).
      await page.locator('#plank-0-title').fill('A preview title');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.locator('#preview platform-list').getByText('A preview title').first().waitFor();
      assert.equal(JSON.parse(fs.readFileSync(feedFile, 'utf8')).platform[0].title, 'A wage to live on', 'not saved');

      // A problem is shown next to its field, and nothing is saved.
      await page.locator('#plank-0-title').fill('');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.locator('#plank-0-title-error').waitFor();
      assert.equal(await page.locator('#plank-0-title').getAttribute('aria-invalid'), 'true');
      assert.equal(JSON.parse(fs.readFileSync(feedFile, 'utf8')).platform[0].title, 'A wage to live on');
      await page.locator('#plank-0-title').fill('A wage to live on');

      // Chapters from a CSV file join the feed when saved.
      await page.getByLabel('Add chapters from a CSV file').setInputFiles({
        name: 'chapters.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'name,city,country,lat,lng,postal prefixes\r\nLakeside Branch,Chicago,US,41.9,-87.6,606\r\n',
        ),
      });
      await page.getByText('1 chapters added from the file').waitFor();
      const axeEditor = await page.evaluate(async () => (await window.axe.run()).violations.map((v) => v.id));
      assert.deepEqual(axeEditor, [], 'the feed editor passes axe');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved.').waitFor();
      const saved = JSON.parse(fs.readFileSync(feedFile, 'utf8'));
      assert.ok(saved.chapters.some((c) => c.id === 'lakeside-branch' && c.postal_codes[0] === '606'));

      // Sign out ends the session on the server: the old cookie opens nothing.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('Password').waitFor();
      const stale = await fetch(`${base}/api/admin/petitions`, { headers: { cookie: `sw_console=${cookie.value}` } });
      assert.equal(stale.status, 401);

      // One failure so far; four more, and the next attempt is told when to try again.
      for (let i = 0; i < 4; i++) {
        await signIn(`wrong password ${i}`);
        await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
        await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':enabled')).waitFor();
      }
      await signIn(PASSWORD);
      await page
        .getByRole('alert')
        .filter({ hasText: /Too many failed sign-ins\. Try again at \d\d:\d\d UTC/ })
        .waitFor();
      await context.close();
    });
  });
}
