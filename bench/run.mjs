/**
 * `npm run bench`: one table of what our script costs a reader, measured in this
 * run against a reference measured in the same run, and the same figures as JSON
 * in bench/results/bench.json. Needs a build (`npm run build`; done here if missing).
 *
 * - bytes: gzip and brotli of the entry and each chunk; what a page with the
 *   platform, petition and donate widgets fetches in all.
 * - host page cost, Chromium with 4x CPU throttling (and the slowdown that gives, measured): the
 *   same allied page with and without our widgets (map off-screen): main-thread task time, script
 *   time, long tasks (each told apart: the page's own load task, one that ran our script, or
 *   another after load), total blocking time, and time until every widget has
 *   rendered. Over BENCH_RUNS loads of each page (default 10): medians, and for long
 *   tasks the most in one load and the mean.
 * - map and server figures: from `bench:map` and `bench:server` when they exist (the server's
 *   include /feed.json requests/s at 50,000 chapters and signing p99 while the feed is read).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { distFiles, entryClosure, sizes } from '../scripts/size.mjs';
import { launchBrowser, startHostSite, startOrgServer } from '../test/host/harness.mjs';
import { benchPages } from './pages.mjs';
import { cpuWaitUs, longTasks, mainThreadMs, measuredSlowdown, openThrottledPage } from './page-cost.mjs';
import { recordScripts } from '../test/host/page-bytes.mjs';
import { median } from './stats.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 10);

if (!existsSync('dist/solidarity-widgets.js') || !existsSync('dist/server/cli.js')) {
  console.log('bench: building first (npm run build)…');
  const r = spawnSync('npm run build', { shell: true, stdio: 'inherit', env: { ...process.env, SKIP_DOCS: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const results = { date: new Date().toISOString(), bytes: {}, page: {}, map: null, server: null };

// --- bytes
const atLoad = new Set(entryClosure());
results.bytes.files = distFiles().map((f) => ({ file: f, atLoad: atLoad.has(f), ...sizes(f) }));
results.bytes.entryGzip = results.bytes.files.filter((f) => f.atLoad).reduce((n, f) => n + f.gzip, 0);
results.bytes.lit = sizes('node_modules/lit/index.js').raw; // only for scale; not bundled alone

// --- host page with vs without widgets
const pages = {};
const site = await startHostSite(pages);
const org = await startOrgServer({ allowOrigins: [site.origin] });
Object.assign(pages, benchPages(org.origin));

const browser = await launchBrowser();

async function measure(path) {
  const { page, cdp, close } = await openThrottledPage(browser);
  const rec = recordScripts(page);
  const [waitStart, start] = [cpuWaitUs(), performance.now()];
  await page.goto(`${site.origin}${path}`);
  const rendered = await page.evaluate(async () => {
    const tags = ['platform-list', 'petition-form', 'donate-button', 'platform-plank', 'event-list', 'join-form'];
    const els = [...document.querySelectorAll(tags.join(','))];
    // Rendered: the widget shows content (a list: its planks), not a loading message.
    const shown = (el) => {
      const root = el.shadowRoot;
      if (!root || /Loading/.test(root.textContent)) return false;
      if (el.localName === 'platform-list') return !!root.querySelector('platform-plank, [part~=message]');
      return !!root.textContent.trim();
    };
    const done = () => els.every(shown);
    const t0 = performance.now();
    while (!done() && performance.now() - t0 < 20000) await new Promise((r) => setTimeout(r, 50));
    return els.length ? performance.now() : null;
  });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  await rec.measured();
  const { taskMs, scriptMs } = await mainThreadMs(cdp);
  const cpuWaitPct = waitStart === null ? null : (cpuWaitUs() - waitStart) / 10 / (performance.now() - start);
  const { kinds, blockingMs } = await longTasks(page, org.origin);
  const count = (...wanted) => kinds.filter((k) => wanted.includes(k)).length;
  const mapFetched = rec.ours(org.origin).some(([u]) => /map-view/.test(u));
  // The map's lazy chunks (src/components/chapter-map/lazy/) fetched with the map off-screen: what a far-off map adds.
  const farMapGzip = rec
    .ours(org.origin)
    .filter(([u]) => /\/(chapter-panel|map-view|nearest)-/.test(u))
    .reduce((n, [, s]) => n + s.gzip, 0);
  await close();
  return {
    taskMs,
    scriptMs,
    longTasks: kinds.length,
    blockingMs,
    oursLongTasks: count('ours'),
    otherLongTasks: count('rendering', 'other'),
    renderedMs: rendered,
    scriptGzip: rec.gzipTotal(org.origin),
    mapFetched,
    farMapGzip,
    cpuWaitPct,
  };
}

const slowdown = await measuredSlowdown(browser);
const runs = { with: [], without: [], three: [] };
for (let i = 0; i < RUNS; i++) {
  runs.without.push(await measure('/without'));
  runs.with.push(await measure('/with'));
  runs.three.push(await measure('/three'));
}
const summarize = (rs) => ({
  taskMs: median(rs.map((r) => r.taskMs)),
  scriptMs: median(rs.map((r) => r.scriptMs)),
  longTasks: Math.max(...rs.map((r) => r.longTasks)),
  longTaskCounts: rs.map((r) => r.longTasks),
  meanLongTasks: rs.reduce((n, r) => n + r.longTasks, 0) / rs.length,
  blockingMs: median(rs.map((r) => r.blockingMs)),
  oursLongTasks: Math.max(...rs.map((r) => r.oursLongTasks)),
  oursLongTaskCounts: rs.map((r) => r.oursLongTasks),
  otherLongTasks: Math.max(...rs.map((r) => r.otherLongTasks)),
  renderedMs: rs[0].renderedMs === null ? null : median(rs.map((r) => r.renderedMs)),
  scriptGzip: rs[0].scriptGzip,
  mapFetched: rs.some((r) => r.mapFetched),
  farMapGzip: Math.max(...rs.map((r) => r.farMapGzip)),
  cpuWaitPcts: rs.map((r) => r.cpuWaitPct),
});
results.page = {
  runs: RUNS,
  cpuThrottling: 4,
  measuredSlowdown: slowdown,
  with: summarize(runs.with),
  without: summarize(runs.without),
  three: summarize(runs.three),
};
results.page.addedTaskMs = results.page.with.taskMs - results.page.without.taskMs;
results.page.addedLongTasks = results.page.with.longTasks - results.page.without.longTasks;
results.page.addedMeanLongTasks = results.page.with.meanLongTasks - results.page.without.meanLongTasks;
results.page.taskRatio = results.page.with.taskMs / results.page.without.taskMs;
await browser.close();
await org.stop();
await site.stop();

// --- map and server figures, from their own benchmarks
function sub(script, file) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  if (!pkg.scripts[script] || process.env.BENCH_QUICK === '1') return null;
  console.log(`bench: running npm run ${script}…`);
  const r = spawnSync(`npm run --silent ${script}`, { shell: true, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(file)) return { error: `npm run ${script} failed (exit ${r.status})` };
  return JSON.parse(readFileSync(file, 'utf8'));
}
results.map = sub('bench:map', 'bench/results/map.json');
results.server = sub('bench:server', 'bench/results/server.json');
results.pow = sub('bench:pow', 'bench/results/pow.json');

// --- the table
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n == null ? 'n/a' : `${n.toFixed(0)} ms`);
const rows = [];
for (const f of results.bytes.files)
  rows.push([f.file + (f.atLoad ? ' (at load)' : ''), `${kb(f.gzip)} gz`, `${kb(f.brotli)} br`]);
rows.push([
  'platform + petition + donate page, all script fetched',
  `${kb(results.page.three.scriptGzip)} gz`,
  `goal ≤ 20.0 KB`,
]);
const p = results.page;
rows.push([
  'host page main-thread time, with widgets / without (4x CPU)',
  `${ms(p.with.taskMs)} / ${ms(p.without.taskMs)}`,
  `+${ms(p.addedTaskMs)} (×${p.taskRatio.toFixed(2)})`,
]);
rows.push([
  '  CPU slowdown the pages get, as measured (a fixed script at 1x and 4x)',
  `×${slowdown.toFixed(1)}`,
  'goal 4; a busy machine weakens throttling (page-cost.mjs)',
]);
rows.push(['script time, with / without', `${ms(p.with.scriptMs)} / ${ms(p.without.scriptMs)}`, '']);
rows.push([
  `long tasks, with / without (map off-screen; most in one of ${RUNS} loads)`,
  `${p.with.longTasks} / ${p.without.longTasks}`,
  `added: ${p.addedLongTasks}`,
]);
rows.push([
  '  per load, mean with / without',
  `${p.with.meanLongTasks.toFixed(2)} / ${p.without.meanLongTasks.toFixed(2)}`,
  `added: ${p.addedMeanLongTasks.toFixed(2)}`,
]);
rows.push([
  '  with widgets: long tasks that ran our script (most in one load)',
  String(p.with.oursLongTasks),
  'goal 0; bench/long-tasks.mjs says what each is',
]);
rows.push([
  '  with widgets: other long tasks after load (rendering, compile, GC)',
  String(p.with.otherLongTasks),
  "the rest are the page's own load task",
]);
const waits = p.with.cpuWaitPcts;
if (waits[0] !== null) {
  const pct = (xs) => (xs.length ? `${median(xs).toFixed(0)}%` : '–');
  rows.push([
    '  machine CPU contention in the loads with widgets, median: all / with a long task of ours',
    `${pct(waits)} / ${pct(waits.filter((_, i) => runs.with[i].oursLongTasks))}`,
    'share of the load a task waited for a CPU (PSI); a busy machine stretches every task',
  ]);
}
rows.push([
  'total blocking time, with / without (median)',
  `${ms(p.with.blockingMs)} / ${ms(p.without.blockingMs)}`,
  '',
]);
rows.push(['time until every widget rendered (from navigation)', ms(p.with.renderedMs), '']);
rows.push(['map engine fetched with the map off-screen', p.with.mapFetched ? 'YES' : 'no', '']);
rows.push(['script a far-off map adds (its lazy chunks, map off-screen)', `${p.with.farMapGzip} B gz`, 'goal 0']);
if (results.map)
  for (const [k, v] of Object.entries(results.map.table ?? results.map))
    if (typeof v !== 'object') rows.push([`map: ${k}`, String(v), '']);
if (results.server)
  for (const [k, v] of Object.entries(results.server.table ?? results.server))
    if (typeof v !== 'object') rows.push([`server: ${k}`, String(v), '']);
const feed = results.server?.feed;
if (feed) {
  rows.push([
    `server: /feed.json requests/s, ${feed.chapters} chapters, ${feed.feed_readers} readers`,
    String(feed.feed_requests_per_s),
    `${kb(feed.bytes_per_response)} per response (br) of ${kb(feed.json_bytes)} JSON`,
  ]);
  rows.push([
    'server: signing p99 alone / while the feed is read',
    `${ms(feed.signing_p99_ms_quiet)} / ${ms(feed.signing_p99_ms_with_feed_readers)}`,
    `feed ${feed.feed_requests_per_s_while_signing} requests/s meanwhile`,
  ]);
}
if (results.pow?.['4x']) {
  const [p1, p4] = [results.pow['1x'], results.pow['4x']];
  rows.push([
    `proof of work: an average challenge solved, 1× / 4× CPU (fastest of ${results.pow.runs})`,
    `${ms(p1.solve_ms_fastest)} / ${ms(p4.solve_ms_fastest)}`,
    `medians ${ms(p1.solve_ms_median)} / ${ms(p4.solve_ms_median)}; goal about 1 s at 4×`,
  ]);
}
const pow = results.server?.proof_of_work;
if (pow) {
  rows.push([
    'server: signatures/s with proof of work on / off (same run)',
    `${pow.signatures_per_s_on} / ${pow.signatures_per_s_off}`,
    `ratio ${pow.ratio}; goal ≥ 5,000 on`,
  ]);
}
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`\n${'figure'.padEnd(w0)}  ${'value'.padEnd(w1)}  note`);
for (const r of rows) console.log(`${r[0].padEnd(w0)}  ${r[1].padEnd(w1)}  ${r[2]}`);

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/bench.json', JSON.stringify(results, null, 2) + '\n');
console.log('\nbench: figures written to bench/results/bench.json');
