/**
 * What each long task on a bench page is: `node bench/long-tasks.mjs [path…]`
 * (default `/with /without`; needs a build). Loads each page in Chromium at 4x CPU
 * throttling, as bench/run.mjs does (page-cost.mjs), and lists every `longtask` entry and every
 * `long-animation-frame` (LoAF) with its split: script time per script (sourceURL,
 * function, invoker), forced style/layout inside scripts, then the frame's own
 * style/layout and paint. Also the moments our script and the feed arrived, so a
 * task can be placed. BENCH_RUNS=n repeats each page (default 1).
 *
 * PROFILE=1 adds a JS CPU profile, put on the page's clock: for each long task and
 * each LoAF script of 30 ms or more, the functions that took its time (self, and
 * inclusive for frames of our own script). "(program)" is the browser's own work
 * (parsing, compiling, style): /without has one such long task of its own at load.
 * Names map back to src/ when the build has source maps (`npx vite build
 * --sourcemap`; delete the .map files in dist/ and rebuild without them afterwards). TOP=n lists n
 * frames of our own per task (default 20); frames of the single-widget scripts (widgets/) count as ours.
 * SAMPLE_US=n samples every n µs (default 200; 1000 stretches the tasks less).
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { launchBrowser, startHostSite, startOrgServer } from '../test/host/harness.mjs';
import { benchPages } from './pages.mjs';
import { openThrottledPage } from './page-cost.mjs';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/with', '/without'];
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const pages = {};
const site = await startHostSite(pages);
const org = await startOrgServer({ allowOrigins: [site.origin] });
Object.assign(pages, benchPages(org.origin));
const browser = await launchBrowser();
const short = (url) => (url || '').replace(org.origin, '').replace(site.origin, '') || '(none)';
const f = (n) => n.toFixed(0).padStart(5);
const PROFILE = process.env.PROFILE === '1';
const maps = {};
/** `name file:line` of a profile call frame, through the build's source map when there is one. */
function where({ functionName, url, lineNumber, columnNumber }) {
  const file = short(url).replace(/^\//, '');
  if (!(file in maps))
    maps[file] = existsSync(`dist/${file}.map`)
      ? new SourceMap(JSON.parse(readFileSync(`dist/${file}.map`, 'utf8')))
      : null;
  const e = maps[file]?.findEntry(lineNumber, columnNumber);
  const src = e?.originalSource
    ? `${e.originalSource.replace(/.*?(src|node_modules)\//, '$1/')}:${e.originalLine + 1}`
    : `${file}:${lineNumber + 1}:${columnNumber + 1}`;
  return `${functionName || '(anonymous)'} ${src}`;
}

/**
 * The profile as samples on the page's clock (performance.now()): `marker` is a
 * performance.now() at which the page ran `__marker`, found in the samples.
 */
function samplesOnPageClock(profile, marker) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = 0;
  const samples = profile.samples.map((id, i) => {
    t += profile.timeDeltas[i] / 1000;
    const stack = [];
    for (let n = id; n !== undefined; n = parent.get(n)) stack.push(byId.get(n).callFrame);
    return { t, ms: (profile.timeDeltas[i + 1] ?? 0) / 1000, stack };
  });
  const m = samples.find((s) => s.stack.some((cf) => cf.functionName === '__marker'));
  const offset = m.t - marker;
  for (const s of samples) s.t -= offset;
  return samples;
}

/** The functions that took the time of [start, start + ms): self, and inclusive for our script's frames. */
function attribute(samples, start, ms) {
  const self = new Map();
  const ours = new Map();
  for (const s of samples) {
    if (s.t < start || s.t >= start + ms || s.stack[0].functionName === '(idle)') continue;
    const w = where(s.stack[0]);
    self.set(w, (self.get(w) ?? 0) + s.ms);
    const seen = new Set();
    for (const cf of s.stack) {
      if (!/\/(solidarity-widgets\.js|chunks\/|widgets\/)/.test(cf.url)) continue;
      const w = where(cf);
      if (!seen.has(w)) ours.set(w, (ours.get(w) ?? 0) + s.ms);
      seen.add(w);
    }
  }
  return { self, ours };
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);

for (const path of paths) {
  for (let run = 1; run <= RUNS; run++) {
    const { page, cdp, close } = await openThrottledPage(browser);
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.SAMPLE_US ?? 200) });
      await cdp.send('Profiler.start');
    }
    await page.goto(`${site.origin}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500);
    const { long, loaf, marks } = await page.evaluate(() => ({
      long: window.__long,
      loaf: window.__loaf,
      marks: [
        ...performance.getEntriesByType('resource').map((r) => [r.name, r.responseEnd]),
        ['domContentLoaded', performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd],
      ],
    }));
    const marker = await page.evaluate(function __marker() {
      const t = performance.now();
      while (performance.now() - t < 5);
      return t;
    });
    const samples = PROFILE ? samplesOnPageClock((await cdp.send('Profiler.stop')).profile, marker) : null;
    await close();
    console.log(`\n== ${path} run ${run}: ${long.length} long tasks, ${loaf.length} long animation frames`);
    for (const [name, t] of marks) console.log(`   ${f(t)} ms  arrived ${short(name)}`);
    for (const t of long) {
      const a = (t.attribution ?? [])
        .map((x) => `${x.containerType}:${short(x.containerSrc) || x.containerName}`)
        .join(' ');
      console.log(`longtask  start ${f(t.startTime)}  ${f(t.duration)} ms  ${t.name} ${a}`);
    }
    for (const l of loaf) {
      const end = l.startTime + l.duration;
      const render = l.renderStart ? end - l.renderStart : 0;
      const styleLayout = l.styleAndLayoutStart ? end - l.styleAndLayoutStart : 0;
      const scripts = l.scripts.reduce((n, s) => n + s.duration, 0);
      console.log(
        `LoAF      start ${f(l.startTime)}  ${f(l.duration)} ms  blocking ${f(l.blockingDuration)}  scripts ${f(scripts)}  ` +
          `rAF+observers ${f(render - styleLayout)}  style/layout+paint ${f(styleLayout)}`,
      );
      for (const s of l.scripts) {
        console.log(
          `            script ${f(s.startTime)} ${f(s.duration)} ms (forced style/layout ${f(s.forcedStyleAndLayoutDuration)}, ` +
            `compile ${f(s.executionStart - s.startTime)})  ${s.invokerType} ${s.invoker}  ${short(s.sourceURL)} ${s.sourceFunctionName}@${s.sourceCharPosition}`,
        );
      }
    }
    // Each long task and each LoAF script of 30 ms or more: what ran in it.
    const windows = [...long.map((t) => [`longtask at ${f(t.startTime)}`, t.startTime, t.duration])];
    for (const l of loaf)
      for (const x of l.scripts)
        if (x.duration >= 30)
          windows.push([`LoAF script at ${f(x.startTime)} (${x.invoker})`, x.startTime, x.duration]);
    for (const [name, start, ms] of samples ? windows : []) {
      const { self, ours } = attribute(samples, start, ms);
      console.log(`profile of ${name}: ${f(ms)} ms`);
      for (const [w, ms] of top(self, 10)) console.log(`            self ${f(ms)} ms  ${w}`);
      for (const [w, ms] of top(ours, Number(process.env.TOP ?? 20))) console.log(`            ours ${f(ms)} ms  ${w}`);
    }
  }
}
await browser.close();
await org.stop();
await site.stop();
