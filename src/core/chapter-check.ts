/**
 * Checks chapters by the feed's rules (feed-check.ts): an array of chapters, or a
 * GeoJSON FeatureCollection of Points. Apart from checkFeed because only pages
 * with a map need it: it travels in the map's lazy chunk, and in the server.
 */
import { Checker, isObj, type Obj, type Spec } from './feed-check.js';
import './lazy/feed-words.js'; // its problems in words: the map's chunk and the server are never without them
import type { Chapter } from './feed-types.js';

const CHAPTER: Spec = {
  id: 'id!',
  name: 'text!',
  city: 'str',
  region: 'str',
  country: 'str',
  lat: 'lat!',
  lng: 'lng!',
  email: 'str',
  url: 'str',
  meets: 'text',
  postal_codes: 'strs',
};

/** A feed's `chapters`, checked; problems go to `c` with their paths under `$.chapters`. */
export function checkChapters(v: unknown, c: Checker = new Checker()): Chapter[] {
  if (!(isObj(v) && v.type === 'FeatureCollection'))
    return c.list(v, '$.chapters', (o, p) => c.item(o, CHAPTER, p)) as unknown as Chapter[];
  return c.list(v.features, '$.chapters.features', (f: Obj, p) => {
    const g = f.geometry;
    const xy = isObj(g) && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : undefined;
    if (!xy) return c.fail(`${p}.geometry`, 'point');
    return c.item(
      { id: f.id, ...(isObj(f.properties) ? f.properties : {}), lng: xy[0], lat: xy[1] },
      CHAPTER,
      `${p}.properties`,
    );
  }) as unknown as Chapter[];
}
