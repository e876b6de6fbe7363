/** Deep links in the page's address (`#event-<id>`, `#chapter-<id>`): the id, percent-decoded when it can be. */
export function idFromHash(hash: string, prefix: string): string | undefined {
  if (!hash.startsWith(`#${prefix}-`) || hash.length <= prefix.length + 2) return undefined;
  const id = hash.slice(prefix.length + 2);
  try {
    return decodeURIComponent(id);
  } catch {
    return id; // a malformed escape is read as written
  }
}
