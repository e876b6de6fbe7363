// The packages our published .d.ts files import, following them from the entries: an app type-checks
// these (with skipLibCheck off), so each must be one the widgets package depends on.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const IMPORT = /(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g;

/** Bare specifiers imported by the .d.ts files reachable from `entries`: specifier → the first file importing it. */
export function declarationImports(entries) {
  const seen = new Set();
  const bare = new Map();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      if (spec.startsWith('.')) queue.push(join(dirname(file), spec.replace(/\.js$/, '.d.ts')));
      else if (!bare.has(spec)) bare.set(spec, file);
    }
  }
  return bare;
}
