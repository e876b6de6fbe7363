/**
 * Checks a parsed feed and returns a clean copy. Pure (no DOM), so the server's
 * `check` command and the widgets share it. One bad item is skipped and reported;
 * only an unusable top level makes the whole feed null.
 */
import {
  SIGNATURE_FIELDS,
  type Chapter,
  type DonateSettings,
  type Feed,
  type FeedProblem,
  type Org,
  type Petition,
  type Plank,
  type Text,
} from './feed-types.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const describe = (v: unknown) =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? 'a string' : `a ${typeof v}`;

class Checker {
  problems: FeedProblem[] = [];

  fail(path: string, message: string): undefined {
    this.problems.push({ path, message });
    return undefined;
  }

  text(v: unknown, path: string, required = false): Text | undefined {
    if (v === undefined || v === null || v === '') {
      return required ? this.fail(path, 'is required') : undefined;
    }
    if (typeof v === 'string') return v;
    if (isObj(v)) {
      const out: Record<string, string> = {};
      for (const [lang, s] of Object.entries(v)) {
        if (typeof s === 'string') out[lang] = s;
        else this.fail(`${path}.${lang}`, `must be a string, got ${describe(s)}`);
      }
      if (Object.keys(out).length) return out;
      return this.fail(path, 'has no translations');
    }
    return this.fail(path, `must be text or an object of translations, got ${describe(v)}`);
  }

  str(v: unknown, path: string, required = false): string | undefined {
    if (v === undefined || v === null) return required ? this.fail(path, 'is required') : undefined;
    if (typeof v === 'number' && required) return String(v);
    if (typeof v !== 'string') return this.fail(path, `must be a string, got ${describe(v)}`);
    if (required && !v.trim()) return this.fail(path, 'must not be empty');
    return v;
  }

  num(v: unknown, path: string, { min = -Infinity, max = Infinity, int = false } = {}): number | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.fail(path, `must be a number, got ${describe(v)}`);
    if (int && !Number.isInteger(v)) return this.fail(path, 'must be a whole number');
    if (v < min || v > max) return this.fail(path, `must be between ${min} and ${max}, got ${v}`);
    return v;
  }

  strings(v: unknown, path: string): string[] | undefined {
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v)) return this.fail(path, `must be an array of strings, got ${describe(v)}`);
    return v.filter((s, i) => typeof s === 'string' || this.fail(`${path}[${i}]`, 'must be a string'));
  }

  /** Checks an array of items; a bad item is reported and dropped. */
  list<T>(v: unknown, path: string, item: (o: Obj, path: string, index: number) => T | undefined): T[] {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return this.fail(path, `must be an array, got ${describe(v)}`) ?? [];
    const out: T[] = [];
    const seen = new Set<string>();
    v.forEach((raw, i) => {
      const p = `${path}[${i}]`;
      if (!isObj(raw)) return this.fail(p, `must be an object, got ${describe(raw)}`);
      const before = this.problems.length;
      const checked = item(raw, p, i);
      if (!checked) {
        if (this.problems.length === before) this.fail(p, 'is invalid and was skipped');
        return;
      }
      const id = (checked as { id?: string }).id;
      if (id !== undefined) {
        if (seen.has(id)) return this.fail(`${p}.id`, `duplicates the id "${id}"; skipped`);
        seen.add(id);
      }
      out.push(checked);
    });
    return out;
  }

  org(v: unknown): Org {
    if (v === undefined) return {};
    if (!isObj(v)) return this.fail('$.org', `must be an object, got ${describe(v)}`) ?? {};
    return dropUndefined({
      name: this.text(v.name, '$.org.name'),
      url: this.str(v.url, '$.org.url'),
      logo: this.str(v.logo, '$.org.logo'),
      color: this.str(v.color, '$.org.color'),
      privacy_url: this.str(v.privacy_url, '$.org.privacy_url'),
      consent: this.text(v.consent, '$.org.consent'),
    });
  }

  plank = (o: Obj, p: string, index: number): Plank | undefined => {
    const id = this.str(o.id, `${p}.id`, true);
    const title = this.text(o.title, `${p}.title`, true);
    const number = o.number === undefined ? index + 1 : this.num(o.number, `${p}.number`, { min: 0, int: true });
    if (id === undefined || title === undefined || number === undefined) return undefined;
    return dropUndefined({
      id,
      number,
      title,
      summary: this.text(o.summary, `${p}.summary`),
      body: this.text(o.body, `${p}.body`),
      tags: this.strings(o.tags, `${p}.tags`) ?? [],
    });
  };

  petition = (o: Obj, p: string): Petition | undefined => {
    const id = this.str(o.id, `${p}.id`, true);
    const title = this.text(o.title, `${p}.title`, true);
    if (id === undefined || title === undefined) return undefined;
    let closes = this.str(o.closes, `${p}.closes`);
    if (closes !== undefined && Number.isNaN(Date.parse(closes))) {
      closes = this.fail(`${p}.closes`, `must be a date and time like 2027-01-31T23:59:59Z, got "${closes}"`);
    }
    const fields = this.strings(o.fields, `${p}.fields`)?.filter(
      (f, i) =>
        (SIGNATURE_FIELDS as readonly string[]).includes(f) ||
        this.fail(`${p}.fields[${i}]`, `"${f}" is not a signature field (${SIGNATURE_FIELDS.join(', ')})`),
    );
    return dropUndefined({
      id,
      title,
      target: this.text(o.target, `${p}.target`),
      body: this.text(o.body, `${p}.body`),
      goal: this.num(o.goal, `${p}.goal`, { min: 1, int: true }),
      closes,
      consent: this.text(o.consent, `${p}.consent`),
      fields,
      endpoint: this.str(o.endpoint, `${p}.endpoint`),
      count: this.num(o.count, `${p}.count`, { min: 0, int: true }),
    });
  };

  chapter = (o: Obj, p: string): Chapter | undefined => {
    const id = this.str(o.id, `${p}.id`, true);
    const name = this.text(o.name, `${p}.name`, true);
    const lat = this.num(o.lat, `${p}.lat`, { min: -90, max: 90 });
    const lng = this.num(o.lng, `${p}.lng`, { min: -180, max: 180 });
    if (o.lat === undefined) this.fail(`${p}.lat`, 'is required');
    if (o.lng === undefined) this.fail(`${p}.lng`, 'is required');
    if (id === undefined || name === undefined || lat === undefined || lng === undefined) return undefined;
    return dropUndefined({
      id,
      name,
      city: this.str(o.city, `${p}.city`),
      region: this.str(o.region, `${p}.region`),
      country: this.str(o.country, `${p}.country`),
      lat,
      lng,
      email: this.str(o.email, `${p}.email`),
      url: this.str(o.url, `${p}.url`),
      meets: this.text(o.meets, `${p}.meets`),
      postal_codes: this.strings(o.postal_codes, `${p}.postal_codes`),
    });
  };

  /** `chapters` as an array, or as a GeoJSON FeatureCollection of Points. */
  chapters(v: unknown): Chapter[] {
    if (isObj(v) && v.type === 'FeatureCollection') {
      return this.list(v.features, '$.chapters.features', (f, p) => {
        const g = f.geometry as Obj | undefined;
        const c = isObj(g) && g.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : undefined;
        if (!c) return this.fail(`${p}.geometry`, 'must be a GeoJSON Point');
        const props = isObj(f.properties) ? f.properties : {};
        return this.chapter({ id: f.id, ...props, lng: c[0], lat: c[1] }, `${p}.properties`);
      });
    }
    return this.list(v, '$.chapters', this.chapter);
  }

  donate(v: unknown): DonateSettings | undefined {
    if (v === undefined || v === null) return undefined;
    if (!isObj(v)) return this.fail('$.donate', `must be an object, got ${describe(v)}`);
    const p = '$.donate';
    const amounts = Array.isArray(v.amounts)
      ? v.amounts.filter((a, i) => this.num(a, `${p}.amounts[${i}]`, { min: 0 }) !== undefined)
      : v.amounts === undefined
        ? undefined
        : this.fail(`${p}.amounts`, `must be an array of numbers, got ${describe(v.amounts)}`);
    let recurring: boolean | undefined;
    if (typeof v.recurring === 'boolean') recurring = v.recurring;
    else if (v.recurring !== undefined) this.fail(`${p}.recurring`, 'must be true or false');
    return dropUndefined({
      provider: this.str(v.provider, `${p}.provider`),
      account: this.str(v.account, `${p}.account`),
      template: this.str(v.template, `${p}.template`),
      amounts: amounts as number[] | undefined,
      currency: this.str(v.currency, `${p}.currency`),
      recurring,
      default_amount: this.num(v.default_amount, `${p}.default_amount`, { min: 0 }),
      min: this.num(v.min, `${p}.min`, { min: 0 }),
      max: this.num(v.max, `${p}.max`, { min: 0 }),
      goal: this.num(v.goal, `${p}.goal`, { min: 0 }),
      raised: this.num(v.raised, `${p}.raised`, { min: 0 }),
      refcode: this.str(v.refcode, `${p}.refcode`),
    });
  }
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/** Validates a parsed feed. `feed` is null only when nothing can be used. */
export function checkFeed(raw: unknown): { feed: Feed | null; problems: FeedProblem[] } {
  const c = new Checker();
  if (!isObj(raw)) {
    c.fail('$', `must be a JSON object, got ${describe(raw)}`);
    return { feed: null, problems: c.problems };
  }
  if (raw.version !== 1) {
    c.fail('$.version', `must be 1 (this feed says ${JSON.stringify(raw.version) ?? 'nothing'})`);
    return { feed: null, problems: c.problems };
  }
  const feed: Feed = {
    version: 1,
    org: c.org(raw.org),
    platform: c.list(raw.platform, '$.platform', c.plank),
    petitions: c.list(raw.petitions, '$.petitions', c.petition),
    chapters: c.chapters(raw.chapters),
  };
  const donate = c.donate(raw.donate);
  if (donate) feed.donate = donate;
  return { feed, problems: c.problems };
}
