/**
 * The words of a feed's problems (feed-check.ts finds them by key): loaded by a page only
 * when its feed has a problem to warn about, and by the server and the map's chunk at once.
 * Importing this module makes every later check tell its problems in these words.
 */
import { useFeedWords, type FeedWords } from '../feed-check.js';
import { JOIN_FIELDS, SIGNATURE_FIELDS } from '../feed-types.js';

/** What a `type` problem says was expected, by its key. */
const KINDS: Record<string, string> = {
  number: 'a number',
  string: 'a string',
  text: 'text or an object of translations',
  bool: 'true or false',
  array: 'an array',
  object: 'an object',
  json: 'a JSON object',
};

const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`);

const WORDS: Record<string, (...values: never[]) => string> = {
  type: (kind: string, v: unknown) => `must be ${KINDS[kind]}, got ${describe(v)}`,
  range: (int: boolean, min: number, max: number, v: number) =>
    `must be ${int ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${v}`,
  empty: () => 'must not be empty',
  translation: () => 'must be a string',
  untranslated: () => 'has no translations',
  date: (v: unknown) => `must be a date and time like 2027-01-31T23:59:59Z, got ${JSON.stringify(v)}`,
  field: (name: string) => `"${name}" is not a signature field (${SIGNATURE_FIELDS.join(', ')})`,
  required: () => 'is required',
  skipped: () => 'is invalid and was skipped',
  repeat: (id: string) => `repeats the id "${id}"; skipped`,
  version: (v: unknown) => `must be 1 (this feed says ${JSON.stringify(v) ?? 'nothing'})`,
  point: () => 'must be a GeoJSON Point',
  offset: (v: unknown) =>
    `must be a date and time with its UTC offset, like 2027-01-14T19:00:00-06:00, got ${JSON.stringify(v)}`,
  order: (ends: string, starts: string) => `must be after starts (${starts}), got ${ends}`,
  zone: (v: unknown) => `must be an IANA time zone like America/Chicago, got ${JSON.stringify(v)}`,
  url: (v: unknown) => `must be an http: or https: URL, got ${JSON.stringify(v)}`,
  place: (both: boolean) =>
    both
      ? 'must not be given with location: an event is held online or in a place, not both'
      : 'is required when there is no online_url: an event is held online or in a place',
  chapter: (id: string) => `"${id}" is not the id of a chapter in this feed`,
  lang: (v: unknown) => `must be a language tag like en or es-MX, got ${JSON.stringify(v)}`,
  joinfield: (name: string) => `"${name}" is not a join field (${JOIN_FIELDS.join(', ')})`,
};

/** A problem's words; a key without words is its own. */
export const feedWords: FeedWords = (key, ...values) => (WORDS[key] ? WORDS[key](...(values as never[])) : key);

useFeedWords(feedWords);
