/**
 * Host-page harness shared by the hostile-host tests and the benchmark: the real
 * server (built CLI, SQLite in a temp dir) plays the organization on one origin;
 * a tiny static server plays the allied site on another; Debian's Chromium visits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** Flags for Debian's Chromium here (DESIGN.md): every browser we launch, tests and bench, uses these. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];

export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The organization's server: `solidarity-widgets serve` from the build (of the checkout in `cwd`), on 127.0.0.1. */
export async function startOrgServer({ feed = 'sample/feed.json', allowOrigins = [], env = {}, cwd } = {}) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sw-host-'));
  const args = [
    'bin/solidarity-widgets.js',
    'serve',
    '--feed',
    feed,
    '--db',
    join(dir, 'db.sqlite'),
    '--port',
    String(port),
    '--rate-limit',
    '0',
  ];
  // Live counts: these pages watch the count move as a reader signs (privacy.test.ts covers the default).
  args.push('--publish-counts', '0');
  for (const o of allowOrigins) args.push('--allow-origin', o);
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      const r = await fetch(`${origin}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    /** The SQLite file it uses (for `solidarity-widgets origins … --db FILE`). */
    db: join(dir, 'db.sqlite'),
    output: () => output,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The allied site: serves `pages` ({ '/path': { html, headers } }), the host's own
 * script at /host.js, and broken feeds under /broken/ (404, 500, hang, not-json).
 */
export async function startHostSite(pages) {
  const port = await freePort();
  const hanging = new Set();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const cors = { 'access-control-allow-origin': '*' };
    if (url.pathname === '/host.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      // The host page's own script: must keep working whatever our widgets do.
      return res.end(`
        window.__hostErrors = [];
        window.__violations = [];
        addEventListener('error', (e) => window.__hostErrors.push(String(e.message)));
        addEventListener('unhandledrejection', (e) => window.__hostErrors.push(String(e.reason && e.reason.message || e.reason)));
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber + ':' + e.columnNumber + ' ' + e.sample));
        document.addEventListener('DOMContentLoaded', () => {
          const b = document.getElementById('host-button');
          if (b) b.addEventListener('click', () => { b.textContent = 'clicked ' + (++window.__clicks); });
        });
        window.__clicks = 0;
      `);
    }
    if (url.pathname === '/broken/404.json') return res.writeHead(404, cors).end('not here');
    if (url.pathname === '/broken/500.json') return res.writeHead(500, cors).end('oops');
    if (url.pathname === '/broken/not-json.json')
      return res.writeHead(200, { ...cors, 'content-type': 'text/html' }).end('<html>nope</html>');
    if (url.pathname === '/broken/hang.json') return void hanging.add(res);
    const page = pages[url.pathname];
    if (!page) return res.writeHead(404).end('no such page');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(page.headers ?? {}) });
    res.end(page.html);
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${port}`,
    async stop() {
      for (const res of hanging) res.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/**
 * The usual scene: an allied site serving `pages`, the organization's server
 * allowing that site's origin, and a browser. `pages` may be filled in once the
 * origins are known (the site reads it on each request). `stop()` ends all three.
 */
export async function startScene(pages, orgOptions = {}) {
  const site = await startHostSite(pages);
  const org = await startOrgServer({ ...orgOptions, allowOrigins: [site.origin] });
  const browser = await launchBrowser();
  return {
    site,
    org,
    browser,
    async stop() {
      await browser.close();
      await org.stop();
      await site.stop();
    },
  };
}

/** An allied page: the host's script, its own button, then `body`. */
export function hostPage({ title = 'Allied site', head = '', body = '', lang = 'en' }) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<script src="/host.js"></script>${head}</head>
<body><h1>${title}</h1><button id="host-button" type="button">host button</button>
<main>${body}</main></body></html>`;
}

/** Every widget, all fed from `feed`. */
export function everyWidget(feed, { petition = 'cancel-rent', map = true } = {}) {
  return `
<platform-list feed="${feed}" limit="3"></platform-list>
<platform-plank feed="${feed}" plank="housing"></platform-plank>
<petition-form feed="${feed}" petition="${petition}"></petition-form>
<donate-button feed="${feed}"></donate-button>
${map ? `<chapter-map feed="${feed}"></chapter-map>` : ''}
<org-feed src="${feed}"><platform-plank plank="1"></platform-plank></org-feed>`;
}

/**
 * Waits until each of `tags` on the page shows its content: an element in its shadow root (a list's may
 * hold only planks, whose text is in their own roots), and no "Loading…" (a widget says so while its feed,
 * or its first render, is on the way).
 */
export function widgetsRendered(page, tags, timeout = 30_000) {
  return page.waitForFunction(
    (names) =>
      names.every((t) => {
        const root = document.querySelector(t)?.shadowRoot;
        return root?.querySelector(':not(style, slot)') && !/Loading/.test(root.textContent);
      }),
    tags,
    { timeout },
  );
}

/** What a test needs to know about a visited page: errors, CSP reports, widget states. */
export async function inspect(page) {
  return page.evaluate(() => {
    // Text of a shadow tree, including the shadow trees of elements inside it.
    const deepText = (root) => {
      let text = '';
      const walk = (node) => {
        if (node.nodeType === Node.TEXT_NODE) text += node.data;
        if (node.shadowRoot) walk(node.shadowRoot);
        for (const child of node.childNodes) walk(child);
      };
      if (root) walk(root);
      return text;
    };
    // Not String.prototype.trim: some hostile pages replace it.
    const strip = (s) => s.replace(/^\s+|\s+$/g, '');
    const tags = ['platform-list', 'platform-plank', 'petition-form', 'donate-button', 'chapter-map'];
    const widgets = [...document.querySelectorAll(tags.join(','))].map((el) => ({
      tag: el.localName,
      defined: !!customElements.get(el.localName),
      text: strip(deepText(el.shadowRoot).replace(/\s+/g, ' ')).slice(0, 300),
      message:
        el.shadowRoot?.querySelector('[part~=message]')?.textContent != null
          ? strip(el.shadowRoot.querySelector('[part~=message]').textContent)
          : null,
    }));
    return { errors: window.__hostErrors, violations: window.__violations, widgets };
  });
}
