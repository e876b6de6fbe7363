/**
 * The one way a widget loads code that the entry does not carry (a lazy chunk).
 *
 * Lazy modules live in a `lazy/` folder beside the component (`src/components/<tag>/lazy/`,
 * `src/i18n/lazy/`) and are reached only through `lazy(() => import('./lazy/x.js'))`;
 * test/lazy-boundary.test.mjs fails if the entry imports one statically.
 */
import type { CSSResult } from 'lit';

export interface Lazy<M> {
  /** The module once it has loaded, for synchronous use in `render()`; else undefined. */
  readonly module: M | undefined;
  /** Loads the module once for the whole page; after a failure (offline) the next call tries again. */
  load(): Promise<M>;
  /** Starts loading without waiting; a failure is left for the next `load()` to meet. */
  prefetch(): void;
}

export function lazy<M>(importer: () => Promise<M>): Lazy<M> {
  let loading: Promise<M> | undefined;
  const chunk = {
    module: undefined as M | undefined,
    load(): Promise<M> {
      return (loading ??= importer().then(
        (m) => (chunk.module = m),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      ));
    },
    prefetch(): void {
      chunk.load().catch(() => {});
    },
  };
  return chunk;
}

/**
 * Adds a lazy chunk's styles to a shadow root (once), so styles used only after a reader acts travel with that code.
 */
export function adoptStyles(root: ShadowRoot | Document, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
