/**
 * Checks a feed's `events` and `join` by the feed's rules (feed-check.ts). Apart from checkFeed
 * because only pages with an event list or a join form need it (it travels in their chunks),
 * and the server. Dates, zones and places have rules of their own, checked here.
 */
import { Checker, isObj, type Obj, type Spec } from './feed-check.js';
import './lazy/feed-words.js'; // its problems in words, wherever it is loaded
import { JOIN_FIELDS, type Feed, type FeedProblem, type JoinSettings, type SolidarityEvent } from './feed-types.js';

const EVENT: Spec = {
  id: 'id!',
  title: 'text!',
  description: 'text',
  starts: 'str!',
  ends: 'str',
  timezone: 'str!',
  online_url: 'str',
  location: 'obj',
  chapter: 'id',
  rsvp: 'bool',
  capacity: 'count',
  fields: 'fields',
  consent: 'text',
  lang: 'strs',
  going: 'int',
  waitlisted: 'int',
};
const LOCATION: Spec = { name: 'text!', address: 'text', lat: 'lat', lng: 'lng' };
const JOIN: Spec = { title: 'text', body: 'text', fields: 'strs', consent: 'text', confirm: 'bool' };

/** ISO 8601 date and time with its UTC offset (`Z` or `±hh:mm`), seconds optional. */
const WITH_OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/;

/** Zones found known already: asking Intl costs a formatter each time, and a feed names few zones many times. */
const knownZones = new Set<string>();

/** Whether `zone` is an IANA time zone name this runtime knows (an offset like `+05:30` is not one). */
export function isTimeZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    knownZones.add(zone);
    return true;
  } catch {
    return false;
  }
}

const isLanguageTag = (tag: string) => {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
};

function checkEvent(c: Checker, o: Obj, p: string, chapterIds?: ReadonlySet<string>): Obj | undefined {
  const e = c.item(o, EVENT, p);
  if (!e) return undefined;
  // Without these as written, the event would be another one (unlimited seats, no end): skipped instead.
  let ok = ['ends', 'online_url', 'location', 'chapter', 'capacity'].every(
    (k) => o[k] === undefined || o[k] === null || o[k] === '' || k in e,
  );
  const no = (key: string, word: string, ...values: unknown[]) => {
    c.fail(`${p}.${key}`, word, ...values);
    ok = false;
  };
  const starts = e.starts as string;
  if (!WITH_OFFSET.test(starts) || Number.isNaN(Date.parse(starts))) no('starts', 'offset', starts);
  if (e.ends !== undefined) {
    const ends = e.ends as string;
    if (!WITH_OFFSET.test(ends) || Number.isNaN(Date.parse(ends))) no('ends', 'offset', ends);
    else if (ok && Date.parse(ends) <= Date.parse(starts)) no('ends', 'order', ends, starts);
  }
  if (!isTimeZone(e.timezone as string)) no('timezone', 'zone', e.timezone);
  if (e.online_url !== undefined && !/^https?:\/\/[^\s/]/i.test(e.online_url as string)) {
    no('online_url', 'url', e.online_url);
  }
  if (e.location !== undefined) {
    const place = isObj(e.location) ? c.item(e.location, LOCATION, `${p}.location`) : undefined;
    if (!isObj(e.location)) no('location', 'type', 'object', e.location);
    else if (place) e.location = place;
    else ok = false;
  }
  if (ok && (e.online_url === undefined) === (e.location === undefined)) {
    no(e.online_url === undefined ? 'location' : 'online_url', 'place', e.online_url !== undefined);
  }
  if (e.chapter !== undefined && chapterIds && !chapterIds.has(e.chapter as string)) {
    no('chapter', 'chapter', e.chapter);
  }
  if (e.lang) e.lang = (e.lang as string[]).filter((t, i) => isLanguageTag(t) || c.fail(`${p}.lang[${i}]`, 'lang', t));
  return ok ? e : undefined;
}

/**
 * A feed's `events`, checked; problems go to `c` with their paths under `$.events`. With
 * `chapterIds`, an event's `chapter` must be one of them (pages that did not check chapters pass none).
 */
export function checkEvents(
  v: unknown,
  c: Checker = new Checker(),
  chapterIds?: ReadonlySet<string>,
): SolidarityEvent[] {
  return c.list(v, '$.events', (o, p) => checkEvent(c, o, p, chapterIds)) as unknown as SolidarityEvent[];
}

/** A feed's `join`, checked (undefined when absent or unusable); problems go to `c` under `$.join`. */
export function checkJoin(v: unknown, c: Checker = new Checker()): JoinSettings | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) return c.fail('$.join', 'type', 'object', v);
  const join = c.item(v, JOIN, '$.join');
  if (join?.fields) {
    const names: readonly string[] = JOIN_FIELDS;
    join.fields = (join.fields as string[]).filter(
      (f, i) => names.includes(f) || c.fail(`$.join.fields[${i}]`, 'joinfield', f),
    );
  }
  return join as JoinSettings | undefined;
}

/**
 * A feed checked by checkFeed with its chapters, and now its events (against those chapters) and
 * join too, their problems after the others: what the server trusts.
 */
export function withActions(checked: { feed: Feed | null; problems: FeedProblem[] }) {
  const { feed } = checked;
  if (!feed) return checked;
  const c = new Checker();
  feed.events = checkEvents(feed.events, c, new Set(feed.chapters.map((ch) => ch.id)));
  const join = checkJoin(feed.join, c);
  if (join) feed.join = join;
  else delete feed.join;
  return { feed, problems: [...checked.problems, ...c.problems] };
}
