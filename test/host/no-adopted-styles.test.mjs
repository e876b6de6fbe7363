/**
 * A browser without constructable style sheets (Firefox before 101: no `adoptedStyleSheets`):
 * our widgets' styles are only ever adopted sheets (build/lit-for-hosts.mjs leaves out Lit's
 * <style> fallback), so no tag is defined there, with one warning, and the page's own content
 * inside our tags stays readable. Simulated in Chromium by taking `adoptedStyleSheets` away
 * before any script runs.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hostPage, inspect, startScene } from './harness.mjs';

let scene;
const pages = {};

before(async () => {
  scene = await startScene(pages);
  const feed = `${scene.org.origin}/feed.json`;
  pages['/old-browser'] = {
    html: hostPage({
      head: `<script type="module" src="${scene.org.origin}/solidarity-widgets.js"></script>`,
      body: `<platform-plank><span slot="title">Our own plank title</span>Our own plank text.</platform-plank>
        <donate-button feed="${feed}"><a href="https://secure.actblue.com/donate/x">Donate on ActBlue</a></donate-button>`,
    }),
  };
});

after(() => scene?.stop());

test('without adoptedStyleSheets no tag is defined: one warning, no error, the page’s own content stays', async () => {
  const context = await scene.browser.newContext();
  const p = await context.newPage();
  await p.addInitScript(() => {
    delete ShadowRoot.prototype.adoptedStyleSheets;
    delete Document.prototype.adoptedStyleSheets;
  });
  const warnings = [];
  const errors = [];
  p.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(`${scene.site.origin}/old-browser`);
  await p.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => /solidarity-widgets/.test(e.name)),
  );
  await p.waitForTimeout(500); // the entry's tasks: it would have defined the tags by now
  const state = await inspect(p);
  const pageErrors = [...state.errors, ...errors].filter((e) => !/Failed to load resource/.test(e)); // the favicon
  assert.deepEqual(pageErrors, [], 'errors reached the host page');
  const ours = warnings.filter((w) => /constructable style sheets/.test(w));
  assert.equal(ours.length, 1, `one warning: ${warnings.join(' | ')}`);
  assert.ok(state.widgets.length === 2 && state.widgets.every((w) => !w.defined), 'no tag is defined');
  assert.ok(await p.isVisible('text=Our own plank text.'), "the plank's own text is readable");
  assert.ok(await p.isVisible('text=Donate on ActBlue'), 'the plain donate link is there');
  await p.evaluate(() => document.getElementById('host-button').click());
  assert.equal(await p.textContent('#host-button'), 'clicked 1', "the host page's own script stopped working");
  await context.close();
});
