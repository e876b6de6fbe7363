// The two npm packages, as users get them (issue 17): both are packed; the widgets tarball goes into
// a fresh project with only lit and TypeScript beside it (tsc types our tags and events; nothing of
// the server comes along; a Vite app with one widget carries no map engine); the server tarball
// goes into another and `npx solidarity-widgets serve` serves the script, the feed and the docs.
// Needs `npm run build` first (the drop-in script, the server, the docs).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build, preview } from 'vite';
import { freePort, launchBrowser } from '../host/harness.mjs';
import { installedPackages, installedVersion, pack, project, readTree } from './project.mjs';

const SERVER_ONLY = ['fastify', 'better-sqlite3', 'pg'];
const tmp = mkdtempSync(join(tmpdir(), 'sw-packages-'));
const tarballs = {};

before(() => {
  for (const file of ['dist/solidarity-widgets.js', 'dist/server/cli.js', 'dist/docs/index.html'])
    assert.ok(existsSync(file), `${file} is missing: run "npm run build" before this test.`);
  tarballs.widgets = pack(tmp);
  tarballs.server = pack(tmp, 'packages/server');
});
after(() => rmSync(tmp, { recursive: true, force: true }));

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    lib: ['ES2022', 'DOM'],
    strict: true,
    noEmit: true,
    types: [],
  },
};

// What an app developer writes: the tag's element from querySelector, a property, an event's detail.
const TYPED = `import 'solidarity-widgets/petition-form.js';
import type { Feed, SolidarityEventMap } from 'solidarity-widgets/petition-form.js';

const form = document.querySelector('petition-form')!;
form.petition = 'cancel-rent';
form.addEventListener('petition-signed', (event) => {
  const count: number = event.detail.count;
  const petition: string = event.detail.petition;
  console.log(count, petition);
});
export const feedTitle = (feed: Feed) => feed.org.name;
export type Signed = SolidarityEventMap['petition-signed'];
`;

test('each tarball holds what its users need and nothing else', () => {
  const widgets = tarballs.widgets.files;
  for (const file of [
    'custom-elements.json',
    'dist/solidarity-widgets.js',
    'dist/feed.schema.json',
    'dist/npm/index.js',
    'dist/npm/index.d.ts',
    'dist/npm/petition-form.js',
    'dist/npm/petition-form.d.ts',
    'dist/npm/react.d.ts',
  ])
    assert.ok(widgets.includes(file), `the widgets package lacks ${file}`);
  const stray = widgets.filter((f) =>
    /^(src|server|test|dist\/(docs|server|console|demo))\/|\.test\.|^dist\/npm\/.*\.(br|gz)$/.test(f),
  );
  assert.deepEqual(stray, [], 'the widgets package carries the server, the docs or tests');

  const server = tarballs.server.files;
  for (const file of [
    'bin/solidarity-widgets.js',
    'dist/server/cli.js',
    'dist/solidarity-widgets.js',
    'dist/docs/index.html',
  ])
    assert.ok(server.includes(file), `the server package lacks ${file}`);
  assert.deepEqual(
    server.filter((f) => /^dist\/npm\/|\.test\./.test(f)),
    [],
    'the server package carries the ES modules for bundlers or tests',
  );
});

// React 19: properties and events (`on` + the event's name) on our tags, typed.
const REACT_FORM = `import type {} from 'solidarity-widgets/react';
import 'solidarity-widgets/petition-form.js';
import 'solidarity-widgets/platform-plank.js';

export const Campaign = () => (
  <>
    <petition-form
      petition="cancel-rent"
      onpetition-signed={(event) => console.log(event.detail.count.toFixed())}
    />
    <platform-plank plank="housing" variant="compact" headingLevel={3} />
  </>
);
`;

// The app's page: a plank written out in the page (readable before the script runs), and the script.
const PAGE = `<!doctype html>
<html lang="en">
  <title>An app</title>
  <platform-plank><h2>Housing for all</h2><p>Homes are for living in.</p></platform-plank>
  <script type="module" src="/src/main.ts"></script>
</html>
`;

describe('the widgets package in an app with lit and TypeScript', () => {
  let app;
  before(() => {
    app = project(
      join(tmp, 'app'),
      {
        lit: installedVersion('lit'),
        typescript: installedVersion('typescript'),
        'solidarity-widgets': `file:${tarballs.widgets.path}`,
      },
      {
        'tsconfig.json': JSON.stringify({ ...TSCONFIG, files: ['src/typed.ts'] }),
        'tsconfig.misspelled.json': JSON.stringify({ ...TSCONFIG, files: ['src/misspelled.ts'] }),
        // Node's own resolution (a library or a Node project), as well as a bundler's.
        'tsconfig.node.json': JSON.stringify({
          compilerOptions: { ...TSCONFIG.compilerOptions, module: 'NodeNext', moduleResolution: 'NodeNext' },
          files: ['src/typed.ts'],
        }),
        'src/typed.ts': TYPED,
        'src/misspelled.ts': TYPED.replace("form.petition = 'cancel-rent'", "form.petiton = 'cancel-rent'"),
        'index.html': PAGE,
        'src/main.ts': "import 'solidarity-widgets/platform-plank.js';\n",
      },
    );
  });

  const tsc = (config) => {
    try {
      execFileSync(join(app, 'node_modules', '.bin', 'tsc'), ['-p', config], { cwd: app, encoding: 'utf8' });
      return { ok: true, output: '' };
    } catch (e) {
      return { ok: false, output: `${e.stdout}${e.stderr}` };
    }
  };

  test('the install pulls nothing of the server', () => {
    const installed = installedPackages(app);
    assert.ok(installed.has('solidarity-widgets') && installed.has('lit'), [...installed].join(', '));
    for (const name of SERVER_ONLY) assert.ok(!installed.has(name), `installing the widgets pulled ${name}`);
  });

  test('tsc types the element, its properties and its events', () => {
    for (const config of ['tsconfig.json', 'tsconfig.node.json']) {
      const { ok, output } = tsc(config);
      assert.ok(ok, `tsc -p ${config} failed on correct code:\n${output}`);
    }
  });

  test('tsc fails on a misspelled property', () => {
    const { ok, output } = tsc('tsconfig.misspelled.json');
    assert.ok(!ok, 'tsc accepted form.petiton');
    assert.match(output, /'petiton' does not exist on type 'PetitionForm'/);
  });

  test('React 19 TSX type-checks our tags with solidarity-widgets/react, and refuses a wrong property', () => {
    // React's types from the repository (the app has only lit and TypeScript installed).
    const react = resolve('node_modules/@types/react');
    const jsx = {
      compilerOptions: {
        ...TSCONFIG.compilerOptions,
        jsx: 'react-jsx',
        paths: { react: [react], 'react/*': [`${react}/*`] },
      },
    };
    writeFileSync(join(app, 'tsconfig.react.json'), JSON.stringify({ ...jsx, files: ['src/form.tsx'] }));
    writeFileSync(join(app, 'tsconfig.react-wrong.json'), JSON.stringify({ ...jsx, files: ['src/wrong.tsx'] }));
    writeFileSync(join(app, 'src/form.tsx'), REACT_FORM);
    writeFileSync(join(app, 'src/wrong.tsx'), REACT_FORM.replace('headingLevel={3}', 'headingLevel="three"'));
    const right = tsc('tsconfig.react.json');
    assert.ok(right.ok, `tsc failed on correct TSX:\n${right.output}`);
    const wrong = tsc('tsconfig.react-wrong.json');
    assert.ok(!wrong.ok, 'tsc accepted headingLevel="three"');
    assert.match(wrong.output, /'string' is not assignable to type 'number'/);
  });

  test('a Vite build with only <platform-plank> has no map engine and no server code', async () => {
    // The marker is the map engine's own: it is in the package, in the chapter map's lazy chunk.
    const packaged = readTree(join(app, 'node_modules', 'solidarity-widgets', 'dist', 'npm'));
    assert.ok(
      packaged.some(([, text]) => text.includes('maplibregl')),
      'no map engine in the package to leave out',
    );

    const outDir = join(app, 'dist');
    await build({ root: app, configFile: false, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const js = readTree(outDir).filter(([name]) => name.endsWith('.js'));
    const all = js.map(([, text]) => text).join('\n');
    assert.ok(all.includes('platform-plank'), 'the app does not define <platform-plank>');
    assert.ok(all.includes('lit-html'), "the app does not carry Lit (the app's own, shared)");
    for (const marker of ['maplibregl', 'maplibre-gl', 'chapter-map', ...SERVER_ONLY.map((n) => `"${n}"`)])
      assert.ok(!all.includes(marker), `the app's build carries ${marker}`);

    // And the built app works: Chromium upgrades the page's <platform-plank>, with no error.
    const server = await preview({ root: app, configFile: false, logLevel: 'silent', build: { outDir } });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(server.resolvedUrls.local[0]);
      await page.waitForFunction(() => document.querySelector('platform-plank')?.shadowRoot?.childElementCount > 0);
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
      await new Promise((r) => server.httpServer.close(r));
    }
  });
});

describe('the server package', () => {
  let dir;
  let child;
  before(() => {
    dir = project(join(tmp, 'org'), { 'solidarity-widgets-server': `file:${tarballs.server.path}` });
    copyFileSync('sample/feed.json', join(dir, 'sample.json'));
    // Installed without install scripts (compiling SQLite takes minutes): the repository's compiled
    // binding of the same version stands in for the one `npm install` would build.
    const binding = 'better-sqlite3/build/Release/better_sqlite3.node';
    assert.equal(installedVersion('better-sqlite3'), installedVersion('better-sqlite3', dir));
    mkdirSync(join(dir, 'node_modules', binding, '..'), { recursive: true });
    copyFileSync(join('node_modules', binding), join(dir, 'node_modules', binding));
  });
  after(() => {
    if (child?.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  });

  test('npx solidarity-widgets serve --feed sample.json serves the script, the feed and the docs', async () => {
    const port = await freePort();
    const args = ['--no-install', 'solidarity-widgets', 'serve', '--feed', 'sample.json', '--port', String(port)];
    child = spawn('npx', args, { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const serving = new Promise((resolve, reject) => {
      const read = (d) => {
        output += d;
        if (/serving sample\.json on/.test(output)) resolve();
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
    });
    await serving;
    const base = `http://127.0.0.1:${port}`;

    const script = await fetch(`${base}/solidarity-widgets.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type'), /javascript/);
    assert.equal(await script.text(), readFileSync('dist/solidarity-widgets.js', 'utf8'));

    const feed = await fetch(`${base}/feed.json`);
    assert.equal(feed.status, 200);
    assert.equal((await feed.json()).org.name, JSON.parse(readFileSync('sample/feed.json', 'utf8')).org.name);

    const docs = await fetch(`${base}/docs/`);
    assert.equal(docs.status, 200);
    assert.match(docs.headers.get('content-type'), /text\/html/);
    assert.match(await docs.text(), /storybook/i);
    assert.ok(!output.includes('dist/ is not built'), output);
  });
});
