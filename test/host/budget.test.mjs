/**
 * What a reader pays: a page with the platform, petition and donate widgets in
 * English fetches at most its budget of our script (20 KB gzipped), every chunk counted; a
 * page whose map is far below the fold fetches no map engine until scrolled to; and a page whose only
 * widget is the map, with its single-widget script, fetches at most 20 KB gzipped until the map is near.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hostPage, startScene, widgetsRendered } from './harness.mjs';
import { recordScripts } from './page-bytes.mjs';
import { PAGE_BUDGET_GZIP, WIDGET_SCRIPT_BUDGET_GZIP } from '../budgets.mjs';

/** How long a page may take to show a widget on a loaded CI machine (a wait, not a measurement). */
const WAIT_MS = 30_000;

let org, site, browser, scene;
const pages = {};

before(async () => {
  scene = await startScene(pages);
  ({ site, org, browser } = scene);
  const feed = `${org.origin}/feed.json`;
  const head = `<script type="module" src="${org.origin}/solidarity-widgets.js"></script>`;
  pages['/three'] = {
    html: hostPage({
      head,
      body: `<platform-list feed="${feed}"></platform-list>
        <petition-form feed="${feed}" petition="cancel-rent"></petition-form>
        <donate-button feed="${feed}"></donate-button>`,
    }),
  };
  pages['/map-only'] = {
    html: hostPage({
      head: `<script type="module" src="${org.origin}/widgets/chapter-map.js"></script>`,
      body: `<div style="height: 5000px">long article</div><chapter-map feed="${feed}"></chapter-map>`,
    }),
  };
  pages['/map-both-scripts'] = {
    html: hostPage({
      head: `${head}<script type="module" src="${org.origin}/widgets/chapter-map.js"></script>`,
      body: `<chapter-map feed="${feed}"></chapter-map>`,
    }),
  };
  for (const tag of ['event-list', 'join-form']) {
    pages[`/only-${tag}`] = {
      html: hostPage({
        head: `<script type="module" src="${org.origin}/widgets/${tag}.js"></script>`,
        body: `<${tag} feed="${feed}"></${tag}>`,
      }),
    };
  }
  pages['/main-script-actions'] = {
    html: hostPage({ head, body: `<event-list feed="${feed}"></event-list><join-form feed="${feed}"></join-form>` }),
  };
  pages['/map-below'] = {
    html: hostPage({
      head,
      body: `<platform-plank feed="${feed}" plank="1"></platform-plank>
        <div style="height: 5000px">long article</div>
        <chapter-map feed="${feed}"></chapter-map>`,
    }),
  };
});

after(() => scene?.stop());

/** Once the page's scripts are measured: what it fetched of ours, in all and file by file, logged. */
async function fetched(rec, budget) {
  await rec.measured();
  const total = rec.gzipTotal(org.origin);
  const list = rec
    .ours(org.origin)
    .map(([u, s]) => `${new URL(u).pathname} ${s.gzip}`)
    .join(', ');
  console.log(`fetched: ${total} bytes gzipped (budget ${budget}; ${list})`);
  return { total, list };
}

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

test(`platform + petition + donate in English fetch at most ${PAGE_BUDGET_GZIP} bytes gzipped of script`, async () => {
  const page = await browser.newPage();
  const rec = recordScripts(page);
  await page.goto(`${site.origin}/three`);
  await widgetsRendered(page, ['platform-list', 'petition-form', 'donate-button'], WAIT_MS);
  await settle(page);
  const { total, list } = await fetched(rec, PAGE_BUDGET_GZIP);
  assert.ok(
    total <= PAGE_BUDGET_GZIP,
    `the page fetched ${total} bytes gzipped of script, over ${PAGE_BUDGET_GZIP}: ${list}`,
  );
  await page.close();
});

test('no maplibre byte is fetched while the map is far below the fold; scrolling to it loads it', async () => {
  const page = await browser.newPage();
  const rec = recordScripts(page);
  await page.goto(`${site.origin}/map-below`);
  await settle(page);
  const mapChunks = () => rec.ours(org.origin).filter(([u]) => /map-view|maplibre/.test(u));
  assert.deepEqual(mapChunks(), [], 'the map engine was fetched with the map out of view');
  await page.evaluate(() => document.querySelector('chapter-map').scrollIntoView());
  await page.waitForFunction(
    () => performance.getEntriesByType('resource').some((e) => /map-view/.test(e.name)),
    null,
    { timeout: WAIT_MS },
  );
  await page.close();
});

test(`a page whose only widget is the map, with widgets/chapter-map.js, fetches at most ${WIDGET_SCRIPT_BUDGET_GZIP} bytes gzipped until it is near; then it works`, async () => {
  const page = await browser.newPage();
  const rec = recordScripts(page);
  await page.goto(`${site.origin}/map-only`);
  await settle(page);
  const { total, list } = await fetched(rec, WIDGET_SCRIPT_BUDGET_GZIP);
  assert.ok(total <= WIDGET_SCRIPT_BUDGET_GZIP, `the map-only page fetched ${total} bytes gzipped: ${list}`);
  assert.ok(!rec.ours(org.origin).some(([u]) => /solidarity-widgets\.js/.test(u)), 'the main script was fetched');
  await page.evaluate(() => document.querySelector('chapter-map').scrollIntoView());
  await page.waitForFunction(
    () => document.querySelector('chapter-map')?.shadowRoot?.querySelectorAll('[role=option]').length > 0,
    null,
    { timeout: WAIT_MS },
  );
  await page.close();
});

test('a page with both the main script and widgets/chapter-map.js gets one working map and no error', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && errors.push(m.text()));
  await page.goto(`${site.origin}/map-both-scripts`);
  await page.waitForFunction(
    () => document.querySelector('chapter-map')?.shadowRoot?.querySelectorAll('[role=option]').length > 0,
    null,
    { timeout: WAIT_MS },
  );
  assert.deepEqual(errors, []);
  await page.close();
});

for (const tag of ['event-list', 'join-form'])
  test(`a page whose only widget is <${tag}>, with widgets/${tag}.js, fetches at most ${WIDGET_SCRIPT_BUDGET_GZIP} bytes gzipped at load`, async () => {
    const page = await browser.newPage();
    const rec = recordScripts(page);
    await page.goto(`${site.origin}/only-${tag}`);
    await widgetsRendered(page, [tag], WAIT_MS);
    await settle(page);
    const { total, list } = await fetched(rec, WIDGET_SCRIPT_BUDGET_GZIP);
    assert.ok(total <= WIDGET_SCRIPT_BUDGET_GZIP, `the <${tag}> page fetched ${total} bytes gzipped: ${list}`);
    await page.close();
  });

test('the main script defines <event-list> and <join-form> from their own scripts, once the page has them', async () => {
  const page = await browser.newPage();
  const rec = recordScripts(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${site.origin}/main-script-actions`);
  await widgetsRendered(page, ['event-list', 'join-form'], WAIT_MS);
  const paths = rec.ours(org.origin).map(([u]) => new URL(u).pathname);
  assert.ok(paths.includes('/widgets/event-list.js') && paths.includes('/widgets/join-form.js'), paths.join(', '));
  assert.deepEqual(errors, []);
  await page.close();
});
