/**
 * Which chapters cover a postal code, by the chapters' `postal_codes` prefixes (no geocoder):
 * the one rule for the map's search, the join form and the server's chapter for a new member.
 * Pure: no DOM.
 */
import type { Chapter } from './feed-types.js';

/** Postal codes compare upper-cased, without spaces and hyphens (DESIGN.md). */
export const normalizePostal = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

/** Normalized prefix → indices of the chapters listing it; build once per list of chapters. */
export type PostalTable = Map<string, number[]>;

export function postalTable(chapters: readonly Chapter[]): PostalTable {
  const table: PostalTable = new Map();
  chapters.forEach((c, i) => {
    for (const p of c.postal_codes ?? []) {
      const k = normalizePostal(p);
      if (!k) continue;
      const list = table.get(k);
      if (list) list.push(i);
      else table.set(k, [i]);
    }
  });
  return table;
}

/**
 * Indices of the chapters covering a postal code, best first: the longest matching prefix wins;
 * among equal lengths, chapters in the reader's country come first. When a chapter in the
 * reader's country matches, matches elsewhere are left out.
 */
export function postalMatch(
  chapters: readonly Chapter[],
  code: string,
  country?: string,
  table: PostalTable = postalTable(chapters),
): number[] {
  const q = normalizePostal(code);
  if (!q) return [];
  const found: { i: number; home: boolean }[] = [];
  const seen = new Set<number>();
  for (let len = q.length; len > 0; len--) {
    for (const i of table.get(q.slice(0, len)) ?? []) {
      if (seen.has(i)) continue;
      seen.add(i);
      found.push({ i, home: !!country && chapters[i].country?.toUpperCase() === country.toUpperCase() });
    }
  }
  const home = found.filter((f) => f.home);
  return (home.length ? home : found).map((f) => f.i);
}
