// The runtime import graph of our own modules (src/, server/), read from esbuild's metafile:
// static and dynamic imports; type-only imports are erased and so are not edges.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Every non-test TypeScript module under the given folders. */
export function sourceFiles(...folders) {
  return folders.flatMap((folder) =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
      .map((e) => join(e.parentPath, e.name))
      .filter((path) => !path.split('/').includes('test')),
  );
}

// Packages and Vite's `?raw` / `?inline` imports are not ours: left out of the graph.
const externalQueries = {
  name: 'external-queries',
  setup(b) {
    b.onResolve({ filter: /\?/ }, (args) => ({ path: args.path, external: true }));
  },
};

/** Map from each module (path relative to the repository) to the modules it imports. */
export async function importGraph(entryPoints) {
  const { metafile } = await build({
    entryPoints,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'graph-out',
    format: 'esm',
    platform: 'neutral',
    packages: 'external',
    splitting: true,
    logLevel: 'silent',
    plugins: [externalQueries],
  });
  const graph = new Map();
  for (const [path, input] of Object.entries(metafile.inputs)) {
    graph.set(
      path,
      input.imports.filter((i) => !i.external).map((i) => i.path),
    );
  }
  return graph;
}

/** Each set of modules that import one another, directly or round a longer loop (Tarjan's SCCs), as a loop path. */
export function cycles(graph) {
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  let next = 0;
  const visit = (node) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node), low.get(to)));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)));
    }
    if (low.get(node) !== index.get(node)) return;
    const members = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      members.push(member);
    } while (member !== node);
    const selfImport = (graph.get(node) ?? []).includes(node);
    if (members.length > 1 || selfImport) found.push(loopThrough(graph, new Set(members), node));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** One concrete loop inside a strongly connected set, starting and ending at `start`: "a → b → a". */
function loopThrough(graph, members, start) {
  const previous = new Map();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const to of graph.get(node) ?? []) {
      if (!members.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let at = node; at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(to)) {
        previous.set(to, node);
        queue.push(to);
      }
    }
  }
  return [start, start];
}
