/**
 * Which events a list shows, and when that changes: upcoming ones in order of their start,
 * past ones gone (an event in progress stays until it ends).
 */
import type { SolidarityEvent } from './feed-types.js';

/** How long an event without `ends` is taken to last, for hiding it once it is over. */
export const ASSUMED_LENGTH_MS = 60 * 60 * 1000;

const time = (iso: string | undefined): number => (iso === undefined ? NaN : Date.parse(iso));

/** When the event is over (ms since the epoch); NaN when its `starts` is not a date. */
export function endsAt(event: SolidarityEvent): number {
  const ends = time(event.ends);
  return Number.isNaN(ends) ? time(event.starts) + ASSUMED_LENGTH_MS : ends;
}

export interface Selection {
  /** Only this chapter's events. */
  chapter?: string;
  /** At most this many, but for `linked`. */
  limit?: number;
  /** The event a deep link names: shown even past the limit. */
  linked?: string;
  /** The moment to judge "past" by (ms since the epoch). */
  now: number;
}

/**
 * The events not yet over, soonest first (feed order among equal starts), for one chapter, at most `limit` (and the
 * deep-linked one, so a link shared to a page with a short list still finds its event).
 */
export function upcomingEvents(
  events: readonly SolidarityEvent[],
  { chapter, limit, linked, now }: Selection,
): SolidarityEvent[] {
  const shown = events
    .filter((e) => !Number.isNaN(time(e.starts)) && endsAt(e) > now && (chapter === undefined || e.chapter === chapter))
    .sort((a, b) => time(a.starts) - time(b.starts));
  return limit === undefined ? shown : shown.filter((e, i) => i < limit || e.id === linked);
}

/** When the list next changes by itself: the soonest end among the shown events (undefined when none). */
export function nextChange(shown: readonly SolidarityEvent[]): number | undefined {
  const ends = shown.map(endsAt);
  return ends.length ? Math.min(...ends) : undefined;
}
