/**
 * Compares builds on the bench's allied page: `node bench/compare.mjs [RUNS] DIR…`
 * (each DIR a checkout with its build in dist/, e.g. a `git worktree` of another commit;
 * default RUNS 12). Every build is served by its own org server, and the loads of the
 * page with and without widgets are interleaved build by build, so the noise of a shared
 * machine falls on all of them alike: a difference in a single bench run is often noise.
 *
 * Per build, Chromium at 4x CPU throttling (page-cost.mjs; the slowdown it gives is measured
 * first): long tasks per load, each told apart as page-cost.mjs does; scripts of ours of 30 ms
 * or more (long tasks a busier machine would make); total blocking time; and main-thread task
 * time.
 */
import { resolve } from 'node:path';
import { launchBrowser, startHostSite, startOrgServer } from '../test/host/harness.mjs';
import { benchPages } from './pages.mjs';
import { longTasks, mainThreadMs, measuredSlowdown, openThrottledPage } from './page-cost.mjs';
import { median } from './stats.mjs';

const args = process.argv.slice(2);
const RUNS = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 12;
const dirs = args.length ? args.map((d) => resolve(d)) : [process.cwd()];
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

const pages = {};
const site = await startHostSite(pages);
const orgs = [];
for (const [i, cwd] of dirs.entries()) {
  const org = await startOrgServer({ cwd, allowOrigins: [site.origin] });
  orgs.push(org);
  const p = benchPages(org.origin);
  pages[`/with-${i}`] = p['/with'];
  pages[`/without-${i}`] = p['/without'];
}
const browser = await launchBrowser();

async function load(path, origin) {
  const { page, cdp, close } = await openThrottledPage(browser);
  await page.goto(`${site.origin}${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  const { taskMs } = await mainThreadMs(cdp);
  const { kinds, blockingMs: blocking } = await longTasks(page, origin);
  // Scripts of ours of 30 ms or more: long tasks in waiting, which a busier machine stretches past 50 ms.
  const nearLong = await page.evaluate(
    (o) => window.__loaf.flatMap((l) => l.scripts).filter((x) => x.sourceURL.startsWith(o) && x.duration >= 30).length,
    origin,
  );
  await close();
  return { kinds, blocking, taskMs, nearLong };
}

const slowdown = await measuredSlowdown(browser);
const results = dirs.map(() => ({ with: [], without: [] }));
for (let run = 0; run < RUNS; run++) {
  for (const i of dirs.keys()) {
    results[i].with.push(await load(`/with-${i}`, orgs[i].origin));
    results[i].without.push(await load(`/without-${i}`, orgs[i].origin));
  }
}
await browser.close();
for (const org of orgs) await org.stop();
await site.stop();

console.log(
  `${RUNS} loads of each page per build, interleaved; Chromium, 4x CPU throttling (measured ×${slowdown.toFixed(1)}); map off-screen\n`,
);
for (const [i, dir] of dirs.entries()) {
  const { with: w, without: wo } = results[i];
  const per = (rs, kind) => mean(rs.map((r) => r.kinds.filter((k) => !kind || k === kind).length)).toFixed(2);
  console.log(dir);
  console.log(`  long tasks per load, with / without widgets: ${per(w)} / ${per(wo)}`);
  console.log(
    `    with widgets: page's own load ${per(w, 'load')}, ours ${per(w, 'ours')}, rendering ${per(w, 'rendering')}, other ${per(w, 'other')}`,
  );
  console.log(`    scripts of ours of 30 ms or more, per load: ${mean(w.map((r) => r.nearLong)).toFixed(2)}`);
  console.log(
    `  total blocking time, median (mean): ${median(w.map((r) => r.blocking)).toFixed(0)} (${mean(w.map((r) => r.blocking)).toFixed(0)}) ms / ${median(wo.map((r) => r.blocking)).toFixed(0)} ms`,
  );
  console.log(
    `  main-thread task time, median: ${median(w.map((r) => r.taskMs)).toFixed(0)} / ${median(wo.map((r) => r.taskMs)).toFixed(0)} ms`,
  );
}
