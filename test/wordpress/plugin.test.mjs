/**
 * The WordPress plugin in a real WordPress (Debian's package, MariaDB, php -S) with the real
 * organization server (`solidarity-widgets serve`, sample feed), driven in Chromium: an
 * administrator uploads the zip and sets the server; an Author (no unfiltered_html) builds a
 * post with a petition block and platform shortcodes; a visitor signs; the signature is on the
 * server; pages with the event list (its own script) and the join form. Needs `npm run build` first
 * (npm test does it), or `npm run build:lib && node scripts/build-wordpress.mjs`.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, launchBrowser, startOrgServer } from '../host/harness.mjs';
import { logIn, startWordPress, USERS } from './wordpress.mjs';

const ZIP = 'dist/solidarity-widgets-wordpress.zip';
const PLUGIN = 'wordpress/solidarity-widgets';
const TOKEN = 'wordpress-test-admin-token-0123456789abcdef';
const HOSTILE = `[solidarity_platform limit="2" tags='"><script>window.__pwned=1</script>']
[solidarity_plank id='housing" onmouseover="window.__pwned=2" x="' onclick="window.__pwned=3"]`;

let wp, org, browser;
let postUrl, eventsUrl, joinUrl;

/** Our scripts on a page, as the browser has them. */
function ourScripts(page) {
  return page.evaluate(
    (origin) =>
      [...document.querySelectorAll('script')]
        .filter((s) => (s.src || '').startsWith(origin))
        .map((s) => ({ type: s.type, src: s.src, integrity: s.integrity })),
    org.origin,
  );
}

/** The pinned script at `path` (as sri.json names it), as ourScripts() lists it. */
async function pinned(path) {
  const sri = await (await fetch(`${org.origin}/sri.json`)).json();
  return { type: 'module', src: `${org.origin}/0.1.0/${path}`, integrity: sri[`0.1.0/${path}`] };
}

/** A visitor's page at `url`, with the page's uncaught errors and the paths it fetched. */
async function visit(url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const fetched = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(url);
  return { context, page, errors, fetched };
}

/** Publishes the editor's post with a title; answers its address. */
async function publish(page, title) {
  await page.evaluate((t) => {
    wp.data.dispatch('core/editor').editPost({ title: t, status: 'publish' });
    return wp.data.dispatch('core/editor').savePost();
  }, title);
  await page.waitForFunction(
    () => wp.data.select('core/editor').isCurrentPostPublished() && !wp.data.select('core/editor').isSavingPost(),
  );
  return page.evaluate(() => wp.data.select('core/editor').getPermalink());
}

/** A new post in the block editor, as the Author. */
async function newPost(context) {
  const page = await logIn(context, wp.origin, USERS.author);
  await page.goto(`${wp.origin}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId());
  return page;
}

before(async () => {
  const port = await freePort();
  org = await startOrgServer({ allowOrigins: [`http://127.0.0.1:${port}`], env: { SOLIDARITY_ADMIN_TOKEN: TOKEN } });
  wp = await startWordPress({ port });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await wp?.stop();
  await org?.stop();
});

test('the Author made by the install lacks unfiltered_html (so "paste a script" would fail for them)', () => {
  assert.equal(wp.installed.authorCanUnfilteredHtml, false);
});

test('an administrator installs the zip through "Upload plugin", activates it, and sets the server (a wrong one is refused, saying why)', async () => {
  const context = await browser.newContext();
  const page = await logIn(context, wp.origin, USERS.admin);
  await page.goto(`${wp.origin}/wp-admin/plugin-install.php?tab=upload`);
  await page.setInputFiles('#pluginzip', ZIP);
  await Promise.all([page.waitForLoadState('load'), page.click('#install-plugin-submit')]);
  await page.getByText('Plugin installed successfully.').waitFor();
  await Promise.all([page.waitForURL(/plugins\.php/), page.getByRole('link', { name: 'Activate Plugin' }).click()]);
  await page.getByText('Plugin activated.').waitFor();

  const settings = `${wp.origin}/wp-admin/options-general.php?page=solidarity-widgets`;
  await page.goto(settings);
  const save = (fields) => async () => {
    for (const [label, value] of Object.entries(fields)) await page.getByLabel(label).fill(value);
    await Promise.all([
      page.waitForURL(/settings-updated/),
      page.getByRole('button', { name: 'Save Changes' }).click(),
    ]);
  };
  await save({ "Organization's server": `${org.origin}/api` })();
  await page
    .getByText(`The server was not saved: ${org.origin}/api/feed.json answered HTTP 404 instead of 200.`)
    .waitFor();
  assert.equal(await page.getByLabel("Organization's server").inputValue(), '');

  // A pin without its hash takes it from the server's sri.json.
  await save({ "Organization's server": org.origin, 'Pin to version (optional)': '0.1.0' })();
  await page.getByText('Settings saved.').waitFor();
  const sri = await (await fetch(`${org.origin}/sri.json`)).json();
  assert.equal(await page.getByLabel('SRI hash of the pinned script').inputValue(), sri['0.1.0/solidarity-widgets.js']);
  await context.close();
});

test('an Author builds a post in the block editor: a petition block chosen from the feed, platform shortcodes; publishes', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await logIn(context, wp.origin, USERS.author);
  await page.goto(`${wp.origin}/wp-admin/post-new.php`);
  await page.waitForFunction(() => window.wp?.data?.select('core/editor')?.getCurrentPostId());
  await page.evaluate(() => {
    const block = wp.blocks.createBlock('solidarity-widgets/petition');
    wp.data.dispatch('core/block-editor').insertBlocks(block);
    wp.data.dispatch('core/block-editor').selectBlock(block.clientId);
  });
  // The block's own controls: the petition is chosen among the feed's, by title.
  const block = page.locator('[data-type="solidarity-widgets/petition"]');
  await block.getByLabel('Petition', { exact: true }).selectOption({ label: 'Cancel Rent Debt, Freeze the Rent' });
  const inspector = page.locator('.block-editor-block-inspector');
  assert.equal(await inspector.getByLabel('Petition', { exact: true }).inputValue(), 'cancel-rent');
  await inspector.getByLabel('Source (tells organizers where signatures came from)').fill('wordpress-block');
  // The live preview is the real widget.
  await block
    .locator('petition-form[petition="cancel-rent"][source="wordpress-block"] form input[autocomplete="email"]')
    .waitFor();

  await page.evaluate((text) => {
    const { createBlock } = wp.blocks;
    wp.data
      .dispatch('core/block-editor')
      .insertBlocks([
        createBlock('core/shortcode', { text: '[solidarity_platform variant="compact" heading_level="3"]' }),
        createBlock('core/shortcode', { text }),
      ]);
    wp.data.dispatch('core/editor').editPost({ title: 'Sign with our allies', status: 'publish' });
    return wp.data.dispatch('core/editor').savePost();
  }, HOSTILE);
  await page.waitForFunction(
    () => wp.data.select('core/editor').isCurrentPostPublished() && !wp.data.select('core/editor').isSavingPost(),
  );
  postUrl = await page.evaluate(() => wp.data.select('core/editor').getPermalink());
  assert.ok(postUrl.startsWith(wp.origin), postUrl);

  // The Author sees the note naming the attribute that was left out; the settings are not theirs.
  await page.goto(postUrl);
  await page
    .locator('.solidarity-widgets-notice')
    .filter({ hasText: '[solidarity_plank] has no attribute "onclick"' })
    .waitFor();
  await page.goto(`${wp.origin}/wp-admin/options-general.php?page=solidarity-widgets`);
  await page.getByText('Sorry, you are not allowed to access this page.').waitFor();
  await context.close();
});

test('a visitor gets one module script of ours (pinned), the fallback text, inert hostile attributes; signs; the signature is on the server', async () => {
  assert.ok(postUrl, 'the post was published');
  const html = await (await fetch(postUrl)).text();
  assert.match(
    html,
    /<petition-form feed="[^"]+\/feed\.json" lang="en-US" petition="cancel-rent" source="wordpress-block"><p><strong>Cancel Rent Debt, Freeze the Rent<\/strong>/,
  );
  assert.match(
    html,
    /<platform-list [^>]*variant="compact" heading-level="3"><ol><li><strong>Health Care for Everyone<\/strong>/,
  );

  const { context, page, errors } = await visit(postUrl);
  assert.deepEqual(await ourScripts(page), [await pinned('solidarity-widgets.js')]);

  // The hostile shortcode attributes stayed values of allowed attributes: no script, no handler.
  await page.locator('platform-list[tags] >> nth=0').waitFor({ state: 'attached' });
  const hostile = await page.evaluate(() => ({
    pwned: window.__pwned,
    handlers: [...document.querySelectorAll('*')].flatMap((e) =>
      [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.localName} ${a.name}`),
    ),
    scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent.includes('__pwned')).length,
    tags: document.querySelector('platform-list[tags]').getAttribute('tags'),
    plank: document.querySelector('platform-plank').getAttribute('plank'),
  }));
  await page.locator('platform-plank[plank]').hover();
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(
    { ...hostile, tags: hostile.tags.startsWith('">') },
    { pwned: undefined, handlers: [], scripts: 0, tags: true, plank: hostile.plank },
  );
  assert.match(hostile.plank, /^housing" onmouseover=/);

  // Sign.
  const email = `wp-${Date.now().toString(36)}@example.org`;
  const form = page.locator('petition-form');
  await form.locator('form').waitFor();
  await form.locator('input[autocomplete="given-name"]').fill('Lucy');
  await form.locator('input[autocomplete="family-name"]').fill('Parsons');
  await form.locator('input[autocomplete="email"]').fill(email);
  await form.locator('input[autocomplete="postal-code"]').fill('60601');
  await form.locator('input[type="checkbox"]').check();
  const signed = page.evaluate(
    () => new Promise((r) => document.addEventListener('petition-signed', (e) => r(e.detail), { once: true })),
  );
  await form.locator('[part="submit"]').click();
  assert.equal((await signed).petition, 'cancel-rent');

  const csv = await (
    await fetch(`${org.origin}/api/petitions/cancel-rent/signatures.csv`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    })
  ).text();
  const row = csv.split('\r\n').find((line) => line.includes(email));
  assert.ok(row, `${email} in the export`);
  assert.match(
    row,
    new RegExp(
      `,Lucy,Parsons,${email.replace('.', '\\.')},60601,.*,wordpress-block,${wp.origin.replace(/[.:/]/g, '\\$&')},`,
    ),
  );
  assert.equal(
    await page.locator('.solidarity-widgets-notice').count(),
    0,
    "the editors' note is not shown to visitors",
  );
  assert.deepEqual(errors, []);
  await context.close();
});

test("the widgets speak the site's language: a Spanish site gets Spanish widgets", async (t) => {
  // The site's locale through WordPress's own filter (no language pack is installed here to pick).
  const muPlugins = join(wp.root, 'wp-content', 'mu-plugins');
  mkdirSync(muPlugins, { recursive: true });
  writeFileSync(join(muPlugins, 'spanish.php'), "<?php add_filter( 'locale', function () { return 'es_ES'; } );\n");
  t.after(() => rmSync(join(muPlugins, 'spanish.php')));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(postUrl);
  await page.locator('petition-form[lang="es-ES"] [part="submit"]').filter({ hasText: 'Firmar' }).waitFor();
  await page
    .locator('platform-list[lang="es-ES"]')
    .getByText('Salud para todas y todos')
    .filter({ visible: true })
    .first()
    .waitFor();
  await context.close();
});

test('a page without a widget gets no script of ours', async () => {
  const html = await (await fetch(`${wp.origin}/?page_id=2`)).text();
  assert.match(html, /Sample Page/);
  assert.ok(!html.includes(org.origin), 'no mention of the organization server');
});

test('an Author publishes [solidarity_events], and join form (chapter from the feed) + petition blocks', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  let page = await newPost(context);
  await page.evaluate(() =>
    wp.data
      .dispatch('core/block-editor')
      .insertBlocks(
        wp.blocks.createBlock('core/shortcode', { text: '[solidarity_events limit="2" heading_level="3"]' }),
      ),
  );
  eventsUrl = await publish(page, 'Come to our events');
  assert.ok(eventsUrl.startsWith(wp.origin), eventsUrl);
  await page.close();

  page = await newPost(context);
  await page.evaluate(() => {
    const join = wp.blocks.createBlock('solidarity-widgets/join');
    wp.data
      .dispatch('core/block-editor')
      .insertBlocks([join, wp.blocks.createBlock('solidarity-widgets/petition', { petition: 'cancel-rent' })]);
    wp.data.dispatch('core/block-editor').selectBlock(join.clientId);
  });
  const inspector = page.locator('.block-editor-block-inspector');
  const chapter = inspector.getByLabel('Chapter chosen at first (the reader may change it)');
  await chapter.selectOption({ label: 'Chicago' });
  assert.equal(await chapter.inputValue(), 'chicago');
  // The preview is the real join form, given the chapter.
  await page.locator('[data-type="solidarity-widgets/join"] join-form[chapter="chicago"] form').waitFor();
  joinUrl = await publish(page, 'Join us');
  assert.ok(joinUrl.startsWith(wp.origin), joinUrl);
  await context.close();
});

test('a page with only an event list loads widgets/event-list.js (pinned) and shows the upcoming events', async () => {
  assert.ok(eventsUrl, 'the events post was published');
  const html = await (await fetch(eventsUrl)).text();
  // The text inside the tag: the next two events, soonest first (the past rally left out).
  const tag = html.match(/<event-list [^>]*>(.*?)<\/event-list>/);
  assert.ok(tag, 'an <event-list> on the page');
  assert.match(tag[0], /^<event-list feed="[^"]+\/feed\.json" lang="en-US" limit="2" heading-level="3">/);
  assert.deepEqual(
    [...tag[1].matchAll(/<li><strong>([^<]+)<\/strong> [^<]+<\/li>/g)].map((m) => m[1]),
    ['Shop steward training (12 seats)', 'Chicago branch meeting'],
  );

  const { context, page, errors, fetched } = await visit(eventsUrl);
  assert.deepEqual(await ourScripts(page), [await pinned('widgets/event-list.js')]);
  const titles = page.locator('event-list [part="title"][role="heading"][aria-level="3"]');
  await titles.first().waitFor();
  assert.deepEqual(await titles.allTextContents(), ['Shop steward training (12 seats)', 'Chicago branch meeting']);
  assert.ok(!fetched.some((p) => p.endsWith('/solidarity-widgets.js')), `the main script not fetched: ${fetched}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('join form + petition: the main script (pinned) loads; both render, the join form with its chapter', async () => {
  assert.ok(joinUrl, 'the join post was published');
  const html = await (await fetch(joinUrl)).text();
  assert.match(
    html,
    /<join-form feed="[^"]+\/feed\.json" lang="en-US" chapter="chicago"><p><strong>Join the Alliance<\/strong>/,
  );

  const { context, page, errors } = await visit(joinUrl);
  assert.deepEqual(await ourScripts(page), [await pinned('solidarity-widgets.js')]);
  await page.locator('join-form h2[part="heading"]').filter({ hasText: 'Join the Alliance' }).waitFor();
  assert.equal(await page.locator('join-form select[part~="chapter-select"]').inputValue(), 'chicago');
  await page.locator('petition-form form input[autocomplete="email"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('event list alone: unpinned, the latest event-list.js; pinned by a pasted hash, the main script', async () => {
  const context = await browser.newContext();
  const page = await logIn(context, wp.origin, USERS.admin);
  const save = async (version, integrity) => {
    await page.goto(`${wp.origin}/wp-admin/options-general.php?page=solidarity-widgets`);
    await page.getByLabel('Pin to version (optional)').fill(version);
    await page.getByLabel('SRI hash of the pinned script').fill(integrity);
    await Promise.all([
      page.waitForURL(/settings-updated/),
      page.getByRole('button', { name: 'Save Changes' }).click(),
    ]);
    await page.getByText('Settings saved.').waitFor();
  };
  const scripts = async () =>
    [...(await (await fetch(eventsUrl)).text()).matchAll(/<script [^>]*src="([^"]+)"[^>]*>/g)]
      .filter((m) => m[1].startsWith(org.origin))
      .map((m) => m[0].replace(/ id="[^"]*"/, ''));

  await save('', '');
  assert.deepEqual(await scripts(), [`<script type="module" src="${org.origin}/widgets/event-list.js">`]);

  // A hash pasted by hand vouches for the main script only: no hash is trusted for the widget's own.
  const pasted = `sha384-${'A'.repeat(64)}`;
  await save('0.1.0', pasted);
  const main = `${org.origin}/0.1.0/solidarity-widgets.js`;
  assert.deepEqual(await scripts(), [
    `<script type="module" src="${main}" integrity="${pasted}" crossorigin="anonymous">`,
  ]);
  await context.close();
});

test('PHP lint (php -l) and the coding-standard checks (wordpress/phpcs.xml) pass on every PHP file of the plugin', () => {
  const files = readdirSync(PLUGIN, { recursive: true }).filter((f) => f.endsWith('.php'));
  assert.ok(files.length >= 10, `the plugin's PHP files: ${files}`);
  for (const file of files) {
    const lint = spawnSync('php', ['-l', join(PLUGIN, file)], { encoding: 'utf8' });
    assert.equal(lint.status, 0, `php -l ${file}:\n${lint.stdout}${lint.stderr}`);
  }
  const phpcs = spawnSync('phpcs', ['--standard=phpcs.xml', '--report=emacs'], { cwd: 'wordpress', encoding: 'utf8' });
  assert.equal(phpcs.status, 0, `phpcs:\n${phpcs.stdout}${phpcs.stderr}`);
});
