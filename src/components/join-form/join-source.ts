/**
 * A feed's join form and chapters as `<join-form>` uses them: checked by the feed's rules once per
 * feed (on a page only a join form or an event list checks `join`; only a map or a join form checks
 * `chapters`), each problem warned once with its JSON path, like every feed problem.
 */
import { checkChapters } from '../../core/chapter-check.js';
import { checkJoin } from '../../core/event-check.js';
import { Checker } from '../../core/feed-check.js';
import type { Chapter, JoinSettings, PageFeed } from '../../core/feed-types.js';

export interface FeedJoin {
  /** The feed's `join`, or undefined when it has none (or an unusable one). */
  join?: JoinSettings;
  chapters: Chapter[];
}

const checked = new WeakMap<PageFeed, FeedJoin>();

/** The feed's usable join settings and chapters; `warn` hears each problem once per feed. */
export function feedJoin(feed: PageFeed, warn: (problem: string) => void): FeedJoin {
  let found = checked.get(feed);
  if (!found) {
    const checker = new Checker();
    found = { join: checkJoin(feed.join, checker), chapters: checkChapters(feed.chapters ?? [], checker) };
    checked.set(feed, found);
    for (const p of checker.problems) warn(`${p.path} ${p.message}`);
  }
  return found;
}
