// npm run bench:pow — how long a reader's browser takes to solve one proof-of-work challenge
// (what <petition-form> does while the reader fills the form), in Chromium at 1× and at 4× CPU
// slowdown: the solver is altcha-lib's, as the widget's lazy chunk uses it; the challenges are
// made as the server makes them (server/challenge.ts: MAX_NUMBER). Median of several.
import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createChallenge } from 'altcha-lib/v1';
import { buildSync } from 'esbuild';
import { launchBrowser } from '../test/host/harness.mjs';

const RUNS = Number(process.env.BENCH_POW_RUNS ?? 7);
// The value server/challenge.ts gives (that module is TypeScript; the bench runs plain Node).
const MAX_NUMBER = 70_000;

const solver = buildSync({
  stdin: {
    contents: "import { solveChallenge } from 'altcha-lib/v1'; window.solveChallenge = solveChallenge;",
    resolveDir: '.',
  },
  bundle: true,
  format: 'iife',
  write: false,
}).outputFiles[0].text;

// 127.0.0.1 is a secure context: crypto.subtle is there, as on an https page.
const site = http.createServer((_req, res) =>
  res.setHeader('content-type', 'text/html').end('<!doctype html><title>pow</title>'),
);
await new Promise((ok) => site.listen(0, '127.0.0.1', ok));
const browser = await launchBrowser();
const context = await browser.newContext();
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(`http://127.0.0.1:${site.address().port}/`);
await page.addScriptTag({ content: solver });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { max_number: MAX_NUMBER, runs: RUNS };
for (const rate of [1, 4]) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const c = await createChallenge({ hmacKey: 'bench', maxnumber: MAX_NUMBER });
    times.push(
      await page.evaluate(async (c) => {
        const t0 = performance.now();
        const s = await window.solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
        if (!s) throw new Error('no solution');
        return performance.now() - t0;
      }, c),
    );
  }
  results[`solve_ms_median_${rate}x`] = Math.round(median(times));
  results[`solve_ms_${rate}x`] = times.map(Math.round);
}
await browser.close();
site.close();
console.log(
  `proof of work: one challenge (maxnumber ${MAX_NUMBER}) solved in ${results.solve_ms_median_1x} ms at 1× CPU, ` +
    `${results.solve_ms_median_4x} ms at 4× slowdown (median of ${RUNS}; the number is random, so single runs vary)`,
);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/pow.json', JSON.stringify(results, null, 2) + '\n');
