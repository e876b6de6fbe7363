/**
 * Search as pure functions: what a query lists (postal-code matches first, then
 * names, cities and regions), what the status line says, and which chapter a
 * submitted search picks.
 */
import type { LocaleController } from '../../../core/locale-controller.js';
import { regionOf, type ChapterIndex } from './chapter-index.js';

export interface SearchResult {
  /** Indices of the chapters listed, best first; undefined for an empty query (every chapter, in order). */
  rows?: number[];
  /** The chapters covering the query as a postal code, best first. */
  postal: number[];
  /** What the status line announces. */
  status: string;
}

export function searchChapters(index: ChapterIndex, query: string, t: LocaleController): SearchResult {
  if (!query.trim()) return { postal: [], status: '' };
  const postal = /\d/.test(query) ? index.postalMatch(query, regionOf(t.lang)) : [];
  const taken = new Set(postal);
  const rows = postal.concat(index.search(query).filter((i) => !taken.has(i)));
  const status = rows.length ? t.plural('chapter.results', rows.length) : t.t('chapter.no-match', { query });
  return { rows, postal, status };
}

/** The chapter a submitted search selects: a postal code's best match, or the only result; else -1. */
export function searchPick({ rows, postal }: SearchResult): number {
  if (postal.length) return postal[0];
  return rows?.length === 1 ? rows[0] : -1;
}
