// A feed nested deeper than any real one passes checkFeed (unknown keys are ignored) but cannot
// be served: serializing it overflows the stack. The CLI's check and the feed loader refuse it.
import type { FeedProblem } from '../src/core/feed-types.js';

/** Objects and arrays inside each other, the feed itself being level 1. Real feeds use about 6. */
export const MAX_FEED_DEPTH = 64;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function step(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The first object or array nested deeper than maxDepth, as a problem with its JSON path; null if none. */
export function feedDepthProblem(value: unknown, maxDepth = MAX_FEED_DEPTH): FeedProblem | null {
  // Iterative on purpose: a recursive walk would overflow on exactly the input it looks for.
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '$', depth: 1 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth > maxDepth) {
      return {
        path: item.path,
        message:
          `is nested ${maxDepth + 1} levels deep (objects and arrays inside each other); ` +
          `a feed may have at most ${maxDepth}`,
      };
    }
    const entries: [string | number, unknown][] = Array.isArray(item.value)
      ? item.value.map((v, i) => [i, v])
      : Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, v] = entries[i];
      if (v === null || typeof v !== 'object') continue;
      stack.push({ value: v, path: step(item.path, key), depth: item.depth + 1 });
    }
  }
  return null;
}
