/**
 * Host-friendly pacing, in one place: our work yields to the host page's between pieces,
 * and long lists grow a slice per task without redoing what is already on the page.
 */
/** Lets the host page's other work run before ours continues: the caller resumes in a task of its own. */
export const yieldToPage = (): Promise<void> =>
  (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler?.yield?.() ??
  new Promise((resolve) => setTimeout(resolve));

/**
 * Appends one element per item to `parent`, `size` items per task of their own, each
 * slice made once and never touched again: linear in the number of items, where
 * re-rendering a growing list each task is quadratic. Stops when `wanted()` turns false
 * (the list was replaced meanwhile).
 */
export async function appendInSlices<T>(
  parent: Element,
  items: readonly T[],
  makeItem: (item: T) => Node,
  wanted: () => boolean,
  size = 4,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    if (start) await yieldToPage();
    if (!wanted()) return;
    parent.append(...items.slice(start, start + size).map(makeItem));
  }
}
