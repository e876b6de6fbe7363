/**
 * <chapter-map> embedded the real way: the built script served by the organization's
 * server on one origin, the page on another. The map's worker (a blob: URL) and CSS
 * (adopted into the shadow root) work across origins; under a Content-Security-Policy
 * or Trusted Types that refuse the worker, the list and search work, the widget says
 * the map cannot be shown, exactly one violation is reported, and nothing is thrown.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { hostPage, inspect, launchBrowser, startHostSite, startOrgServer } from './harness.mjs';

let org, site, browser;
const pages = {};

before(async () => {
  site = await startHostSite(pages);
  org = await startOrgServer({ allowOrigins: [site.origin] });
  const feed = `${org.origin}/feed.json`;
  const head = `<script type="module" src="${org.origin}/solidarity-widgets.js"></script>`;
  const body = `<chapter-map feed="${feed}"></chapter-map>`;
  const base = ["default-src 'none'", `script-src 'self' ${org.origin}`, `connect-src 'self' ${org.origin}`, "style-src 'self'"];
  pages['/map'] = { html: hostPage({ head, body }) };
  pages['/map-csp-ok'] = {
    html: hostPage({ head, body }),
    headers: { 'content-security-policy': [...base, 'worker-src blob:', `img-src 'self' data: blob:`].join('; ') },
  };
  pages['/map-csp-no-worker'] = {
    html: hostPage({ head, body }),
    headers: { 'content-security-policy': [...base, `img-src 'self'`].join('; ') },
  };
  pages['/map-trusted-types'] = {
    html: hostPage({ head, body }),
    headers: { 'content-security-policy': [...base, 'worker-src blob:', "require-trusted-types-for 'script'"].join('; ') },
  };
  // A page's own fallback list inside the tag, readable before (and without) our script.
  const fallback = `<chapter-map feed="${feed}"><ul><li>Chicago: <a href="mailto:chicago@workers.example">chicago@workers.example</a></li></ul></chapter-map>`;
  pages['/map-fallback'] = { html: hostPage({ head, body: fallback }) };
  pages['/map-fallback-es'] = { html: hostPage({ head, body: fallback, lang: 'es' }) };
  pages['/map-far'] = { html: hostPage({ head, body: `<div style="height: 6000px">A long article.</div>${fallback}` }) };
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await org?.stop();
  await site?.stop();
});

async function visit(path) {
  const page = await browser.newPage();
  await page.goto(`${site.origin}${path}`);
  await page.waitForFunction(
    () => {
      const state = document.querySelector('chapter-map')?.panel?.engine.state;
      return state === 'ready' || state === 'failed';
    },
    null,
    { timeout: 30000 },
  );
  const map = await page.evaluate(async () => {
    const el = document.querySelector('chapter-map');
    const m = el.panel.engine.view?.map;
    if (m && !m.loaded()) await new Promise((r) => m.once('idle', r));
    await new Promise((r) => setTimeout(r, 300));
    const root = el.shadowRoot;
    return {
      state: el.panel.engine.state,
      message: root.querySelector('[part=map] .message')?.textContent ?? null,
      rows: root.querySelectorAll('[role=option]').length,
      clusters: [...root.querySelectorAll('.cluster')].reduce((n, b) => n + Number(b.dataset.count), 0),
      singles: m ? new Set(m.queryRenderedFeatures({ layers: ['chapter-points'] }).map((f) => f.properties.i)).size : 0,
      chapters: el.panel.index.chapters.length,
      mapCss: root.adoptedStyleSheets.some((s) => [...s.cssRules].some((r) => r.cssText.includes('.maplibregl-map'))),
    };
  });
  return { page, map, state: await inspect(page) };
}

/** Search still works: a postal code selects its chapter. */
async function searchWorks(page) {
  const input = page.locator('chapter-map input[type=search]');
  await input.fill('60614');
  await input.press('Enter');
  const selected = await page.evaluate(() => document.querySelector('chapter-map').shadowRoot.querySelector('[part=details] h3')?.textContent);
  assert.ok(selected, 'a chapter was selected by its postal code');
}

test('from another origin: the map shows every chapter in clusters, with its CSS adopted', async () => {
  const { page, map, state } = await visit('/map');
  assert.equal(map.state, 'ready');
  assert.ok(map.mapCss, "maplibre's CSS is in the shadow root");
  assert.ok(map.clusters > 0, 'some chapters are clustered');
  assert.equal(map.clusters + map.singles, map.chapters, 'cluster counts and single chapters add up');
  assert.deepEqual(state.errors, []);
  assert.deepEqual(state.violations, []);
  await searchWorks(page);
  await page.close();
});

test('under a CSP that allows what docs/chapter-map.md asks for, the map works with no violation', async () => {
  const { page, map, state } = await visit('/map-csp-ok');
  assert.equal(map.state, 'ready');
  assert.deepEqual(state.violations, []);
  assert.deepEqual(state.errors, []);
  await page.close();
});

for (const [path, what] of [
  ['/map-csp-no-worker', 'a CSP without worker-src blob:'],
  ['/map-trusted-types', 'Trusted Types required'],
]) {
  test(`${what}: the list and search work, one violation, nothing thrown`, async () => {
    const { page, map, state } = await visit(path);
    assert.equal(map.state, 'failed');
    assert.match(map.message, /cannot be shown here/);
    assert.ok(map.rows > 0, 'the list is there');
    assert.deepEqual(state.errors, []);
    assert.equal(state.violations.length, 1, `one report, not one per attempt: ${state.violations.join(' | ')}`);
    await searchWorks(page);
    await page.close();
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What a reader of /map-fallback* sees now: the shadow tree's state, the fallback list, axe's findings. */
async function shellState(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const el = document.querySelector('chapter-map');
    const root = el.shadowRoot;
    const ul = el.querySelector('ul');
    const { violations } = await window.axe.run(el);
    return {
      panel: !!el.panel,
      message: root.querySelector('[part~=message]')?.textContent.trim() ?? null,
      fallbackShown: !!root.querySelector('slot')?.assignedElements().includes(ul) && ul.checkVisibility() && ul.offsetHeight > 0,
      height: el.getBoundingClientRect().height,
      mapHeight: 26 * parseFloat(getComputedStyle(document.documentElement).fontSize),
      axe: violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`),
    };
  });
}

test('before its code arrives, the page\'s fallback list is readable in a box as tall as the map; then the real list', async () => {
  const page = await browser.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route('**/chapter-panel-*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${site.origin}/map-fallback`);
  await page.waitForFunction(() => document.querySelector('chapter-map')?.shadowRoot?.querySelector('slot'));
  const before = await shellState(page);
  assert.equal(before.panel, false, 'the panel is held back');
  assert.ok(before.fallbackShown, 'the fallback list is readable');
  assert.ok(before.height >= before.mapHeight - 1, `the map's height is reserved (${before.height}px)`);
  assert.deepEqual(before.axe, []);
  release();
  await page.waitForFunction(() => document.querySelector('chapter-map').shadowRoot.querySelector('[role=option]'), null, { timeout: 30000 });
  const after = await shellState(page);
  assert.equal(after.fallbackShown, false, 'the real list replaced the fallback');
  assert.deepEqual(after.axe, []);
  const state = await inspect(page);
  assert.deepEqual(state.errors, []);
  await page.close();
});

test('far below the fold, the built map fetches none of its chunks; scrolled near, the panel and the map', async () => {
  const page = await browser.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  const chunks = () => fetched.filter((u) => /\/chunks\/(chapter-panel|map-view|nearest)-/.test(u));
  await page.goto(`${site.origin}/map-far`);
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('chapter-map')?.shadowRoot?.querySelector('input#q'));
  await page.waitForTimeout(300);
  assert.deepEqual(chunks(), [], 'no chunk of the map while it is far');
  await page.evaluate(() => document.querySelector('chapter-map').scrollIntoView());
  await page.waitForFunction(() => document.querySelector('chapter-map').shadowRoot.querySelector('[role=option]'), null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector('chapter-map').panel?.engine.state === 'ready', null, { timeout: 30000 });
  assert.ok(chunks().some((u) => /chapter-panel/.test(u)), `the panel was fetched: ${chunks()}`);
  assert.ok(chunks().some((u) => /map-view/.test(u)), `the map engine was fetched: ${chunks()}`);
  assert.deepEqual((await inspect(page)).errors, []);
  await page.close();
});

for (const [path, expected] of [
  ['/map-fallback', /could not be loaded: the server could not be reached/],
  ['/map-fallback-es', /No se pudo cargar el contenido: no se pudo conectar con el servidor/],
]) {
  test(`offline, its code cannot load (${path}): a clear message in the reader's language, the fallback list stays, nothing thrown`, async () => {
    const page = await browser.newPage();
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    await page.route('**/chapter-panel-*.js', (route) => route.abort('internetdisconnected'));
    await page.goto(`${site.origin}${path}`);
    await page.waitForFunction(
      (source) => new RegExp(source).test(document.querySelector('chapter-map')?.shadowRoot?.querySelector('[part~=message]')?.textContent ?? ''),
      expected.source,
      { timeout: 30000 },
    );
    const shown = await shellState(page);
    assert.equal(shown.panel, false);
    assert.match(shown.message, expected);
    assert.ok(shown.fallbackShown, 'the fallback list is still readable');
    assert.deepEqual(shown.axe, []);
    const state = await inspect(page);
    assert.deepEqual(state.errors, [], 'nothing reached the host page');
    assert.equal(warnings.filter((w) => /chapter-panel/.test(w)).length, 1, `one warning naming the chunk: ${warnings.join(' | ')}`);
    await page.close();
  });
}
