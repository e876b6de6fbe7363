// The story test: every story (and every docs page) of the *built* Storybook in dist/docs
// (`npm run build:docs` first) loads in Chromium with no console error, no page error, no
// request leaving this machine, and no axe violation.
//
//   npm run test:docs                     every story and docs page
//   STORY=platform-plank npm run test:docs   only ids containing "platform-plank"
//   DOCS_DIR=/tmp/docs npm run test:docs      another build (`DOCS_OUT=/tmp/docs npm run build:docs`)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { launchBrowser } from '../host/harness.mjs';

const root = resolve(process.env.DOCS_DIR || 'dist/docs');
const axeSource = readFileSync(resolve('node_modules/axe-core/axe.min.js'), 'utf8');
/** The one failing load a story may cause on purpose (stories/helpers.ts MISSING_FEED). */
const EXPECTED_404 = /\/missing-feed\.json(\?|$)/;
const STORY_TIMEOUT_MS = 30000;

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.md': 'text/markdown; charset=utf-8',
};

// axe on a fragment of a page: the page-level rules (one main landmark, an h1, every content in a
// region) belong to the host page, not to an embedded widget.
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  rules: {
    region: { enabled: false },
    'landmark-one-main': { enabled: false },
    'page-has-heading-one': { enabled: false },
    'heading-order': { enabled: false },
    'landmark-unique': { enabled: false },
  },
};

// On docs pages, everything but Storybook's own controls (the toggles and inputs in the
// attribute tables are Storybook's UI, not ours; the tables' text is still checked by hand).
const DOCS_CONTEXT = { include: [['#storybook-docs']], exclude: [['.docblock-argstable'], ['.sbdocs-toc']] };

/**
 * Waits until every widget has settled and the page's layout has caught up with it. Settled: no feed
 * still loading, no Lit update pending (through shadow roots; a synchronous check, as Playwright takes
 * the Promise an async predicate returns for a true answer), and no message box still empty: a
 * rare English string (a feed's failure, a bad attribute) comes in a lazy chunk (en-problems.ts), and
 * until it has come its box is empty and the widget not busy. Caught up: Storybook's docs blocks (its
 * ZoomElement) fix each story's box to the height their ResizeObserver last measured and follow a change
 * a frame or more later; until then the box (`.docs-story`, overflow: auto) overflows, and a story with
 * nothing focusable in it (the org-feed "Feed failing" one) fails axe's scrollable-region-focusable.
 */
async function waitUntilSettled(page) {
  await page.waitForFunction(
    () => {
      const all = [];
      const walk = (node) => {
        for (const el of node.querySelectorAll('*')) {
          if (el.localName.includes('-')) all.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      if (all.some((el) => el.isUpdatePending)) return false;
      const shadows = all.map((el) => el.shadowRoot).filter(Boolean);
      return !shadows.some(
        (root) =>
          root.querySelector('[aria-busy="true"], .loading') ||
          [...root.querySelectorAll('.message')].some((box) => box.textContent.trim() === ''),
      );
    },
    null,
    { timeout: STORY_TIMEOUT_MS, polling: 100 },
  );
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.innerZoomElementWrapper')].every(
        (story) => Math.abs(story.parentElement.offsetHeight - story.offsetHeight) <= 1,
      ),
    null,
    { timeout: STORY_TIMEOUT_MS, polling: 'raf' },
  );
}

/** Records page errors and console errors (but the one expected 404) into `problems`. */
function watch(page, problems) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (/^Failed to load resource/.test(msg.text()) && EXPECTED_404.test(where)) return;
    problems.push(`console error: ${msg.text()} ${where}`);
  });
}

/** Pages a test writes (e.g. a pasted snippet), served at the root beside the built script. */
const sitePages = new Map();
const dist = resolve('dist');
const sample = JSON.parse(readFileSync(resolve('sample/feed.json'), 'utf8'));

/**
 * Serves like the organization's server: the docs under /docs/ (so relative asset URLs are
 * tested), the built library at the root, the sample feed at /feed.json, and a stand-in for
 * GET /api/petitions/:id (the docs answer the petition API in-page; a pasted snippet does not).
 */
function serve() {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (sitePages.has(path)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(sitePages.get(path));
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(204).end(); // a blank page asks for one
      return;
    }
    if (path === '/feed.json') {
      res
        .writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
        .end(JSON.stringify(sample));
      return;
    }
    const petition = /^\/api\/petitions\/([^/]+)$/.exec(path);
    if (petition && req.method === 'GET') {
      const p = sample.petitions.find((x) => x.id === petition[1]);
      res.writeHead(p ? 200 : 404, { 'content-type': 'application/json' });
      // The shapes of src/core/petition-api.ts (petitionAnswer, ErrorAnswer), which this plain-node file cannot import.
      /**
       * @type {import('../../src/core/petition-api.ts').PetitionAnswer | import('../../src/core/petition-
       * api.ts').ErrorAnswer}
       */
      const answer = p
        ? {
            id: p.id,
            title: p.title,
            goal: p.goal ?? null,
            count: 42,
            closes: p.closes ?? null,
            fields: p.fields ?? [],
            consent: p.consent ?? sample.org.consent ?? null,
          }
        : { error: { code: 'petition_not_found', message: `There is no petition "${petition[1]}".` } };
      res.end(JSON.stringify(answer));
      return;
    }
    const [base, rest] = path.startsWith('/docs/') ? [root, path.slice('/docs'.length)] : [dist, path];
    let file = normalize(join(base, rest));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
    // Storybook's hashed assets may be cached (and their compiled code reused) across stories.
    if (/^\/docs\/(assets|sb-)/.test(path)) headers['cache-control'] = 'max-age=3600';
    res.writeHead(200, headers);
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** The widgets as the analyzer sees them (`npm run analyze`, run by build:docs). */
const widgets = existsSync('custom-elements.json')
  ? JSON.parse(readFileSync('custom-elements.json', 'utf8'))
      .modules.flatMap((m) => m.declarations ?? [])
      .filter((d) => d.customElement && d.tagName)
  : [];

const index = existsSync(join(root, 'index.json')) ? JSON.parse(readFileSync(join(root, 'index.json'), 'utf8')) : null;
const only = process.env.STORY;
const entries = index
  ? Object.values(index.entries).filter((e) => (!only || e.id.includes(only)) && !(e.tags ?? []).includes('!test'))
  : [];

// Stories load in parallel, in a pool of browser contexts (below), bounded for a 2-core machine.
const CONCURRENCY = Number(process.env.STORY_CONCURRENCY || 3);

describe('built Storybook (dist/docs)', { concurrency: CONCURRENCY }, () => {
  let server;
  let browser;
  let origin;

  before(async () => {
    assert.ok(index, 'dist/docs/index.json is missing: run `npm run build:docs` first.');
    server = await serve();
    origin = `http://127.0.0.1:${server.address().port}`;
    browser = await launchBrowser(); // Debian's Chromium, with the flags every browser test uses
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test('every widget in custom-elements.json has a docs page', () => {
    const ids = new Set(Object.keys(index.entries));
    const missing = widgets.filter((w) => !ids.has(`widgets-${w.tagName}--docs`)).map((w) => w.tagName);
    assert.ok(widgets.length >= 3, 'custom-elements.json lists fewer than 3 widgets');
    assert.deepEqual(missing, [], `no Widgets/<tag> docs page for: ${missing.join(', ')}`);
  });

  test('has stories for the plank widgets and the docs pages', () => {
    const titles = new Set(Object.values(index.entries).map((e) => e.title));
    for (const t of ['Widgets/platform-plank', 'Widgets/platform-list', 'Widgets/org-feed'])
      assert.ok(titles.has(t), `no stories titled ${t}`);
    assert.ok(Object.values(index.entries).filter((e) => e.type === 'story').length >= 20, 'fewer than 20 stories');
  });

  // A pool of browser contexts, one per parallel slot: stories in one slot run one after another
  // and share its HTTP and compiled-code cache (Storybook's preview is ~1 MB of script), while
  // storage is cleared between stories so none sees another's (the petition queue, say).
  const pool = [];
  const waiting = [];
  async function acquire() {
    const free = pool.find((slot) => !slot.busy);
    if (free) {
      free.busy = true;
      return free;
    }
    if (pool.length < CONCURRENCY) {
      const slot = {
        busy: true,
        problems: [],
        context: await browser.newContext({ viewport: { width: 1024, height: 800 } }),
      };
      // Nothing leaves this machine: a story that reaches for the network fails.
      await slot.context.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|blob:)/, (route) => {
        slot.problems.push(`network request to ${route.request().url()}`);
        return route.abort();
      });
      pool.push(slot);
      return slot;
    }
    return new Promise((ok) => waiting.push(ok)).then(acquire);
  }
  function release(slot) {
    slot.busy = false;
    waiting.shift()?.();
  }

  for (const entry of entries) {
    test(`${entry.type} ${entry.id}`, { timeout: STORY_TIMEOUT_MS * 2 }, async () => {
      const slot = await acquire();
      const problems = (slot.problems = []);
      const page = await slot.context.newPage();
      watch(page, problems);
      try {
        const mode = entry.type === 'docs' ? 'docs' : 'story';
        await page.goto(`${origin}/docs/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=${mode}`, {
          timeout: STORY_TIMEOUT_MS,
        });
        await page.waitForFunction(
          (m) => {
            const c = document.body.classList;
            if (c.contains('sb-show-errordisplay')) return true;
            if (m === 'docs') return !!document.querySelector('#storybook-docs .sbdocs-content');
            // Rendered and its play function (if any) done.
            const phase = window.__STORYBOOK_PREVIEW__?.currentRender?.phase;
            return c.contains('sb-show-main') && ['finished', 'completed', 'errored', 'aborted'].includes(phase);
          },
          mode,
          { timeout: STORY_TIMEOUT_MS },
        );
        const error = await page.evaluate(() =>
          document.body.classList.contains('sb-show-errordisplay')
            ? document.querySelector('#error-message')?.textContent || 'error'
            : '',
        );
        assert.equal(error, '', `Storybook shows an error: ${error}`);
        const phase = await page.evaluate(() => window.__STORYBOOK_PREVIEW__?.currentRender?.phase);
        assert.ok(!['errored', 'aborted'].includes(phase), `the story's render or play function ${phase}`);
        await page.waitForLoadState('networkidle', { timeout: STORY_TIMEOUT_MS });
        await waitUntilSettled(page);
        // A widget's docs page: its attribute table lists every attribute in the code.
        const widget = widgets.find((w) => entry.id === `widgets-${w.tagName}--docs`);
        if (widget) {
          const cells = await page.$$eval('.docblock-argstable tbody tr td:first-child', (tds) =>
            tds.map((c) => c.textContent.trim()),
          );
          // The rows of the "attributes" section: after its header, up to the next section's.
          const names = [];
          let inAttributes = false;
          for (const c of cells) {
            if (/^Hide .* items/.test(c)) inAttributes = /^Hide attributes items/.test(c);
            else if (inAttributes) names.push(c.replace(/\*$/, ''));
          }
          const missing = (widget.attributes ?? []).map((a) => a.name).filter((n) => !names.includes(n));
          if (missing.length) problems.push(`attribute table of <${widget.tagName}> lacks: ${missing.join(', ')}`);
        }
        await page.evaluate(axeSource);
        const violations = await page.evaluate(
          async ([context, options]) => {
            const result = await window.axe.run(context, options);
            return result.violations.map(
              (v) =>
                `${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`).join('\n      ')}`,
            );
          },
          [mode === 'docs' ? DOCS_CONTEXT : { include: [['#storybook-root']] }, AXE_OPTIONS],
        );
        problems.push(...violations.map((v) => `axe: ${v}`));
      } finally {
        await page
          .evaluate(() => {
            localStorage.clear();
            sessionStorage.clear();
          })
          .catch(() => {});
        await page.close();
        release(slot);
      }
      assert.deepEqual(problems, [], `${entry.id}:\n  ${problems.join('\n  ')}`);
    });
  }

  // The whole Storybook, as a reader opens it at /docs/ on the organization's server: the manager
  // finds its assets and the story index under the sub-path, and opens on Getting started.
  // The "Feed failing" org-feed story once failed axe's scrollable-region-focusable on its docs page:
  // axe ran after the widgets' failure messages got their text (from a lazy chunk) but before
  // Storybook's box around the story had grown to fit them. Here that chunk is held back until the
  // check has had every chance to call the page settled; it must wait for the text and the boxes.
  test('a docs page is checked only once messages have their text and story boxes fit', async (t) => {
    const id = 'widgets-org-feed--docs';
    if (!index.entries[id]) return t.skip(`no ${id} page`);
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
    try {
      let release;
      const held = new Promise((ok) => (release = ok));
      let requested;
      const chunkRequested = new Promise((ok) => (requested = ok));
      await context.route(/\/en-problems-[\w-]+\.js$/, async (route) => {
        requested();
        await held;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${origin}/docs/iframe.html?id=${id}&viewMode=docs`, { timeout: STORY_TIMEOUT_MS });
      await chunkRequested;
      await page.locator('.docs-story').last().waitFor({ timeout: STORY_TIMEOUT_MS });
      let settledEarly = false;
      const settled = waitUntilSettled(page).then(() => (settledEarly = true));
      // Time for the check to poll many times (it polls every 100 ms) while the messages are empty.
      await new Promise((ok) => setTimeout(ok, 1500));
      assert.equal(settledEarly, false, 'the page was called settled while a message still waited for its text');
      release();
      await settled;
      const unsettled = await page.evaluate(() => {
        const found = [];
        for (const box of document.querySelectorAll('.docs-story')) {
          if (box.scrollHeight > box.clientHeight) found.push(`story box ${box.scrollHeight} > ${box.clientHeight}`);
        }
        for (const el of document.querySelectorAll('platform-plank, platform-list')) {
          for (const m of el.shadowRoot?.querySelectorAll('.message') ?? []) {
            if (!m.textContent.trim()) found.push(`empty message in <${el.localName}>`);
          }
        }
        return found;
      });
      assert.deepEqual(unsettled, []);
    } finally {
      await context.close();
    }
  });

  test('the docs open at /docs/ on Getting started', { timeout: STORY_TIMEOUT_MS * 2 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const problems = [];
    try {
      const page = await context.newPage();
      watch(page, problems);
      page.on(
        'response',
        (r) => r.status() >= 400 && !EXPECTED_404.test(r.url()) && problems.push(`${r.status()} ${r.url()}`),
      );
      await page.goto(`${origin}/docs/`);
      await page.getByRole('link', { name: 'Getting started' }).first().waitFor({ timeout: STORY_TIMEOUT_MS });
      await page.waitForURL(/path=\/docs\/docs-getting-started--docs/, { timeout: STORY_TIMEOUT_MS });
      const heading = page
        .frameLocator('#storybook-preview-iframe')
        .getByRole('heading', { level: 1, name: 'Getting started' });
      await heading.waitFor({ timeout: STORY_TIMEOUT_MS });
    } finally {
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test(
    'embed builder: every widget previews with no error and no axe violation',
    { timeout: STORY_TIMEOUT_MS * 4 },
    async (t) => {
      if (!index.entries['tools-embed-builder--embed-builder']) return t.skip('no embed builder story');
      const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      const problems = [];
      try {
        const page = await context.newPage();
        watch(page, problems);
        await page.goto(`${origin}/docs/iframe.html?id=tools-embed-builder--embed-builder&viewMode=story`);
        await page.locator('#widget option').first().waitFor({ state: 'attached', timeout: STORY_TIMEOUT_MS });
        const tags = await page.locator('#widget option').evaluateAll((os) => os.map((o) => o.value));
        assert.deepEqual(
          [...tags].sort(),
          widgets
            .map((w) => w.tagName)
            .filter((x) => x !== 'org-feed')
            .sort(),
          'the builder offers every widget of the manifest',
        );
        await page.evaluate(axeSource);
        for (const tag of tags) {
          await page.locator('#widget').selectOption(tag);
          await page.waitForFunction(
            (tg) => !!document.querySelector('sw-embed-builder')?.shadowRoot?.querySelector(`#stage ${tg}`)?.shadowRoot,
            tag,
          );
          await page.waitForLoadState('networkidle');
          const snippet = await page.locator('#code').inputValue();
          assert.match(snippet, new RegExp(`<${tag}[ >]`), `snippet for ${tag}`);
          const violations = await page.evaluate(async (options) => {
            const r = await window.axe.run({ include: [['#storybook-root']] }, options);
            return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }, AXE_OPTIONS);
          problems.push(...violations.map((v) => `axe (${tag}): ${v}`));
        }
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, []);
    },
  );

  // The embed builder's promise: the copied snippet, pasted into a blank page next to the
  // built script, shows the widget as configured.
  test(
    'embed builder: the copied snippet works in a blank page beside the built script',
    { timeout: STORY_TIMEOUT_MS * 3 },
    async (t) => {
      if (!index.entries['tools-embed-builder--embed-builder']) return t.skip('no embed builder story');
      if (!existsSync(join(dist, 'solidarity-widgets.js')))
        return t.skip('dist/solidarity-widgets.js is not built (npm run build:lib)');
      const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
      const problems = [];
      try {
        const docs = await context.newPage();
        watch(docs, problems);
        await docs.goto(`${origin}/docs/iframe.html?id=tools-embed-builder--embed-builder&viewMode=story`);
        // Playwright's CSS locators pierce the builder's shadow root.
        await docs.locator('#widget').selectOption('platform-plank');
        await docs.locator('#attr-plank').fill('housing');
        await docs.locator('#attr-expanded').check();
        await docs.locator('#lang').selectOption('es');
        const spanishTitle = sample.platform.find((p) => p.id === 'housing').title.es;
        // The live preview shows it as configured.
        await docs.waitForFunction(
          (title) => {
            const plank = document
              .querySelector('sw-embed-builder')
              ?.shadowRoot?.querySelector('#stage platform-plank');
            const root = plank?.shadowRoot;
            return (
              !!root &&
              root.querySelector('[part~="title"]')?.textContent.includes(title) &&
              !root.querySelector('[part~="body"]')?.hidden
            );
          },
          spanishTitle,
          { timeout: STORY_TIMEOUT_MS },
        );
        await docs.getByRole('button', { name: 'Copy snippet' }).click();
        await docs.getByText(/^Copied/).waitFor({ timeout: STORY_TIMEOUT_MS });
        const copied = await docs.evaluate(() => navigator.clipboard.readText());
        assert.equal(copied, await docs.locator('#code').inputValue());
        // For a petition, next to the snippet: the step the organization must take for the site typed.
        await docs.locator('#widget').selectOption('petition-form');
        await docs.locator('#site').fill('https://union-local.example/join');
        assert.equal(await docs.locator('#allow-option').innerText(), '--allow-origin https://union-local.example');
        assert.equal(
          await docs.locator('#allow-command').innerText(),
          'solidarity-widgets origins allow https://union-local.example',
        );
        await docs.locator('#site').fill('union-local');
        await docs.getByText('is not a web address: type it like https://your-site.example').waitFor();
        // A widget with a script of its own: the snippet uses it, unless the page shows other widgets too.
        const snippetScript = (pattern) =>
          docs.waitForFunction(
            (source) =>
              new RegExp(source).test(
                document.querySelector('sw-embed-builder')?.shadowRoot?.querySelector('#code')?.value ?? '',
              ),
            pattern.source,
            { timeout: STORY_TIMEOUT_MS },
          );
        await docs.locator('#widget').selectOption('event-list');
        await snippetScript(/src="http:\/\/127\.0\.0\.1:\d+\/widgets\/event-list\.js"/);
        await docs.locator('#only-widget').uncheck();
        await snippetScript(/src="http:\/\/127\.0\.0\.1:\d+\/solidarity-widgets\.js"/);
        assert.match(
          copied,
          /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/solidarity-widgets\.js"><\/script>\n/,
        );
        assert.match(
          copied,
          /<platform-plank lang="es" feed="http:\/\/127\.0\.0\.1:\d+\/feed\.json" plank="housing" expanded><\/platform-plank>/,
        );

        // Pasted into a blank page next to the built script.
        sitePages.set(
          '/pasted.html',
          `<!doctype html>\n<html><head><meta charset="utf-8"><title>Pasted</title></head><body>\n${copied}</body></html>\n`,
        );
        const page = await context.newPage();
        watch(page, problems);
        const scripts = [];
        page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
        await page.goto(`${origin}/pasted.html`);
        await page.waitForFunction(
          (title) => {
            const root = document.querySelector('platform-plank')?.shadowRoot;
            return (
              !!root &&
              root.querySelector('[part~="title"]')?.textContent.includes(title) &&
              !root.querySelector('[part~="body"]')?.hidden
            );
          },
          spanishTitle,
          { timeout: STORY_TIMEOUT_MS },
        );
        assert.ok(
          scripts.includes('/solidarity-widgets.js'),
          `the built script was not loaded (${scripts.join(', ')})`,
        );
      } finally {
        await context.close();
      }
      assert.deepEqual(problems, []);
    },
  );
});
