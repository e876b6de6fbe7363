/**
 * Finding a new member's chapter (fetched with the first interaction with the form): by postal code,
 * with the one prefix rule the map and the server use (core/postal-match.ts), and nearest to a
 * position, for "Near me" (the position asked for as the map asks, core/locate.ts).
 */
import type { Chapter } from '../../../core/feed-types.js';
import { postalMatch } from '../../../core/postal-match.js';

export { locate } from '../../../core/locate.js';

/** The chapter covering a postal code (the server's pick for the same body), or undefined. */
export function chapterForPostal(chapters: readonly Chapter[], code: string, country?: string): Chapter | undefined {
  const [best] = postalMatch(chapters, code, country || undefined);
  return best === undefined ? undefined : chapters[best];
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in kilometers between two `[lng, lat]` points. */
export function distanceKm([lng1, lat1]: readonly [number, number], [lng2, lat2]: readonly [number, number]): number {
  const a =
    Math.sin(rad(lat2 - lat1) / 2) ** 2 +
    Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The chapter nearest to `at` (`[lng, lat]`), or undefined when there are none. */
export function nearestChapter(chapters: readonly Chapter[], at: readonly [number, number]): Chapter | undefined {
  let best: Chapter | undefined;
  let bestKm = Infinity;
  for (const c of chapters) {
    const km = distanceKm(at, [c.lng, c.lat]);
    if (km < bestKm) [best, bestKm] = [c, km];
  }
  return best;
}
