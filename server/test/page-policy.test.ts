// The demo page and the built Storybook under a Content-Security-Policy (issue 15.14), in
// Chromium: they still work with no violation, and another site cannot frame them. Needs the
// built library and docs (npm run build) and Debian's Chromium; skipped without them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { inlineHashes } from '../page-policy.js';
import { repoRoot, request, serveCli, tempDir, type CliProcess } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const built = ['solidarity-widgets.js', 'docs/iframe.html'].every((f) => fs.existsSync(path.join(repoRoot, 'dist', f)));
const skip = !built
  ? 'dist/ is not built (npm run build)'
  : !fs.existsSync(CHROMIUM)
    ? 'no Chromium at /usr/bin/chromium'
    : false;

describe('inlineHashes', () => {
  it('hashes the exact text of inline scripts only', () => {
    const html =
      '<script src="/a.js"></script><script>alert(1)</script>' +
      '<SCRIPT type="module">\n x\n</SCRIPT><script> </script>';
    // sha256 of "alert(1)" and of "\n x\n", base64 (as `echo -n … | openssl dgst -sha256 -binary | base64`).
    assert.deepEqual(inlineHashes(html, 'script'), [
      "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",
      "'sha256-dLK2XZDzmaozPgiFoanrcrVy19vN0uzh96tma6iqgvk='",
    ]);
    assert.deepEqual(inlineHashes(`${html}<style>a{}</style>`, 'style'), [
      "'sha256-X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk='",
    ]);
  });
});

describe('pages under their Content-Security-Policy', { skip }, () => {
  let server: CliProcess;
  let browser: Browser;
  let dir: string;

  before(async () => {
    dir = tempDir();
    server = await serveCli(['--feed', path.join(repoRoot, 'sample', 'feed.json'), '--db', path.join(dir, 'db')]);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
  });

  after(async () => {
    await browser?.close();
    server?.proc.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Opens url and collects what the browser refused because of a policy, in every frame. */
  async function open(url: string): Promise<{ page: Page; refused: string[] }> {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('console', (m) => /Content Security Policy|Refused to/i.test(m.text()) && refused.push(m.text()));
    page.on('pageerror', (e) => refused.push(`page error: ${e.message}`));
    await page.goto(url);
    return { page, refused };
  }

  /** Waits until a widget inside frame has rendered its shadow root (its script ran). */
  const rendered = (frame: Page | Frame, tag: string) =>
    frame.waitForFunction((t) => !!document.querySelector(t)?.shadowRoot?.childElementCount, tag, { timeout: 60_000 });

  it('the demo page and /docs/ carry the policy, with frame-ancestors and nosniff', async () => {
    for (const p of ['/', '/docs/', '/docs/iframe.html']) {
      const r = await request(server.base, 'GET', p);
      assert.equal(r.status, 200, p);
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /frame-ancestors 'self'/, p);
      assert.match(csp, /script-src 'self'/, p);
      assert.doesNotMatch(csp, /unsafe-eval/, p);
      // The demo allows its own inline style only; Storybook inserts styles as it renders.
      if (p === '/') assert.match(csp, /style-src 'self' 'sha256-[^']+'(;|$)/, p);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
    }
  });

  it('the demo page works under it: every widget renders, with no violation', { timeout: 120_000 }, async () => {
    const { page, refused } = await open(`${server.base}/`);
    try {
      for (const tag of ['petition-form', 'platform-plank', 'donate-button', 'platform-list', 'chapter-map']) {
        await rendered(page, tag);
      }
      await page.locator('petition-form input[name="given_name"]').first().waitFor();
      assert.deepEqual(refused, []);
    } finally {
      await page.close();
    }
  });

  it('Storybook works under it: manager, story and docs page render, no violation', { timeout: 180_000 }, async () => {
    const { page, refused } = await open(`${server.base}/docs/?path=/story/widgets-platform-plank--from-the-feed`);
    try {
      const preview = page.frameLocator('#storybook-preview-iframe');
      await preview.locator('platform-plank').first().waitFor({ timeout: 60_000 });
      const frame = page.frames().find((f) => f.url().includes('iframe.html'))!;
      await rendered(frame, 'platform-plank');
      await page.goto(`${server.base}/docs/iframe.html?id=widgets-petition-form--docs&viewMode=docs`);
      await rendered(page, 'petition-form');
      assert.deepEqual(refused, []);
    } finally {
      await page.close();
    }
  });

  it('another site cannot frame the demo page or the docs', { timeout: 60_000 }, async () => {
    const site = http.createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(`<iframe src="${server.base}/"></iframe><iframe src="${server.base}/docs/"></iframe>`);
    });
    await new Promise<void>((ok) => site.listen(0, '127.0.0.2', ok));
    try {
      const { page, refused } = await open(`http://127.0.0.2:${(site.address() as { port: number }).port}/`);
      await page.waitForFunction(() => document.querySelectorAll('iframe').length === 2);
      for (let i = 0; i < 100 && refused.filter((m) => /frame-ancestors/.test(m)).length < 2; i++) {
        await new Promise((ok) => setTimeout(ok, 100));
      }
      assert.equal(refused.filter((m) => /frame-ancestors/.test(m)).length, 2, refused.join('\n'));
      await page.close();
    } finally {
      site.close();
    }
  });
});
