/**
 * <chapter-map> embedded the real way: the built script served by the organization's
 * server on one origin, the page on another. The map's worker (a blob: URL) and CSS
 * (adopted into the shadow root) work across origins; under a Content-Security-Policy
 * or Trusted Types that refuse the worker, the list and search work, the widget says
 * the map cannot be shown, exactly one violation is reported, and nothing is thrown.
 */
import assert from 'node:assert/strict';
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
      const state = document.querySelector('chapter-map')?.panel?.mapState;
      return state === 'ready' || state === 'failed';
    },
    null,
    { timeout: 30000 },
  );
  const map = await page.evaluate(async () => {
    const el = document.querySelector('chapter-map');
    const m = el.panel.view?.map;
    if (m && !m.loaded()) await new Promise((r) => m.once('idle', r));
    await new Promise((r) => setTimeout(r, 300));
    const root = el.shadowRoot;
    return {
      state: el.panel.mapState,
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
