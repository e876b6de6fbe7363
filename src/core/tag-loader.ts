/**
 * Defines our tags: those whose code is in the entry at once, and those whose code is a chunk of its
 * own once the page has one (at load, or added later), so a page fetches only the chunks it uses.
 */
import type { SolidarityElement } from './base-element.js';
import { yieldToPage } from './scheduling.js';
import { adoptedStylesMissing } from './style-support.js';
import { litPolicyRefused } from './trusted-types.js';
import { warn } from './warn.js';

export type ElementLoader = () => Promise<typeof SolidarityElement>;

/** Where this script is (a variable: Vite rewrites `new URL('…', import.meta.url)` as an asset of the build). */
const here = import.meta.url;

/** Loads a tag's single-widget script (widgets/<tag>.js beside this one), which defines the tag; its class. */
export const singleWidgetScript = (tag: string): Promise<typeof SolidarityElement> =>
  import(/* @vite-ignore */ new URL(`widgets/${tag}.js`, here).href).then(
    () => customElements.whenDefined(tag) as Promise<typeof SolidarityElement>,
  );

/**
 * Defines each tag of `inEntry` (in the order given: <org-feed> first, so its planks find it), and each
 * of `inChunks` (tag → loader of its class) once the document has one. Returns `define(tag)`, which
 * defines one tag now: for a page that puts our tags where the document's observer cannot see (its own
 * shadow roots).
 */
export function defineTags(
  inEntry: Record<string, typeof SolidarityElement>,
  inChunks: Record<string, ElementLoader>,
): (tag: string) => Promise<void> {
  const pending = new Map<string, ElementLoader>();
  for (const [tag, element] of Object.entries(inEntry)) pending.set(tag, async () => element);
  for (const [tag, loader] of Object.entries(inChunks)) pending.set(tag, loader);
  const defining = new Map<string, Promise<void>>();
  let observer: MutationObserver | undefined;

  const define = (tag: string, after?: Promise<void>): Promise<void> => {
    const loader = pending.get(tag);
    if (!loader) return defining.get(tag) ?? Promise.reject(new Error(`<${tag}> is not one of ours`));
    pending.delete(tag);
    // Defined already (by a page's single-widget script, say): not fetched again.
    if (customElements.get(tag)) return Promise.resolve();
    // Each tag's script asked for in a task of its own: starting a fetch (import()) takes 4–8 ms at 4× CPU.
    const loading = yieldToPage().then(loader);
    const defined = (async () => {
      let element: typeof SolidarityElement;
      try {
        element = await loading;
      } catch (e) {
        // Offline, say: the tag is tried again when the page adds one or the browser is back online.
        pending.set(tag, loader);
        defining.delete(tag);
        watch();
        warn(`<${tag}> could not load (${e}); the page's own content stays.`);
        return;
      }
      await after;
      await yieldToPage();
      try {
        element.prepare();
      } catch {
        // define() below meets the same problem and warns once
      }
      await yieldToPage();
      element.define(tag); // each tag on its own: one that fails leaves the others defined
    })();
    defining.set(tag, defined);
    return defined;
  };

  const defineFound = (root: ParentNode) => {
    let previous: Promise<void> | undefined;
    for (const tag of [...pending.keys()]) if (root.querySelector(tag)) previous = define(tag, previous);
  };

  const watch = () => {
    if (observer) return;
    observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes)
          if (node instanceof Element) {
            if (pending.has(node.localName)) void define(node.localName);
            if (node.firstElementChild) defineFound(node);
          }
      if (!pending.size) {
        observer?.disconnect();
        observer = undefined;
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  };

  let previous: Promise<void> | undefined;
  for (const tag of Object.keys(inEntry)) previous = define(tag, previous);
  // The page's other tags are looked for, and their scripts asked for, in a task after the entry's own start.
  void yieldToPage().then(() => defineFound(document));
  if (pending.size) watch();
  addEventListener('online', () => defineFound(document));
  return define;
}

/**
 * What a script of ours runs: `defineTags`, unless the page refused Lit's Trusted Types policy
 * (trusted-types.ts) or the browser lacks constructable style sheets (style-support.ts), where nothing
 * is defined and one console warning says why. Returns `define(tag)` as `defineTags` does.
 */
export function startDefining(
  inEntry: Record<string, typeof SolidarityElement>,
  inChunks: Record<string, ElementLoader> = {},
): (tag: string) => Promise<void> {
  const refused = litPolicyRefused
    ? 'the widgets need "lit-html" in this page\'s CSP trusted-types.'
    : adoptedStylesMissing && 'the widgets need a browser with constructable style sheets (adoptedStyleSheets).';
  if (!refused) return defineTags(inEntry, inChunks);
  warn(refused);
  return (tag) => Promise.reject(new Error(`<${tag}> cannot run here`));
}
