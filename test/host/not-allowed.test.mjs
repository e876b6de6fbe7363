/**
 * A new allied site the organization has not allowed yet, end to end: the embed builder's
 * snippet as is, pasted into a page on another origin; the real server (built CLI, SQLite) does
 * not list that origin. Signing says "not allowed yet" (English, Spanish), never "offline"; one
 * console warning names the site's origin and the organization's step; nothing is stored. Then
 * the organizer runs `solidarity-widgets origins` (the site is listed with its count) and the
 * embed builder's `origins allow` command, with no restart, and the same page signs normally.
 * Needs `npm run build:lib` and `npm run build:server` first.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { tsImport } from 'tsx/esm/api';
import { launchBrowser, startHostSite, startOrgServer } from './harness.mjs';

const { snippet, allowStep } = await tsImport('../../stories/embed-snippet.ts', import.meta.url);
const run = promisify(execFile);

let org, site, browser;
const pages = {};

before(async () => {
  site = await startHostSite(pages);
  org = await startOrgServer({ allowOrigins: [] }); // the site is not on the list
  browser = await launchBrowser();
  // What the embed builder shows for <petition-form> with the sample feed's petition, in a language.
  const paste = (lang) =>
    snippet(`${org.origin}/solidarity-widgets.js`, 'petition-form', [
      ['lang', lang],
      ['feed', `${org.origin}/feed.json`],
      ['petition', 'cancel-rent'],
    ]);
  for (const lang of ['en', 'es']) {
    pages[`/${lang}`] = {
      html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Union local</title></head>
<body><h1>Union local</h1>\n${paste(lang)}</body></html>`,
    };
  }
});

after(async () => {
  await browser?.close();
  await org?.stop();
  await site?.stop();
});

/** The CLI as the organizer runs it, on the server's database. */
const cli = async (...args) =>
  (await run(process.execPath, ['bin/solidarity-widgets.js', 'origins', ...args, '--db', org.db])).stdout;

const storedSignatures = () => {
  const db = new Database(org.db, { readonly: true });
  try {
    return db.prepare('SELECT email, origin FROM signatures').all();
  } finally {
    db.close();
  }
};

const email = (tag) => `${tag}.${Date.now().toString(36)}@example.org`;

/** Opens the pasted page, fills the form by keyboard, consents and signs. */
async function openAndSign(context, lang, address) {
  const page = await context.newPage();
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await page.goto(`${site.origin}/${lang}`);
  const form = page.locator('petition-form form');
  await form.waitFor();
  for (const [field, value] of [
    ['given_name', 'Ada'],
    ['family_name', 'Lovelace'],
    ['email', address],
    ['postal_code', 'N1 9GU'],
  ]) {
    await page.locator(`petition-form #f-${field}`).fill(value);
  }
  await page.locator('petition-form #consent').check();
  await page.locator('petition-form button[type=submit]').click();
  return { page, warnings };
}

const alertOf = (page) => page.locator('petition-form [role=alert]');

test('a site not allowed yet: "not allowed yet" in English and Spanish, one warning naming the site, nothing stored', async () => {
  const context = await browser.newContext();
  try {
    const en = await openAndSign(context, 'en', email('en'));
    await alertOf(en.page).filter({ hasText: 'This site can’t send signatures to' }).waitFor();
    const text = await alertOf(en.page).innerText();
    assert.match(text, /Riverside Workers' Alliance yet/);
    assert.doesNotMatch(text, /offline/i);
    assert.equal(
      await en.page.locator('petition-form [role=alert] a').getAttribute('href'),
      'https://workers.example/',
    );
    const ours = en.warnings.filter((w) => w.includes('not allowed to send signatures'));
    assert.equal(ours.length, 1, en.warnings.join('\n'));
    const step = allowStep(site.origin);
    assert.ok(ours[0].includes(`this site (${site.origin})`), ours[0]);
    assert.ok(ours[0].includes(step.option), ours[0]);
    assert.ok(ours[0].includes(step.command), ours[0]);

    const es = await openAndSign(context, 'es', email('es'));
    await alertOf(es.page).filter({ hasText: 'Este sitio todavía no puede enviar firmas a' }).waitFor();
    assert.doesNotMatch(await alertOf(es.page).innerText(), /sin conexión/i);
    assert.equal(es.warnings.filter((w) => w.includes('not allowed to send signatures')).length, 1);
  } finally {
    await context.close();
  }
  assert.deepEqual(storedSignatures(), []);
});

test("`origins` lists the refused site with its count; after the builder's `origins allow`, the same page signs", async () => {
  const listed = await cli();
  const day = new Date().toISOString().slice(0, 10);
  assert.match(listed, new RegExp(`${day}  ${site.origin}  2\\n`), listed);

  const { command } = allowStep(site.origin);
  const allowed = await cli(...command.split(' ').slice(2)); // "solidarity-widgets origins" is cli()'s own
  assert.match(allowed, new RegExp(`allowed: ${site.origin} may now sign`));

  const context = await browser.newContext();
  try {
    const address = email('after');
    const { page } = await openAndSign(context, 'en', address);
    await page.locator('petition-form [role=status]').filter({ hasText: 'Signed' }).waitFor();
    assert.deepEqual(storedSignatures(), [{ email: address, origin: site.origin }]);
  } finally {
    await context.close();
  }
});
