/**
 * <petition-form> end to end, as a reader meets it: the built script from the real
 * server (sample feed, SQLite), embedded in an allied site on another origin, in
 * Chromium with its own offline mode (Playwright's network emulation, which the
 * in-page unit tests cannot use). Needs `npm run build` first (npm test does it).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hostPage, startScene } from './harness.mjs';

let org, site, browser, scene;
const pages = {};

before(async () => {
  scene = await startScene(pages);
  ({ site, org, browser } = scene);
  const feed = `${org.origin}/feed.json`;
  const head = `<script type="module" src="${org.origin}/solidarity-widgets.js"></script>`;
  pages['/sign'] = {
    html: hostPage({ head, body: `<petition-form feed="${feed}" petition="cancel-rent"></petition-form>` }),
  };
  pages['/other'] = {
    html: hostPage({
      head,
      body: `<p>Another article.</p><petition-form feed="${feed}" petition="transit-free"></petition-form>`,
    }),
  };
  pages['/hostile-css'] = {
    html: hostPage({
      head: `${head}<style>
        form, input, label, button { all: unset !important; display: none !important; color: red !important;
          font: 40px/5 serif !important; text-transform: uppercase !important; letter-spacing: 9px !important; }
        main { color: red !important; font: italic 40px/5 serif !important; text-transform: uppercase !important;
          letter-spacing: 9px !important; text-align: center !important; }</style>`,
      body: `<petition-form feed="${feed}" petition="cancel-rent"></petition-form>`,
    }),
  };

  // A page that breaks JSON and option bags (issue 15, points 3 and 4): Prototype.js's Array.prototype.toJSON,
  // and names our code reads or fetch takes as options made enumerable on Object.prototype. The widget has no
  // feed (the endpoint alone), so what it reads is its own: the server's answer, its queue, its bodies.
  const endpoint = `${org.origin}/api/petitions/cancel-rent`;
  const widget = `<petition-form endpoint="${endpoint}" privacy-url="https://workers.example/privacy"></petition-form>`;
  pages['/polluted'] = {
    html: hostPage({
      head: `<script>
        Array.prototype.toJSON = function () { return 'broken-array'; };
        for (const k of ${JSON.stringify(POLLUTED)})
          Object.defineProperty(Object.prototype, k, { value: 'junk-' + k, enumerable: true, writable: true, configurable: true });
      </script>${head}`,
      body: widget,
    }),
  };
  // Listeners made passive by the page (issue 15, point 5): our preventDefault() on submit does nothing.
  pages['/passive'] = {
    html: hostPage({
      head: `<script>Object.defineProperty(Object.prototype, 'passive', { value: true, writable: true, configurable: true });</script>${head}`,
      body: widget,
    }),
  };
});

/**
 * Names a host page may put on Object.prototype that fetch, our queue, bodies and answers would read. Not `signal`:
 * Lit hands each event listener to addEventListener as its options, so that one breaks every widget's listeners
 * (a matter for build/lit-for-hosts.mjs, not for this widget's own objects).
 */
const POLLUTED = [
  'body',
  'method',
  'mode',
  'cache',
  'headers',
  'credentials',
  'redirect',
  'window',
  'priority',
  'keepalive',
  'text',
  'title',
  'fields',
  'consent',
  'goal',
  'closes',
  'count',
  'error',
  'code',
  'message',
  'field',
  'queue',
  'key',
  'url',
  'petition',
  'lease',
  'at',
  'retries',
  'given_name',
  'email',
  'website',
  'source',
];

after(() => scene?.stop());

async function count(id = 'cancel-rent') {
  return (await (await fetch(`${org.origin}/api/petitions/${id}`)).json()).count;
}

const unique = () => `host${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.org`;

/** Opens a page and waits until its widget shows its form and live count. */
async function open(context, path = '/sign') {
  const page = await context.newPage();
  await page.goto(`${site.origin}${path}`);
  await page.locator('petition-form form').waitFor();
  await page.locator('petition-form .counter').waitFor();
  return page;
}

/** Signs by keyboard alone: Tab from the host's own button into the widget, type, Space, Enter. */
async function signByKeyboard(page, email) {
  // From the host's own button (or from the top, where a host hid its buttons).
  if (await page.locator('#host-button').isVisible()) await page.focus('#host-button');
  else await page.evaluate(() => document.activeElement?.blur());
  for (const value of ['Ada', 'Lovelace', email, 'N1 9GU']) {
    await page.keyboard.press('Tab');
    await page.keyboard.type(value);
  }
  await page.keyboard.press('Tab'); // consent
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // privacy link
  await page.keyboard.press('Tab'); // the button (the honeypot is never reached)
  assert.equal(
    await page.evaluate(() => document.querySelector('petition-form').shadowRoot.activeElement?.type),
    'submit',
  );
  await page.keyboard.press('Enter');
}

const status = (page) => page.locator('petition-form [role=status]');

test('signing by keyboard alone on an allied site: the count goes up by one, and not again for the same person', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  const before = await count();
  const email = unique();
  await signByKeyboard(page, email);
  await status(page).filter({ hasText: 'Signed' }).waitFor();
  assert.equal(await count(), before + 1);
  assert.match(
    await page.locator('petition-form .counter').innerText(),
    new RegExp(`^${(before + 1).toLocaleString('en')} signatures?\\b`),
  );

  const again = await open(context);
  await signByKeyboard(again, email.toUpperCase());
  await status(again).filter({ hasText: 'Signed' }).waitFor();
  assert.equal(await count(), before + 1);
  await context.close();
});

test('with the browser offline: the queued message; back online after a reload, the server receives exactly one signature', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  const before = await count();
  await context.setOffline(true);
  await signByKeyboard(page, unique());
  await status(page).filter({ hasText: 'Saved — will send when you’re back online.' }).waitFor();
  const stored = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(stored, ['solidarity-widgets']);
  await page.close(); // the reader leaves while offline
  await context.setOffline(false);
  assert.equal(await count(), before);

  // Later, two tabs of the same site open at once, each carrying the widget (another petition, even).
  const [a] = await Promise.all([open(context, '/other'), open(context, '/other')]);
  for (let i = 0; i < 100 && (await count()) === before; i++) await a.waitForTimeout(100);
  await a.waitForFunction(() => localStorage.getItem('solidarity-widgets') === null);
  await a.waitForTimeout(500); // room for a second, wrong, delivery
  assert.equal(await count(), before + 1);
  await context.close();
});

test('with the browser offline, then online again on the same page: delivered once, and the reader is thanked', async () => {
  const context = await browser.newContext();
  const page = await open(context);
  const before = await count();
  await context.setOffline(true);
  await signByKeyboard(page, unique());
  await status(page).filter({ hasText: 'Saved' }).waitFor();
  const signed = page.evaluate(
    () => new Promise((r) => document.addEventListener('petition-signed', (e) => r(e.detail), { once: true })),
  );
  await context.setOffline(false);
  assert.deepEqual(await signed, { petition: 'cancel-rent', count: before + 1 });
  await status(page).filter({ hasText: 'Signed' }).waitFor();
  assert.equal(await count(), before + 1);
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  await context.close();
});

test('under a host stylesheet that restyles form, input, label and button with !important, it looks right and signs', async () => {
  const context = await browser.newContext();
  const page = await open(context, '/hostile-css');
  const styles = await page.evaluate(() => {
    const root = document.querySelector('petition-form').shadowRoot;
    return ['#f-email', 'label[for="f-email"]', 'button[type=submit]', 'form'].map((sel) => {
      const el = root.querySelector(sel);
      const cs = getComputedStyle(el);
      return {
        sel,
        h: el.getBoundingClientRect().height,
        color: cs.color,
        size: cs.fontSize,
        tt: cs.textTransform,
        ls: cs.letterSpacing,
        fs: cs.fontStyle,
      };
    });
  });
  for (const s of styles) {
    assert.ok(s.h > 0, `${s.sel} is shown`);
    assert.notEqual(s.color, 'rgb(255, 0, 0)', `${s.sel} color`);
    assert.equal(s.size, '16px', `${s.sel} font size`);
    assert.equal(s.tt, 'none', `${s.sel} text-transform`);
    assert.equal(s.ls, 'normal', `${s.sel} letter-spacing`);
    assert.equal(s.fs, 'normal', `${s.sel} font-style`);
  }
  const before = await count();
  await signByKeyboard(page, unique());
  await status(page).filter({ hasText: 'Signed' }).waitFor();
  assert.equal(await count(), before + 1);
  await context.close();
});

test('on a page with Array.prototype.toJSON and a polluted Object.prototype: signed offline, then delivered once back online', async () => {
  const context = await browser.newContext();
  const page = await open(context, '/polluted');
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  assert.equal(
    await page.locator('petition-form h2').innerText(),
    'Cancel Rent Debt, Freeze the Rent',
    "the server's title, not the page's junk",
  );
  assert.deepEqual(
    await page.evaluate(() =>
      [...document.querySelector('petition-form').shadowRoot.querySelectorAll('input[id^=f-]')].map((i) => i.value),
    ),
    ['', '', '', ''],
    'no field is filled from the prototype',
  );
  const before = await count();
  await context.setOffline(true);
  const email = unique();
  await signByKeyboard(page, email);
  await status(page).filter({ hasText: 'Saved — will send when you’re back online.' }).waitFor();
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('solidarity-widgets')));
  assert.equal(stored.queue.length, 1, `the queue is stored as a list: ${JSON.stringify(stored)}`);
  assert.equal(JSON.parse(stored.queue[0].body).email, email);
  const signed = page.evaluate(
    () =>
      new Promise((r) =>
        document.addEventListener('petition-signed', (e) => r(JSON.stringify(e.detail)), { once: true }),
      ),
  );
  await context.setOffline(false);
  assert.deepEqual(JSON.parse(await signed), { petition: 'cancel-rent', count: before + 1 });
  await status(page).filter({ hasText: 'Signed' }).waitFor();
  assert.equal(await count(), before + 1, 'the server has the signature');
  assert.equal(await page.evaluate(() => localStorage.length), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a page whose listeners are passive (Object.prototype.passive): no native submission, the fields never reach the URL', async () => {
  const context = await browser.newContext();
  const page = await open(context, '/passive');
  const url = page.url();
  const navigations = [];
  page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  const before = await count();
  const email = unique();
  await signByKeyboard(page, email);
  await status(page).filter({ hasText: 'Signed' }).waitFor();
  assert.equal(await count(), before + 1);
  assert.deepEqual(navigations, [], 'the page did not navigate');
  assert.equal(page.url(), url);
  assert.ok(!page.url().includes(encodeURIComponent(email)) && !page.url().includes('given_name'));
  await context.close();
});
