/**
 * The join form as `<join-form>` shows it, resolved from the feed's `join` and chapters and the
 * element's attributes (which win). Pure.
 */
import type { AttributeProblem } from '../../core/attribute-check.js';
import {
  SIGNATURE_FIELDS,
  type Chapter,
  type JoinField,
  type Org,
  type SignatureField,
} from '../../core/feed-types.js';
import type { ActionView } from '../../core/signing/signing-types.js';
import { pickTranslation } from '../../core/translations.js';
import type { FeedJoin } from './join-source.js';

export interface JoinView extends ActionView {
  /** The chapter chosen (its id, '' for none): the engine's events name it (`join-queued` `{ join }`). */
  id: string;
  title: string;
  body: string;
  /** Body keys shown, in order; `chapter` last when there are chapters to choose from. */
  shown: JoinField[];
  chapters: Chapter[];
  /** The chapter the page gives (the `chapter` attribute), when the feed has it. */
  given?: string;
  /** Members confirm by email (`join.confirm`): the thanks says to check the inbox. */
  confirm: boolean;
  privacy: string | null;
  org?: Org;
  base?: string;
}

/** The attributes that shape the view (see join-form.ts). */
export interface JoinAttributes {
  endpoint?: string;
  chapter?: string;
  heading?: string;
  fields?: string;
  privacyUrl?: string;
}

export interface JoinSources {
  attributes: JoinAttributes;
  /** The feed's join and chapters (feedJoin), when a feed has loaded. */
  found?: FeedJoin;
  org?: Org;
  /** The feed's URL: the base of its relative URLs, and the server's origin. */
  base?: string;
  lang: string;
  /** The chapter chosen so far ('' for none). */
  chosen: string;
  /** The consent text when neither the feed's join nor its organization has one. */
  defaultConsent: string;
  /** A checked absolute URL, or null (safeUrl, which warns about a bad one itself). */
  url(value: string | undefined, base: string | undefined, context: string): string | null;
  /** The `endpoint` attribute as an absolute http(s) URL, or null. */
  endpoint(value: string): string | null;
}

const DEFAULT_FIELDS: readonly string[] = ['given_name', 'family_name', 'email', 'postal_code'];
/** Field names the `fields` attribute may list. */
const NAMES: readonly string[] = [...SIGNATURE_FIELDS, 'chapter'];

/** The view (undefined when there is nothing to join) and the attribute values it ignored. */
export function resolveJoin(s: JoinSources): { view?: JoinView; bad: AttributeProblem[] } {
  const { attributes: a, found, base, lang } = s;
  const bad: AttributeProblem[] = [];
  const join = found?.join;
  const chapters = found?.chapters ?? [];
  const own = a.endpoint ? s.endpoint(a.endpoint) : null;
  if (a.endpoint && !own) bad.push({ name: 'endpoint', value: a.endpoint, hint: 'join.use-endpoint' });
  const given = a.chapter && chapters.some((c) => c.id === a.chapter) ? a.chapter : undefined;
  if (a.chapter && !given && found) {
    bad.push({ name: 'chapter', value: a.chapter, hint: 'join.use-chapter' });
  }
  let wanted = DEFAULT_FIELDS;
  if (a.fields) {
    wanted = a.fields.split(',').map((f) => f.trim());
    for (const f of wanted) {
      if (f && !NAMES.includes(f)) {
        bad.push({ name: 'fields', value: f, hint: 'join.use-fields', params: { names: NAMES.join(', ') } });
      }
    }
  }
  // The server's join is on the feed's own server; without a join in the feed there is none to send to.
  const url = own ?? (join && base ? new URL('/api/join', base).href : null);
  if (!url) return { bad };
  const required = new Set<string>([...(join?.fields ?? []), 'email']);
  const shown: JoinField[] = SIGNATURE_FIELDS.filter((f: SignatureField) => required.has(f) || wanted.includes(f));
  if (chapters.length) shown.push('chapter');
  const view: JoinView = {
    id: s.chosen,
    url,
    title: a.heading ?? pickTranslation(join?.title, lang),
    body: pickTranslation(join?.body, lang),
    shown,
    required,
    consent: pickTranslation(join?.consent ?? s.org?.consent, lang).trim() || s.defaultConsent,
    chapters,
    given,
    confirm: !!join?.confirm,
    privacy: s.url(a.privacyUrl ?? s.org?.privacy_url, base, 'privacy URL'),
    org: s.org,
    base,
  };
  return { view, bad };
}
