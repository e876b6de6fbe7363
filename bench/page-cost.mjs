import { readFileSync } from 'node:fs';
import { median } from './stats.mjs';

/**
 * What a bench page load costs the host's main thread, shared by bench/run.mjs,
 * bench/compare.mjs and bench/long-tasks.mjs: a page at 4x CPU throttling that records its long tasks and long
 * animation frames, and what each long task was.
 */

/** The machine's CPU time so far (in jiffies): idle (or waiting for a disk), and in all; from /proc/stat. */
function cpuTimes() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
}

/**
 * Waits until the machine's CPUs are quiet: two 100 ms spans in a row under 20% busy (at most 3 s). A new
 * context opens Chromium's own omnibox popup pages (WebUI) in renderers of their own, which keep both CPUs
 * of the bench machine 70–90% busy for about 0.6 s; a page loaded meanwhile would share the machine with
 * them. Where /proc/stat is missing, it does not wait. bench/map.mjs waits the same way.
 */
export async function cpusQuiet() {
  let quiet = 0;
  let before;
  try {
    before = cpuTimes();
  } catch {
    return;
  }
  for (const end = performance.now() + 3000; quiet < 2 && performance.now() < end;) {
    await new Promise((r) => setTimeout(r, 100));
    const now = cpuTimes();
    const busy = 1 - (now.idle - before.idle) / Math.max(1, now.total - before.total);
    quiet = busy < 0.2 ? quiet + 1 : 0;
    before = now;
  }
}

/**
 * A new context and page at 4x CPU throttling (or `rate`), recording long tasks and long animation frames
 * (as JSON, in window.__long and window.__loaf), opened once the machine is quiet (cpusQuiet). Close it
 * with `close()`: a throttled renderer spins a CPU even when idle, and a closed context's renderers live
 * on for about 2 s, so throttling is stopped first, not to slow the next load.
 */
export async function openThrottledPage(browser, rate = 4) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await cpusQuiet();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await cdp.send('Performance.enable');
  await page.addInitScript(() => {
    window.__long = [];
    window.__loaf = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.toJSON()))).observe({
      type: 'longtask',
      buffered: true,
    });
    new PerformanceObserver((l) => window.__loaf.push(...l.getEntries().map((e) => e.toJSON()))).observe({
      type: 'long-animation-frame',
      buffered: true,
    });
  });
  const close = async () => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await context.close();
  };
  return { page, cdp, close };
}

/**
 * The slowdown a bench page really gets: the same piece of script (about 10 ms unthrottled) timed on a
 * blank page at 1x and at 4x, in alternating pages; the ratio of the medians. Chromium throttles by
 * making the main thread spin in a signal handler for three times the wall time since its last spin,
 * at the signal of a thread of its own; when that thread waits for a CPU, the slowdown weakens. On the
 * bench machine: ×4.2 once the CPUs are quiet; ×3.3 while a new context's omnibox pages loaded beside,
 * and then ×2.3 with the main thread at nice −10 (it runs on while the throttling thread waits).
 */
export async function measuredSlowdown(browser, rounds = 3) {
  const times = { 1: [], 4: [] };
  for (let round = 0; round < rounds; round++)
    for (const rate of [1, 4]) {
      const { page, close } = await openThrottledPage(browser, rate);
      await page.goto('about:blank');
      const ms = await page.evaluate(async () => {
        const work = () => {
          let x = 0;
          for (let i = 0; i < 2e6; i++) x = (x * 31 + i) % 1000003;
          return x;
        };
        const out = [];
        for (let k = 0; k < 15; k++) {
          await new Promise((r) => setTimeout(r, 10));
          const t = performance.now();
          work();
          out.push(performance.now() - t);
        }
        return out.slice(3); // the first runs are before the optimizing compiler
      });
      times[rate].push(...ms);
      await close();
    }
  return median(times[4]) / median(times[1]);
}

/**
 * A clock of the machine's CPU contention (Linux PSI, /proc/pressure/cpu "some": time in which a runnable
 * task waited for a CPU, in µs), or null where there is none. Two readings give the share of a span spent
 * waiting: a busy machine stretches every task, ours and the host's alike.
 */
export function cpuWaitUs() {
  try {
    return Number(/total=(\d+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))[1]);
  } catch {
    return null;
  }
}

/** The page's main-thread metrics (CDP Performance domain), in ms. */
export async function mainThreadMs(cdp) {
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  return { taskMs: m.TaskDuration * 1000, scriptMs: m.ScriptDuration * 1000 };
}

/**
 * Each long task, by what it was: `load`, the page's own last parsing task with its first
 * layout (the page without widgets has it too); `ours`, one in which a script from
 * `ourOrigin` started (per the long animation frame that holds it); `rendering`, one
 * holding a frame's style and layout; `other` (a chunk's compile, GC, or no frame covers it).
 * Also the total blocking time: what each long task took beyond 50 ms, summed.
 */
export function longTasks(page, ourOrigin) {
  return page.evaluate((origin) => {
    const loaded = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd;
    const kinds = window.__long.map(({ startTime: start, duration: ms }) => {
      if (start <= loaded + 1) return 'load';
      const frame = window.__loaf.find((l) => l.startTime <= start + 1 && l.startTime + l.duration >= start + ms - 1);
      const within = (t) => t >= start - 1 && t < start + ms;
      if (window.__loaf.some((l) => l.scripts.some((s) => within(s.startTime) && s.sourceURL.startsWith(origin))))
        return 'ours';
      return frame && within(frame.renderStart) ? 'rendering' : 'other';
    });
    return { kinds, blockingMs: window.__long.reduce((n, { duration }) => n + duration - 50, 0) };
  }, ourOrigin);
}
