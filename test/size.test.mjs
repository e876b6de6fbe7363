// The entry script's gzipped size is an exact, checkable budget (npm run size prints it).
// Counted: the entry and every chunk it imports statically (fetched at load, whatever the page).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { entryClosure, sizes } from '../scripts/size.mjs';
import { ENTRY_BUDGET_GZIP, WIDGET_SCRIPT_BUDGET_GZIP } from './budgets.mjs';

test(`the entry and its static imports are at most ${ENTRY_BUDGET_GZIP} bytes gzipped`, () => {
  const files = entryClosure();
  const gzip = files.reduce((n, f) => n + sizes(f).gzip, 0);
  console.log(`entry + static imports (${files.length} files): ${gzip} bytes gzipped (budget ${ENTRY_BUDGET_GZIP})`);
  assert.ok(
    gzip <= ENTRY_BUDGET_GZIP,
    `the entry script is ${gzip} bytes gzipped, over its budget of ${ENTRY_BUDGET_GZIP}`,
  );
});

test('the entry is one file: no chunk is imported with it (each extra file costs gzip ~500 bytes)', () => {
  const files = entryClosure();
  assert.deepEqual(
    files.slice(1),
    [],
    `the entry statically imports ${files.slice(1).join(', ')}; see the first import in src/index.ts`,
  );
});

test("the entry's code runs in a task of its own, not in the host's last parsing task", () => {
  // vite.config.ts adds this first statement; see evaluateAfterParsing there.
  assert.match(
    readFileSync('dist/solidarity-widgets.js', 'utf8'),
    /^\/\/.*\nawait new Promise\(\(?\w+\)?=>setTimeout\(\w+\)\);/,
  );
});

test('nothing fetched at load contains the map engine', () => {
  for (const file of entryClosure()) {
    assert.ok(!/maplibre/i.test(readFileSync(file, 'utf8')), `${file} is loaded with the entry and contains maplibre`);
  }
});

const widgetScripts = readdirSync('dist/widgets').filter((f) => f.endsWith('.js'));

test('each drop-in script asks Chromium to compile its functions while it streams in (compileAllOnLoad in vite.config.ts)', () => {
  for (const file of ['dist/solidarity-widgets.js', ...widgetScripts.map((f) => `dist/widgets/${f}`)]) {
    assert.ok(readFileSync(file, 'utf8').startsWith('//# allFunctionsCalledOnLoad\n'), `${file} starts with the hint`);
  }
});

test('every widget not in the main script has a single-widget script', () => {
  const tags = readFileSync('src/index.ts', 'utf8')
    .split('const inChunks')[1]
    .matchAll(/'([a-z]+-[a-z-]+)':/g);
  assert.deepEqual(
    [...tags].map((m) => `${m[1]}.js`).sort(),
    [...widgetScripts].sort(),
    'each tag of inChunks in src/index.ts wants a src/single-widget/<tag>.ts',
  );
});

for (const script of widgetScripts)
  test(`widgets/${script} and its static imports are at most ${WIDGET_SCRIPT_BUDGET_GZIP} bytes gzipped, no map engine`, () => {
    const files = entryClosure('dist', `widgets/${script}`);
    const gzip = files.reduce((n, f) => n + sizes(f).gzip, 0);
    console.log(`widgets/${script} + static imports (${files.length} files): ${gzip} bytes gzipped`);
    assert.ok(gzip <= WIDGET_SCRIPT_BUDGET_GZIP, `widgets/${script} fetches ${gzip} bytes gzipped at load`);
    for (const file of files) assert.ok(!/maplibre/i.test(readFileSync(file, 'utf8')), `${file} holds maplibre`);
  });
