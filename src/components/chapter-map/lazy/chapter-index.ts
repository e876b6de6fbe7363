/**
 * Chapters, indexed for the ways a reader looks for one: by name, city or region,
 * by postal code (the chapters' `postal_codes` prefixes, no geocoder) and by
 * distance (a k-d tree, loaded lazily with the first "near me"). Pure: no DOM.
 */
import { checkChapters } from '../../../core/chapter-check.js';
import { Checker } from '../../../core/feed-check.js';
import type { Chapter, FeedProblem, Text } from '../../../core/feed-types.js';
import { lazy } from '../../../core/lazy.js';
import { postalMatch, postalTable, type PostalTable } from '../../../core/postal-match.js';

/** Every translation of a text, each one found by a search. */
export function allTranslations(value: Text | undefined | null): string[] {
  if (value === undefined || value === null) return [];
  return typeof value === 'string' ? [value] : Object.values(value);
}

/**
 * Chapters from a `src` document: an array of chapters, a GeoJSON FeatureCollection
 * of Points, or an object with `chapters` (a whole feed). Checked by the feed's own
 * rules: a bad chapter is skipped and reported, the rest are kept.
 */
export function parseChapters(raw: unknown): { chapters: Chapter[]; problems: FeedProblem[] } {
  const o = raw as { type?: unknown; chapters?: unknown } | null;
  const chapters = o && typeof o === 'object' && !Array.isArray(o) && o.type !== 'FeatureCollection' ? o.chapters : raw;
  const checker = new Checker();
  return { chapters: checkChapters(chapters, checker), problems: checker.problems };
}

export { normalizePostal } from '../../../core/postal-match.js';

/** Case- and accent-insensitive form for text search, words separated by single spaces. */
export const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The reader's country from a language tag: its region (`en-US` → `US`), else the
 * likely one for a language spoken mostly in one country (`de` → `DE`), else none.
 */
export function regionOf(lang: string): string | undefined {
  try {
    const l = new Intl.Locale(lang);
    return l.region ?? (/^(en|es|fr|pt|ar|zh)$/.test(l.language) ? undefined : l.maximize().region);
  } catch {
    return undefined;
  }
}

/** Miles for the places that use them (by the reader's language tag), else kilometers. */
export const usesMiles = (lang: string) => /^(en-(US|GB|LR)|my-MM)$/i.test(lang);

export interface Nearby {
  /** The chapter's index in the list the index was built from. */
  i: number;
  chapter: Chapter;
  /** Great-circle distance in kilometers. */
  km: number;
}

type Tree = import('./nearest.js').Tree;

/** The k-d tree code, fetched with the first "near me". */
const nearestChunk = lazy(() => import('./nearest.js'));

export class ChapterIndex {
  private hay?: string[];
  private postal?: PostalTable;
  private tree?: Promise<Tree>;

  constructor(readonly chapters: Chapter[]) {}

  /**
   * Indices of chapters where every word of the query starts a word of the name,
   * city, region or country; names starting with the query first.
   */
  search(query: string): number[] {
    const words = fold(query)
      .split(' ')
      .filter(Boolean)
      .map((w) => ` ${w}`);
    if (!words.length) return this.chapters.map((_, i) => i);
    this.hay ??= this.chapters.map(
      (c) => ` ${fold([...allTranslations(c.name), c.city, c.region, c.country].filter(Boolean).join(' '))}`,
    );
    const starts: number[] = [];
    const rest: number[] = [];
    this.hay.forEach((h, i) => {
      if (words.every((w) => h.includes(w))) (h.startsWith(words[0]) ? starts : rest).push(i);
    });
    return starts.concat(rest);
  }

  /**
   * Indices of the chapters covering a postal code, best first: the longest matching prefix wins;
   * among equal lengths, chapters in the reader's country come first. When a
   * chapter in the reader's country matches, matches elsewhere are left out.
   */
  postalMatch(code: string, country?: string): number[] {
    this.postal ??= postalTable(this.chapters);
    return postalMatch(this.chapters, code, country, this.postal);
  }

  byId(id: string): Chapter | undefined {
    return this.chapters.find((c) => c.id === id);
  }

  /** The `n` nearest chapters to a point, nearest first (loads the k-d tree code once). */
  async nearest(lng: number, lat: number, n = 10): Promise<Nearby[]> {
    const m = await nearestChunk.load();
    this.tree ??= Promise.resolve(m.buildTree(this.chapters));
    return m.nearest(await this.tree, this.chapters, lng, lat, n);
  }
}
