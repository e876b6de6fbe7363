import { readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * What a bench page load costs the host's main thread, shared by bench/run.mjs,
 * bench/compare.mjs and bench/long-tasks.mjs: a page at 4x CPU throttling that records its long tasks and long
 * animation frames, and what each long task was.
 */

/** The main thread's priority a bench page gets: nice −10, unless BENCH_PRIORITY=0. */
const MAIN_THREAD_NICE = process.env.BENCH_PRIORITY === '0' ? null : -10;

/** Chromium's renderer processes now (pid, type). */
async function renderers(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  } finally {
    await cdp.detach();
  }
}

/**
 * Gives each renderer's main thread a CPU when it wants one, as a phone gives its foreground app (Linux
 * nice is per thread: setpriority on the process id sets its main thread's). On a machine of few cores,
 * Chromium's other threads (compositing, compiling scripts, the GPU process) otherwise keep the page's
 * main thread waiting, and each task is stretched by that wait, not by its own work; the page without
 * widgets gets the same. Needs root or CAP_SYS_NICE; BENCH_PRIORITY=0 leaves priorities alone.
 */
async function prioritizeMainThreads(browser) {
  if (MAIN_THREAD_NICE === null) return;
  for (const pid of await renderers(browser))
    try {
      setPriority(pid, MAIN_THREAD_NICE);
    } catch {
      // Not permitted: mainThreadPrioritized, asked after the load, says so.
    }
}

/** Whether every renderer's main thread still has the bench's priority (a renderer started since would not). */
export async function mainThreadPrioritized(browser) {
  if (MAIN_THREAD_NICE === null) return false;
  const nice = (pid) => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
  try {
    return (await renderers(browser)).every((pid) => nice(pid) === MAIN_THREAD_NICE);
  } catch {
    return false;
  }
}

/**
 * A new context and page at 4x CPU throttling, recording long tasks and long animation frames
 * (as JSON, in window.__long and window.__loaf), its main thread given priority (prioritizeMainThreads).
 */
export async function openThrottledPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await prioritizeMainThreads(browser);
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
  return { context, page, cdp };
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
