// The entry carries no lazy module: nothing in a `lazy/` folder (src/components/<tag>/lazy/,
// src/i18n/lazy/) is bundled into dist/solidarity-widgets.js or into a chunk it imports statically.
// The project's own Vite config builds in memory, and the check reads each chunk's module list.
import assert from 'node:assert/strict';
import { relative } from 'node:path';
import { test } from 'node:test';
import { build } from 'vite';

const ENTRY = 'solidarity-widgets.js';
const inLazyFolder = (id) => id.split('/').includes('lazy');

/** The repository-relative ids of every module the page gets with the entry (the entry's static import closure). */
async function modulesLoadedWithEntry(input) {
  const result = await build({
    logLevel: 'silent',
    build: { write: false, ...(input && { rolldownOptions: { input: { 'solidarity-widgets': input } } }) },
  });
  const chunks = new Map(
    (Array.isArray(result) ? result : [result]).flatMap((r) => r.output).map((c) => [c.fileName, c]),
  );
  assert.ok(chunks.get(ENTRY)?.type === 'chunk', `the build should write ${ENTRY}`);
  const ids = [];
  const seen = new Set();
  const collect = (fileName) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const chunk = chunks.get(fileName);
    ids.push(...chunk.moduleIds.map((id) => relative(process.cwd(), id)));
    chunk.imports.forEach(collect);
  };
  collect(ENTRY);
  return { ids, chunks };
}

test('the entry statically includes no module from a lazy/ folder', async () => {
  const { ids } = await modulesLoadedWithEntry();
  assert.ok(ids.includes('src/index.ts'), 'src/index.ts should be in the entry');
  const lazyInEntry = ids.filter(inLazyFolder);
  assert.deepEqual(
    lazyInEntry,
    [],
    `the entry carries lazy modules; reach them only through lazy(() => import(…)) (src/core/lazy.ts):\n` +
      lazyInEntry.join('\n'),
  );
});

test('the check sees a lazy/ module imported statically, and not one imported with import()', async () => {
  const { ids, chunks } = await modulesLoadedWithEntry('test/layout/fixtures/lazy-boundary/entry.ts');
  assert.deepEqual(ids.filter(inLazyFolder), ['test/layout/fixtures/lazy-boundary/lazy/late.ts']);
  const lazyChunk = [...chunks.values()].find((c) => c.type === 'chunk' && c.isDynamicEntry);
  assert.deepEqual(
    lazyChunk?.moduleIds.map((id) => relative(process.cwd(), id)),
    ['test/layout/fixtures/lazy-boundary/lazy/later.ts'],
  );
});
