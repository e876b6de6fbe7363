// The entry script's gzipped size is an exact, checkable budget (npm run size prints it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distFiles, sizes } from '../scripts/size.mjs';

/** Entry budget in gzipped bytes; the finished library's goal is 20 KB for every widget but the map. */
export const ENTRY_BUDGET_GZIP = 20 * 1024;

test(`dist/solidarity-widgets.js is at most ${ENTRY_BUDGET_GZIP} bytes gzipped`, () => {
  const [entry] = distFiles();
  const { gzip } = sizes(entry);
  console.log(`entry: ${gzip} bytes gzipped (budget ${ENTRY_BUDGET_GZIP})`);
  assert.ok(gzip <= ENTRY_BUDGET_GZIP, `the entry script is ${gzip} bytes gzipped, over its budget of ${ENTRY_BUDGET_GZIP}`);
});

test('no chunk imported by the entry at load contains the map engine', async () => {
  const { readFileSync } = await import('node:fs');
  const [entry] = distFiles();
  const code = readFileSync(entry, 'utf8');
  // Static imports in the entry are fetched at load; maplibre must only be behind import().
  const staticImports = [...code.matchAll(/(?:^|;)\s*import\s*[^()]*?from\s*["']([^"']+)["']/g)].map((m) => m[1]);
  for (const spec of staticImports) {
    const chunk = readFileSync(new URL(spec, `file://${process.cwd()}/dist/`), 'utf8');
    assert.ok(!/maplibre/i.test(chunk), `${spec} is loaded with the entry and contains maplibre`);
  }
  assert.ok(!/maplibregl|MapLibre GL/.test(code), 'the entry itself contains the map engine');
});
