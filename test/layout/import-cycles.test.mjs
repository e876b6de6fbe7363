// No module of ours imports a module that imports it back, directly or round a longer loop
// (CONTRIBUTING.md: "No import cycles"). A dynamic import() counts: it is still a dependency.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cycles, importGraph, sourceFiles } from './module-graph.mjs';

test('src/ and server/ have no import cycle', async () => {
  const graph = await importGraph(sourceFiles('src', 'server'));
  assert.ok(graph.size > 20, `the import graph should hold the project's modules, found ${graph.size}`);
  const loops = cycles(graph).map((loop) => loop.join(' → '));
  assert.deepEqual(
    loops,
    [],
    `import cycles (break each by moving what both sides need into a third module):\n${loops.join('\n')}`,
  );
});

test('the cycle check finds a loop, short or long', () => {
  const graph = new Map([
    ['a.ts', ['b.ts']],
    ['b.ts', ['c.ts']],
    ['c.ts', ['a.ts', 'd.ts']],
    ['d.ts', []],
    ['e.ts', ['e.ts']],
  ]);
  assert.deepEqual(
    cycles(graph)
      .map((loop) => loop.join(' → '))
      .sort(),
    ['a.ts → b.ts → c.ts → a.ts', 'e.ts → e.ts'],
  );
  assert.deepEqual(
    cycles(
      new Map([
        ['a.ts', ['b.ts']],
        ['b.ts', []],
      ]),
    ),
    [],
  );
});
