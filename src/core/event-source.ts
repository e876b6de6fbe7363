/**
 * A feed's events as the list uses them: checked by the feed's rules once per feed (a bad event is
 * skipped and warned with its JSON path, like every feed problem), and the chapter ids the feed knows.
 */
import { checkEvents } from './event-check.js';
import { Checker } from './feed-check.js';
import type { PageFeed, SolidarityEvent } from './feed-types.js';

const checked = new WeakMap<PageFeed, SolidarityEvent[]>();

/** The ids of the feed's chapters (not otherwise checked on a page: only their ids matter here). */
export function chapterIds(feed: PageFeed): Set<string> {
  const chapters: unknown[] = Array.isArray(feed.chapters) ? feed.chapters : [];
  const ids = chapters.map((c) => (c && typeof c === 'object' ? (c as { id?: unknown }).id : undefined));
  return new Set(ids.filter((id): id is string => typeof id === 'string'));
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
