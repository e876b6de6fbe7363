/**
 * An event's date and time as a reader needs them, with Intl only: in the event's own zone (named when
 * the reader is elsewhere), and then in the reader's zone when its clock reads differently.
 */
import { dictionary } from './dictionary.js';
import { isTimeZone } from './event-check.js';
import type { SolidarityEvent } from './feed-types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A formatter whose options are read by own keys only (a host page's `Object.prototype.hour12` changes
 * nothing), made once per language and options: making one with a time zone is the costly part of a
 * list's render (at 4× CPU, a three-event list took one 141 ms task).
 */
function formatter(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${Object.entries(options)
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join(' ')}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(lang, dictionary({ ...options }))));
  return made;
}

export interface EventTimes {
  /** In the event's zone, e.g. `Thu, Jan 14, 7:00 – 9:00 PM CST` (the zone's name only when the reader's differs). */
  own: string;
  /** In the reader's zone when its clock reads differently, e.g. `Fri, Jan 15, 2:00 – 4:00 AM`; else undefined. */
  reader?: string;
}

const DAY: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
const HOUR: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };

/** The reader's IANA zone, as the browser knew it when the page first asked (one formatter, not one per event). */
export const readerZone = (): string => formatter('en', {}).resolvedOptions().timeZone;

function range(lang: string, options: Intl.DateTimeFormatOptions, start: Date, end: Date | undefined): string {
  const format = formatter(lang, options);
  return end && end > start ? format.formatRange(start, end) : format.format(start);
}

/** What one instant reads in one zone (its date, or its clock), to compare zones by what their readers see. */
const reads = (date: Date, zone: string, options: Intl.DateTimeFormatOptions) =>
  formatter('en', { ...options, timeZone: zone }).format(date);
const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'numeric', day: 'numeric' };

/** `lang` if Intl knows it as a language tag, else English. */
function intlLang(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/** The event's times in `lang`; `zone` is the reader's (the browser's own by default). */
export function eventTimes(event: SolidarityEvent, tag: string, zone = readerZone(), now = Date.now()): EventTimes {
  const lang = intlLang(tag);
  const start = new Date(event.starts);
  const end = event.ends ? new Date(event.ends) : undefined;
  // A zone this browser does not know (a feed may name one) reads as the reader's.
  const own = isTimeZone(event.timezone) ? event.timezone : zone;
  const sameDay = reads(start, own, DATE) === reads(start, zone, DATE);
  const sameClock = sameDay && reads(start, own, HOUR) === reads(start, zone, HOUR);
  const year = new Date(now).getFullYear() === start.getFullYear() ? {} : { year: 'numeric' as const };
  const ownText = range(
    lang,
    { ...DAY, ...year, ...HOUR, timeZone: own, ...(sameClock ? {} : { timeZoneName: 'short' as const }) },
    start,
    end,
  );
  if (sameClock) return { own: ownText };
  // The reader's date is repeated only when it is not the event's.
  const readerText = range(lang, { ...(sameDay ? {} : DAY), ...HOUR, timeZone: zone }, start, end);
  return { own: ownText, reader: readerText };
}
