/**
 * What a reader's browser really downloads from the organization's server: the entry
 * script and its chunks as the precompressed brotli siblings the build writes
 * (scripts/compress.mjs), decoded by the browser into exactly the bytes dist/sri.json
 * pins, and the widgets render as before.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { everyWidget, hostPage, inspect, startScene, widgetsRendered } from './harness.mjs';

let org, site, browser, scene;
const pages = {};
const sri = JSON.parse(readFileSync('dist/sri.json', 'utf8'));

before(async () => {
  scene = await startScene(pages);
  ({ site, org, browser } = scene);
  const feed = `${org.origin}/feed.json`;
  // Pinned by SRI: the browser checks the hash over the decoded bytes.
  const head = `<script type="module" src="${org.origin}/solidarity-widgets.js" integrity="${sri['solidarity-widgets.js']}" crossorigin="anonymous"></script>`;
  pages['/widgets'] = { html: hostPage({ head, body: everyWidget(feed, { map: false }) }) };
  pages['/map'] = { html: hostPage({ head, body: `<chapter-map feed="${feed}"></chapter-map>` }) };
});

after(() => scene?.stop());

/** Our script responses on a page: URL, Content-Encoding, bytes on the wire, decoded bytes. */
function recordOurs(page) {
  const seen = [];
  page.on('response', async (res) => {
    if (!res.url().startsWith(org.origin) || !res.url().endsWith('.js')) return;
    const [encoding, sizes, body] = await Promise.all([
      res.headerValue('content-encoding'),
      res.request().sizes(),
      res.body(),
    ]);
    seen.push({ path: new URL(res.url()).pathname, encoding, wire: sizes.responseBodySize, decoded: body.length });
  });
  return seen;
}

test('Chromium receives our entry script as brotli, checks its SRI, and the widgets render', async () => {
  const page = await browser.newPage();
  const seen = recordOurs(page);
  await page.goto(`${site.origin}/widgets`);
  await widgetsRendered(page, ['platform-list', 'platform-plank', 'petition-form', 'donate-button']);
  const { errors, violations, widgets } = await inspect(page);
  assert.deepEqual(errors, [], 'no error reached the page (an SRI mismatch would block the script)');
  assert.deepEqual(violations, []);
  for (const w of widgets) {
    assert.ok(w.defined, `${w.tag} is defined`);
    assert.ok(!w.message, `${w.tag} shows no error message: ${w.message}`);
  }
  await page.waitForLoadState('networkidle');
  const entry = seen.find((s) => s.path === '/solidarity-widgets.js');
  assert.ok(entry, `the entry was fetched: ${JSON.stringify(seen)}`);
  assert.equal(entry.encoding, 'br');
  assert.equal(entry.decoded, statSync('dist/solidarity-widgets.js').size);
  assert.equal(entry.wire, statSync('dist/solidarity-widgets.js.br').size, 'the wire carried the .br sibling');
  for (const s of seen) assert.equal(s.encoding, 'br', `${s.path} (${s.decoded} bytes) came as brotli`);
  console.log(`transferred: ${seen.map((s) => `${s.path} ${s.wire} B br (${s.decoded} B decoded)`).join(', ')}`);
  await page.close();
});

test('the map engine chunk comes as brotli too, and the map is drawn', async () => {
  const page = await browser.newPage();
  const seen = recordOurs(page);
  const mapView = page.waitForResponse((r) => /\/chunks\/map-view-/.test(r.url()), { timeout: 30000 });
  await page.goto(`${site.origin}/map`);
  await mapView;
  await page.waitForFunction(() => document.querySelector('chapter-map')?.panel?.engine.state === 'ready', null, {
    timeout: 30000,
  });
  await page.waitForLoadState('networkidle');
  const chunk = seen.find((s) => /\/chunks\/map-view-/.test(s.path));
  assert.ok(chunk, `the map chunk was recorded: ${JSON.stringify(seen)}`);
  assert.equal(chunk.encoding, 'br');
  assert.equal(chunk.wire, statSync(`dist${chunk.path}.br`).size);
  assert.ok(chunk.wire < chunk.decoded / 4, `${chunk.wire} bytes on the wire for ${chunk.decoded}`);
  console.log(`transferred: ${chunk.path} ${chunk.wire} B br (${chunk.decoded} B decoded)`);
  await page.close();
});
