/**
 * The petition as `<petition-form>` shows it, resolved from three sources: the feed's petition,
 * the element's attributes (which win) and, with no feed, the server's answer. Pure.
 */
import {
  SIGNATURE_FIELDS,
  type PageFeed,
  type Org,
  type Petition,
  type SignatureField,
  type Text,
} from '../../core/feed-types.js';
import type { AttributeProblem } from '../../core/attribute-check.js';
import { pickTranslation } from '../../core/translations.js';
import { dictionary } from '../../core/dictionary.js';
import type { ActionView } from '../../core/signing/signing-types.js';

/** The petition as this widget uses it: feed values with attributes on top. */
export interface PetitionView extends ActionView {
  id: string;
  title: string;
  target: string;
  body: string;
  goal?: number;
  closes?: string;
  consent: string;
  required: Set<string>;
  shown: SignatureField[];
  endpoint: string;
  /** Where signatures go: `endpoint + "/signatures"`. */
  url: string;
  privacy: string | null;
  /** The feed's organization, as the feed has it (lazy/origin-refused.ts names it and links to its site). */
  org?: Org;
  base?: string;
  /** The signer confirms by email (the feed's "confirm"): the thanks says to check the inbox. */
  confirm?: boolean;
}

/** The attributes that shape the view (see petition-form.ts). */
export interface PetitionAttributes {
  petition?: string;
  endpoint?: string;
  heading?: string;
  goal?: string;
  fields?: string;
  privacyUrl?: string;
}

/** What the server answered for the petition (GET), as far as it is usable. */
export interface ServerPetition {
  goal?: number;
  closes?: string;
  fields?: SignatureField[];
  consent?: Text;
  title?: Text;
}

export interface ViewSources {
  attributes: PetitionAttributes;
  feed?: PageFeed;
  /** The feed's URL: the base of its relative URLs. */
  base?: string;
  server: ServerPetition;
  lang: string;
  /** The consent text when neither the feed nor the server has one, in the reader's language. */
  defaultConsent: string;
  /** A checked absolute URL, or null (safeUrl, which warns about a bad one itself). */
  url(value: string | undefined, base: string | undefined, context: string): string | null;
  /** The `endpoint` attribute as an absolute http(s) URL, or null (no warning: the attribute check explains). */
  endpoint(value: string): string | null;
}

const DEFAULT_FIELDS: readonly string[] = ['given_name', 'family_name', 'email', 'postal_code'];

export const feedPetition = (feed: PageFeed | undefined, id: string | undefined): Petition | undefined =>
  id ? feed?.petitions.find((p) => p.id === id) : undefined;

/** The view (undefined when there is no petition to show) and the attribute values it ignored. */
export function resolvePetition(s: ViewSources): { view?: PetitionView; bad: AttributeProblem[] } {
  const { attributes: a, feed, base, lang } = s;
  const bad: AttributeProblem[] = [];
  const p = feedPetition(feed, a.petition);
  // The feed's petition says what it requires; the server's answer then only adds a goal or closing date.
  const server: ServerPetition = p ? dictionary({ goal: s.server.goal, closes: s.server.closes }) : s.server;
  const own = a.endpoint ? s.endpoint(a.endpoint) : null;
  if (a.endpoint && !own) bad.push({ name: 'endpoint', value: a.endpoint, hint: 'petition.use-endpoint' });
  const endpoint =
    own ??
    s.url(p?.endpoint, base, 'petition endpoint') ??
    (p && base ? new URL(`/api/petitions/${encodeURIComponent(p.id)}`, base).href : null);
  if (!endpoint) return { bad };
  const id =
    p?.id ?? a.petition ?? decodeURIComponent(new URL(endpoint).pathname.split('/').filter(Boolean).pop() ?? '');
  const required = new Set<string>([...(p?.fields ?? server.fields ?? []), 'email']);
  let wanted = DEFAULT_FIELDS;
  if (a.fields) {
    wanted = a.fields.split(',').map((f) => f.trim());
    for (const f of wanted) {
      if (f && !(SIGNATURE_FIELDS as readonly string[]).includes(f)) {
        bad.push({
          name: 'fields',
          value: f,
          hint: 'petition.use-fields',
          params: { names: SIGNATURE_FIELDS.join(', ') },
        });
      }
    }
  }
  let goal = p?.goal ?? server.goal;
  if (a.goal) {
    const g = Number(a.goal);
    if (Number.isInteger(g) && g > 0) goal = g;
    else bad.push({ name: 'goal', value: a.goal, hint: 'petition.use-goal' });
  }
  const view: PetitionView = {
    id,
    title: a.heading ?? pickTranslation(p?.title ?? server.title, lang),
    target: pickTranslation(p?.target, lang),
    body: pickTranslation(p?.body, lang),
    goal,
    closes: p?.closes ?? server.closes,
    consent: pickTranslation(p?.consent ?? feed?.org.consent ?? server.consent, lang).trim() || s.defaultConsent,
    required,
    shown: SIGNATURE_FIELDS.filter((f) => required.has(f) || wanted.includes(f)),
    endpoint: endpoint.replace(/\/*$/, ''),
    url: endpoint.replace(/\/*$/, '/signatures'),
    privacy: s.url(a.privacyUrl ?? feed?.org.privacy_url, base, 'privacy URL'),
    org: feed?.org,
    base,
    confirm: p?.confirm,
  };
  return { view, bad };
}

/** A date in the reader's language, long form. */
export function longDate(iso: string, lang: string): string {
  const d = new Date(iso);
  try {
    return d.toLocaleDateString(lang, dictionary({ dateStyle: 'long' as const }));
  } catch {
    return d.toDateString(); // a language tag the browser refuses
  }
}
