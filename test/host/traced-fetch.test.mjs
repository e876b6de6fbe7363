/**
 * A host page whose fetch wrapper adds a `traceparent` header to every request, as observability
 * tools do (issue 15.6): our cross-origin GETs become preflighted. The built script from the real
 * server, on another origin, in Chromium: the widgets still load the feed and the count, and a
 * reader can still sign. Needs `npm run build` first.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hostPage, inspect, startScene } from './harness.mjs';

let scene;
const pages = {};

// Runs before our script: every fetch of the page goes out with a trace header.
const WRAPPER = `<script>
  window.__traced = [];
  const realFetch = window.fetch;
  window.fetch = function (input, init = {}) {
    const headers = new Headers(init.headers || (input instanceof Request ? input.headers : undefined));
    headers.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    window.__traced.push(String(input instanceof Request ? input.url : input));
    return realFetch.call(this, input, { ...init, headers });
  };
</script>`;

before(async () => {
  scene = await startScene(pages);
  const { org } = scene;
  const feed = `${org.origin}/feed.json`;
  pages['/traced'] = {
    html: hostPage({
      head: `${WRAPPER}<script type="module" src="${org.origin}/solidarity-widgets.js"></script>`,
      body: `<platform-plank feed="${feed}" plank="housing"></platform-plank>
        <petition-form feed="${feed}" petition="cancel-rent"></petition-form>`,
    }),
  };
});

after(() => scene?.stop());

test('widgets load their feed and count, and sign, through a fetch wrapper that adds traceparent', async () => {
  const { browser, site, org } = scene;
  const page = await browser.newPage();
  try {
    await page.goto(`${site.origin}/traced`);
    await page.locator('petition-form .counter').waitFor({ timeout: 30_000 });
    // The plank's title comes from the feed only (the element has no light-DOM content).
    await page.locator('platform-plank').getByText('Homes, Not Profits').waitFor({ timeout: 30_000 });
    const traced = await page.evaluate(() => window.__traced);
    const feedTraced = traced.some((u) => u.startsWith(`${org.origin}/feed.json`));
    assert.ok(feedTraced, `the feed went through the wrapper: ${traced}`);

    const form = page.locator('petition-form');
    await form.locator('input[name="given_name"]').fill('Emma');
    await form.locator('input[name="family_name"]').fill('Goldman');
    await form.locator('input[name="email"]').fill(`traced.${Date.now()}@example.org`);
    await form.locator('input[name="postal_code"]').fill('10001');
    await form.locator('#consent').check();
    const posted = page.waitForResponse(
      (r) => r.url().endsWith('/api/petitions/cancel-rent/signatures') && r.request().method() === 'POST',
    );
    await form.locator('button[type="submit"]').click();
    assert.equal((await posted).status(), 201);

    const state = await inspect(page);
    assert.deepEqual(state.errors, []);
    assert.deepEqual(
      state.widgets.map((w) => w.message || null),
      [null, null],
      'no widget shows a problem',
    );
  } finally {
    await page.close();
  }
});
