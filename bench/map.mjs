/**
 * `npm run bench:map`: what the chapter map costs, measured against a reference in
 * the same run.
 *
 * - Time to the map's first `idle` for 50,000 chapters: our `<chapter-map>` (the
 *   built bundle: entry, panel chunk, map chunk, feed) next to a plain maplibre page
 *   with the same data, the same style (our basemap and chapter layers) and the same
 *   map size. Both from navigation start, median of several runs each, interleaved.
 *   Goal: within 1.2×.
 * - Nearest-chapter lookup over 100,000 chapters with the k-d tree the widget uses
 *   (kdbush + geokdbush, through nearest.ts). Goal: under 1 ms.
 *
 * Prints a table and writes bench/results/map.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { manyChapters, manyChaptersFeed } from '../test/fixtures/chapters-many.mjs';
import { launchBrowser } from '../test/host/harness.mjs';
import { cpusQuiet } from './page-cost.mjs';
import { median } from './stats.mjs';
import { buildTree, nearest } from '../src/components/chapter-map/lazy/nearest.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const N_MAP = 50000;
const N_NEAR = 100000;

// --- the built bundle, in a directory of its own (dist/ is left alone)
const out = mkdtempSync(join(tmpdir(), 'bench-map-'));
console.log('bench:map: building the bundle…');
const vite = spawnSync(`npx vite build --outDir ${out} --emptyOutDir --logLevel error`, {
  shell: true,
  stdio: 'inherit',
});
if (vite.status !== 0) process.exit(vite.status ?? 1);

// --- the plain page's style: our basemap.ts and chapter layers, bundled as is
const raw = {
  name: 'raw',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (a) => ({
      path: a.path.replace(/\?raw$/, ''),
      namespace: 'raw',
      pluginData: a.resolveDir,
    }));
    b.onLoad({ filter: /.*/, namespace: 'raw' }, (a) => {
      const file = a.path.startsWith('.') ? join(a.pluginData, a.path) : join(process.cwd(), 'node_modules', a.path);
      return { contents: `export default ${JSON.stringify(readFileSync(file, 'utf8'))}`, loader: 'js' };
    });
  },
};
await build({
  entryPoints: ['src/components/chapter-map/lazy/basemap.ts'],
  bundle: true,
  format: 'esm',
  minify: true,
  outfile: join(out, 'basemap.js'),
  plugins: [raw],
  logLevel: 'error',
});

const feed = JSON.stringify(manyChaptersFeed(N_MAP));
const SIZE = 'inline-size: 1000px; block-size: 26rem; margin: 0; font-size: 16px';
const pages = {
  '/widget.html': `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <script type="module" src="/solidarity-widgets.js"></script></head>
    <body style="margin:0"><chapter-map feed="/feed.json" list="below" style="inline-size:1000px; font-size:16px; --sw-map-height:26rem"></chapter-map></body></html>`,
  '/plain.html': `<!doctype html><html lang="en"><head><meta charset="utf-8">
    <link rel="stylesheet" href="/maplibre/maplibre-gl.css"></head>
    <body style="margin:0"><div id="map" style="${SIZE}; border: 1px solid #ccc"></div>
    <script type="module">
      import { Map } from '/maplibre/maplibre-gl.mjs';
      import { basemapStyle, chapterSource, chapterLayers, CHAPTER_SOURCE } from '/basemap.js';
      const { chapters } = await (await fetch('/feed.json')).json();
      let w = 180, s = 90, e = -180, n = -90;
      for (const c of chapters) { w = Math.min(w, c.lng); e = Math.max(e, c.lng); s = Math.min(s, c.lat); n = Math.max(n, c.lat); }
      performance.mark('plain:start');
      const map = new Map({ container: 'map', style: basemapStyle(), bounds: [w, s, e, n], fitBoundsOptions: { padding: 40, maxZoom: 10 },
        cooperativeGestures: true, renderWorldCopies: false });
      map.on('style.load', () => { map.addSource(CHAPTER_SOURCE, chapterSource(chapters)); for (const l of chapterLayers('#b71c1c')) map.addLayer(l); });
      map.once('idle', () => performance.mark('plain:idle'));
    </script></body></html>`,
};

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (pages[path]) return res.writeHead(200, { 'content-type': 'text/html' }).end(pages[path]);
  if (path === '/feed.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(feed);
  const file = path.startsWith('/maplibre/')
    ? join('node_modules/maplibre-gl/dist', normalize(path.slice(10)))
    : join(out, normalize(path));
  let body;
  try {
    body = readFileSync(file);
  } catch {
    return res.writeHead(404).end();
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchBrowser();
async function timeToIdle(path, mark, start) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await cpusQuiet();
  await page.goto(`${origin}${path}`);
  const ms = await page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no ${name} within 60 s`)), 60000);
        const poll = () => {
          const m = performance.getEntriesByName(name)[0];
          if (m) {
            clearTimeout(t);
            resolve(m.startTime);
          } else setTimeout(poll, 20);
        };
        poll();
      }),
    mark,
  );
  const { startMs, resources, marks } = await page.evaluate(
    (name) => ({
      startMs: performance.getEntriesByName(name)[0]?.startTime,
      resources: Object.fromEntries(
        performance
          .getEntriesByType('resource')
          .filter((e) => /feed\.json|map-view|chapter-panel|maplibre-gl\.mjs/.test(e.name))
          .map((e) => [new URL(e.name).pathname.replace(/-[\w-]{8}\.js$/, '.js'), Math.round(e.responseEnd)]),
      ),
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)])),
    }),
    start,
  );
  await context.close();
  return { ms, startMs, resources, marks };
}

console.log(`bench:map: time to first idle, ${N_MAP} chapters, ${RUNS} runs each…`);
await timeToIdle('/plain.html', 'plain:idle', 'plain:start'); // warm up the browser (shader compiler, caches are per context)
const widget = [];
const plain = [];
for (let i = 0; i < RUNS; i++) {
  plain.push(await timeToIdle('/plain.html', 'plain:idle', 'plain:start'));
  widget.push(await timeToIdle('/widget.html', 'chapter-map:idle', 'chapter-map:start'));
}
await browser.close();
server.close();

// --- nearest chapter over 100,000
console.log(`bench:map: nearest chapter over ${N_NEAR} chapters…`);
const chapters = manyChapters(N_NEAR, 11);
let t0 = performance.now();
const tree = buildTree(chapters);
const buildMs = performance.now() - t0;
const queries = manyChapters(2000, 99).map((c) => [c.lng, c.lat]);
for (const [lng, lat] of queries.slice(0, 200)) nearest(tree, chapters, lng, lat, 1); // warm up
const lookup = (k) => {
  const t = performance.now();
  for (const [lng, lat] of queries) nearest(tree, chapters, lng, lat, k);
  return (performance.now() - t) / queries.length;
};
const near1 = median([lookup(1), lookup(1), lookup(1)]);
const near10 = median([lookup(10), lookup(10), lookup(10)]);

const idle = (runs) => median(runs.map((r) => r.ms));
const startup = (runs) => median(runs.map((r) => r.startMs));
const table = {
  'chapters on the map': N_MAP,
  'first idle, <chapter-map> (ms, median)': Math.round(idle(widget)),
  'first idle, plain maplibre page (ms, median)': Math.round(idle(plain)),
  'ratio (goal ≤ 1.2)': Number((idle(widget) / idle(plain)).toFixed(2)),
  'map created at, <chapter-map> / plain (ms)': `${Math.round(startup(widget))} / ${Math.round(startup(plain))}`,
  'chapters for nearest': N_NEAR,
  'k-d tree build (ms)': Number(buildMs.toFixed(1)),
  'nearest chapter lookup (ms, goal < 1)': Number(near1.toFixed(4)),
  'nearest 10 chapters lookup (ms)': Number(near10.toFixed(4)),
};
const w = Math.max(...Object.keys(table).map((k) => k.length));
console.log(
  '\n' +
    Object.entries(table)
      .map(([k, v]) => `${k.padEnd(w)}  ${v}`)
      .join('\n'),
);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/map.json',
  JSON.stringify(
    { date: new Date().toISOString(), table, runs: { widget, plain }, chromium: 'SwiftShader (software WebGL)' },
    null,
    2,
  ),
);
console.log('\nwritten: bench/results/map.json');
