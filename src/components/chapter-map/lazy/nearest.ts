/** The k-d tree behind "near me": a lazy chunk, fetched with the first use. */
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import type { Chapter } from '../../../core/feed-types.js';
import type { Nearby } from './chapter-index.js';

export type Tree = KDBush;

export function buildTree(chapters: Chapter[]): Tree {
  const tree = new KDBush(Math.max(1, chapters.length));
  for (const c of chapters) tree.add(c.lng, c.lat);
  if (!chapters.length) tree.add(0, 0);
  return tree.finish();
}

export function nearest(tree: Tree, chapters: Chapter[], lng: number, lat: number, n: number): Nearby[] {
  return around(tree, lng, lat, n, Infinity, (i) => i < chapters.length).map((i) => ({
    i,
    chapter: chapters[i],
    km: distance(lng, lat, chapters[i].lng, chapters[i].lat),
  }));
}
