/**
 * Calendar files (RFC 5545) and Google Calendar links for events, written once for the
 * `<event-list>` widget (its "Add to calendar") and the server's subscribable `/events.ics`.
 *
 * Times are written in UTC (`DTSTART:20270115T010000Z`): every calendar (Google, Apple, Outlook)
 * reads that form the same way and shows the event at the right instant in its reader's zone,
 * with no VTIMEZONE to get wrong. The event's own zone travels in the Google link (`ctz`).
 * Pure: no DOM, so the server imports it too.
 */
import type { SolidarityEvent } from './feed-types.js';
import { pickTranslation } from './translations.js';

/** One event as a calendar holds it: plain text, instants as ISO 8601 strings with an offset. */
export interface CalendarEntry {
  /** Globally unique and stable across downloads, so a second download updates the first. */
  uid: string;
  title: string;
  description?: string;
  location?: string;
  url?: string;
  starts: string;
  /** When absent the calendar entry has no end (RFC 5545: it ends when it starts). */
  ends?: string;
  /** The IANA zone the event is held in; only the Google link uses it (its display zone). */
  timezone?: string;
}

export interface CalendarOptions {
  /** The calendar's name, shown by calendars that subscribe to it (`X-WR-CALNAME`). */
  name?: string;
  /** The moment the file is written (`DTSTAMP`); tests pass a fixed one. */
  now?: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
// Control characters are not allowed in iCalendar text (RFC 5545 §3.3.11): all but the tab and line breaks
// (escaped as `\n`) go.
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** `2027-01-14T19:00:00-06:00` → `20270115T010000Z`; a RangeError naming the value when it is not a date. */
export function utcStamp(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) throw new RangeError(`calendar: "${String(iso)}" is not a date and time`);
  return date
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, '\\n');
}

/** Folds a content line so no line exceeds 75 octets of UTF-8, never inside a character (§3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length ? MAX_LINE_OCTETS - 1 : MAX_LINE_OCTETS;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

function textLine(name: string, value: string | undefined): string[] {
  return value ? [`${name}:${escapeText(value)}`] : [];
}

function eventLines(entry: CalendarEntry, stamp: string): string[] {
  // A URI value is not escaped as text, but nothing in it may break the line.
  const url = entry.url?.replace(CONTROLS, '').replace(/\s/g, '');
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(entry.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${utcStamp(entry.starts)}`,
    ...(entry.ends ? [`DTEND:${utcStamp(entry.ends)}`] : []),
    ...textLine('SUMMARY', entry.title),
    ...textLine('DESCRIPTION', entry.description),
    ...textLine('LOCATION', entry.location),
    ...(url ? [`URL:${url}`] : []),
    'END:VEVENT',
  ];
}

/** A whole iCalendar file (CRLF line ends, folded lines) with one VEVENT per entry. */
export function writeCalendar(
  entries: readonly CalendarEntry[],
  // No prototype: a host page's Object.prototype.name or .now is not read as an option.
  options: CalendarOptions = Object.create(null),
): string {
  const stamp = utcStamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//solidarity-widgets//events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...textLine('X-WR-CALNAME', options.name),
    ...entries.flatMap((entry) => eventLines(entry, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A link that opens Google Calendar's "new event" page filled in with the entry. */
export function googleCalendarUrl(entry: CalendarEntry): string {
  const start = utcStamp(entry.starts);
  // Google needs an end: an event without one is shown as a point in time, as in the .ics.
  const end = entry.ends ? utcStamp(entry.ends) : start;
  const params = new URLSearchParams({ action: 'TEMPLATE', text: entry.title, dates: `${start}/${end}` });
  const details = [entry.description, entry.url].filter(Boolean).join('\n\n');
  if (details) params.set('details', details);
  if (entry.location) params.set('location', entry.location);
  if (entry.timezone) params.set('ctz', entry.timezone);
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** `[text](https://…)` → `text (https://…)` and `*emphasis*` → `emphasis`: the feed's body syntax as plain text. */
export function plainBody(text: string): string {
  return text.replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, '$1 ($2)').replace(/\*([^*\n]+)\*/g, '$1');
}

/**
 * A feed event as a calendar entry in one language. `domain` makes the UID globally unique
 * (the feed's host); `url` is where the event is described (the page's `#event-<id>`, or the
 * online meeting's address when the event has one).
 */
export function calendarEntry(
  event: SolidarityEvent,
  lang: string,
  { domain, url }: { domain: string; url?: string },
): CalendarEntry {
  const online = event.online_url && /^https?:\/\//i.test(event.online_url) ? event.online_url : undefined;
  const place = event.location
    ? [pickTranslation(event.location.name, lang), pickTranslation(event.location.address, lang)]
    : [];
  return {
    uid: `${event.id}@${domain}`,
    title: pickTranslation(event.title, lang),
    description: plainBody(pickTranslation(event.description, lang)) || undefined,
    location: online ?? (place.filter(Boolean).join(', ') || undefined),
    url: online ?? url,
    starts: event.starts,
    ends: event.ends,
    timezone: event.timezone,
  };
}
