/**
 * Checks a parsed feed and returns a clean copy. Pure (no DOM), so the server's
 * `check` command and the widgets share it. One bad item is skipped and reported
 * with its JSON path; only an unusable top level makes the whole feed null.
 *
 * Items are described by small field specs rather than code per field: this
 * module ships in every page's script, so it is kept compact. Chapters are checked
 * by chapter-check.ts, which only pages with a map (and the server) load. A problem is
 * found here by a key and its values; its words (lazy/feed-words.ts) travel apart, since
 * most pages never see one: until they have come, the key stands in for them.
 */
import { dictionary } from './dictionary.js';
import { SIGNATURE_FIELDS, type Chapter, type Feed, type FeedProblem, type PageFeed } from './feed-types.js';

/** The words of a problem from its key and values (lazy/feed-words.ts). */
export type FeedWords = (key: string, ...values: unknown[]) => string;
let words: FeedWords = (key) => key;
/** Problems found from now on are told in these words (lazy/feed-words.ts calls it as it loads). */
export const useFeedWords = (w: FeedWords): void => void (words = w);

export type Obj = Record<string, unknown>;
/** A field's kind; a trailing `!` makes it required. */
export type Spec = Record<string, string>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const ORG: Spec = { name: 'text', url: 'str', logo: 'str', color: 'str', privacy_url: 'str', consent: 'text' };
const PLANK: Spec = { id: 'id!', number: 'int', title: 'text!', summary: 'text', body: 'text', tags: 'strs' };
const PETITION: Spec = {
  id: 'id!',
  title: 'text!',
  target: 'text',
  body: 'text',
  goal: 'count',
  closes: 'date',
  consent: 'text',
  fields: 'fields',
  endpoint: 'str',
  action_network: 'str',
  count: 'int',
  confirm: 'bool',
};
const DONATE: Spec = {
  provider: 'str',
  account: 'str',
  template: 'str',
  amounts: 'nums',
  currency: 'str',
  recurring: 'bool',
  default_amount: 'num',
  min: 'num',
  max: 'num',
  goal: 'num',
  raised: 'num',
  refcode: 'str',
};

export class Checker {
  problems: FeedProblem[] = [];

  fail(path: string, key: string, ...values: unknown[]): undefined {
    this.problems.push({ path, message: words(key, ...values) });
    return undefined;
  }

  /** One value of a kind; undefined (with a problem) when it does not fit. */
  value(kind: string, v: unknown, path: string): unknown {
    const bad = (what: string) => this.fail(path, 'type', what, v);
    const num = (min: number, max: number, int: boolean) =>
      typeof v !== 'number' || !Number.isFinite(v)
        ? bad('number')
        : (int && !Number.isInteger(v)) || v < min || v > max
          ? this.fail(path, 'range', int, min, max, v)
          : v;
    switch (kind) {
      case 'id':
        if (typeof v === 'number') return String(v);
        return typeof v !== 'string' ? bad('string') : v.trim() ? v : this.fail(path, 'empty');
      case 'str':
        return typeof v === 'string' ? v : bad('string');
      case 'text':
        if (typeof v === 'string') return v;
        if (!isObj(v)) return bad('text');
        return this.object(
          v,
          path,
          (s, p) => (typeof s === 'string' ? s : this.fail(p, 'translation')),
          'untranslated',
        );
      case 'int':
        return num(0, Infinity, true);
      case 'count':
        return num(1, Infinity, true);
      case 'num':
        return num(0, Infinity, false);
      case 'lat':
        return num(-90, 90, false);
      case 'lng':
        return num(-180, 180, false);
      case 'bool':
        return typeof v === 'boolean' ? v : bad('bool');
      case 'date':
        return typeof v !== 'string' || Number.isNaN(Date.parse(v)) ? this.fail(path, 'date', v) : v;
      case 'strs':
      case 'nums':
      case 'fields': {
        if (!Array.isArray(v)) return bad('array');
        const each = kind === 'nums' ? 'num' : 'str';
        return v.filter((x, i) => {
          const ok = this.value(each, x, `${path}[${i}]`) !== undefined;
          if (ok && kind === 'fields' && !(SIGNATURE_FIELDS as readonly string[]).includes(x)) {
            return this.fail(`${path}[${i}]`, 'field', x);
          }
          return ok;
        });
      }
    }
    return v;
  }

  /** Maps an object's own entries, dropping the undefined; undefined if nothing is left. */
  object(o: Obj, path: string, each: (v: unknown, path: string) => unknown, empty: string) {
    const out = dictionary();
    for (const [k, v] of Object.entries(o)) {
      const x = each(v, `${path}.${k}`);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length ? out : this.fail(path, empty);
  }

  /** An item by its spec: undefined when a required field is missing or bad. */
  item(o: Obj, spec: Spec, path: string): Obj | undefined {
    const out = dictionary();
    let ok = true;
    for (const [key, kind] of Object.entries(spec)) {
      const required = kind.endsWith('!');
      const v = Object.hasOwn(o, key) ? o[key] : undefined; // never a polluted prototype's
      const p = `${path}.${key}`;
      if (v === undefined || v === null || v === '') {
        if (required) ok = this.fail(p, 'required') ?? false;
        continue;
      }
      const x = this.value(kind.replace('!', ''), v, p);
      if (x !== undefined) out[key] = x;
      else if (required) ok = false;
    }
    return ok ? out : undefined;
  }

  /** An array of items; a bad item is reported and dropped, and so is a repeated id. */
  list(v: unknown, path: string, check: (o: Obj, path: string, index: number) => Obj | undefined): Obj[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.fail(path, 'type', 'array', v) ?? [];
    const ids = new Set<unknown>();
    const out: Obj[] = [];
    v.forEach((raw, i) => {
      const p = `${path}[${i}]`;
      const before = this.problems.length;
      const item = isObj(raw) ? check(raw, p, i) : this.fail(p, 'type', 'object', raw);
      if (!item) {
        if (this.problems.length === before) this.fail(p, 'skipped');
      } else if (ids.has(item.id)) {
        this.fail(`${p}.id`, 'repeat', item.id);
      } else {
        ids.add(item.id);
        out.push(item);
      }
    });
    return out;
  }
}

/** How chapters are checked (chapter-check.ts): given to checkFeed by those who need them. */
export type ChapterCheck = (v: unknown, c: Checker) => Chapter[];

/**
 * Validates a parsed feed. `feed` is null only when nothing can be used. Its
 * chapters are checked with `checkChapters` when given, else left as they came. Its events
 * and join are left as they came: an event list, a join form (and the server) check them
 * with event-check.ts.
 */
export function checkFeed(raw: unknown): { feed: PageFeed | null; problems: FeedProblem[] };
export function checkFeed(raw: unknown, checkChapters: ChapterCheck): { feed: Feed | null; problems: FeedProblem[] };
export function checkFeed(
  raw: unknown,
  checkChapters?: ChapterCheck,
): { feed: PageFeed | null; problems: FeedProblem[] } {
  const c = new Checker();
  if (!isObj(raw)) {
    c.fail('$', 'type', 'json', raw);
    return { feed: null, problems: c.problems };
  }
  const own = (key: string) => (Object.hasOwn(raw, key) ? raw[key] : undefined); // never a polluted prototype's
  if (own('version') !== 1) {
    c.fail('$.version', 'version', own('version'));
    return { feed: null, problems: c.problems };
  }
  const section = (key: string, spec: Spec, v = own(key)) =>
    v === undefined || v === null
      ? undefined
      : isObj(v)
        ? c.item(v, spec, `$.${key}`)
        : c.fail(`$.${key}`, 'type', 'object', v);
  const feed = dictionary({
    version: 1,
    org: section('org', ORG) ?? dictionary(),
    platform: c.list(own('platform'), '$.platform', (o, p, i) => {
      const plank = c.item(o, PLANK, p);
      if (plank) plank.tags ??= [];
      if (plank) plank.number ??= i + 1; // unnumbered planks count in feed order
      return plank;
    }),
    petitions: c.list(own('petitions'), '$.petitions', (o, p) => c.item(o, PETITION, p)),
    chapters: checkChapters ? checkChapters(own('chapters'), c) : own('chapters'),
  }) as unknown as PageFeed;
  const donate = section('donate', DONATE);
  if (donate) feed.donate = donate;
  // As they came, like chapters: an event list or a join form checks them (event-check.ts).
  for (const key of ['events', 'join']) if (own(key) !== undefined) (feed as Obj)[key] = own(key);
  return { feed, problems: c.problems };
}
