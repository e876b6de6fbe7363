/**
 * A feed's events as the list uses them: checked by the feed's rules once per feed (a bad event is
 * skipped and warned with its JSON path, like every feed problem), and the chapter ids the feed knows.
 */
import { checkEvents, isTimeZone } from './event-check.js';
import { Checker } from './feed-check.js';
import type { PageFeed, SolidarityEvent } from './feed-types.js';

const checked = new WeakMap<PageFeed, SolidarityEvent[]>();

/** The strings under `key` in a list of the feed's objects not checked yet (anything else is passed over). */
function namedIn(list: unknown, key: string): Set<string> {
  const items: unknown[] = Array.isArray(list) ? list : [];
  const values = items.map((o) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined));
  return new Set(values.filter((v): v is string => typeof v === 'string'));
}

/** The ids of the feed's chapters (not otherwise checked on a page: only their ids matter here). */
export const chapterIds = (feed: PageFeed): Set<string> => namedIn(feed.chapters, 'id');

/**
 * Asks Intl about each time zone the feed's events name, one zone per `yield` (a formatter each, 5–10 ms at
 * 4× CPU): feedEvents then finds them known, rather than making every one of them in a single task.
 */
export function* askZones(feed: PageFeed): Generator<void> {
  for (const zone of namedIn(feed.events, 'timezone')) {
    isTimeZone(zone);
    yield;
  }
}

/** The feed's usable events; `warn` hears each problem once per feed. */
export function feedEvents(feed: PageFeed, warn: (problem: string) => void): SolidarityEvent[] {
  let events = checked.get(feed);
  if (!events) {
    const checker = new Checker();
    const ids = chapterIds(feed);
    events = checkEvents(feed.events, checker, ids.size ? ids : undefined);
    checked.set(feed, events);
    for (const p of checker.problems) warn(`${p.path} ${p.message}`);
  }
  return events;
}

/** Whether `id` names a chapter of the feed, or one its events are held by. */
export const knownChapter = (feed: PageFeed, events: readonly SolidarityEvent[], id: string): boolean =>
  chapterIds(feed).has(id) || events.some((e) => e.chapter === id);
