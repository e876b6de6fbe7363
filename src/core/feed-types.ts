/** Feed format version 1 (see DESIGN.md). Shared by the widgets and the server. */

/** A text field: plain, or translations keyed by language tag (`{ "en": …, "es": … }`). */
export type Text = string | Record<string, string>;

export interface Org {
  name?: Text;
  url?: string;
  logo?: string;
  color?: string;
  privacy_url?: string;
  consent?: Text;
}

export interface Plank {
  id: string;
  number: number;
  title: Text;
  summary?: Text;
  body?: Text;
  tags: string[];
}

export interface Petition {
  id: string;
  title: Text;
  target?: Text;
  body?: Text;
  goal?: number;
  closes?: string;
  consent?: Text;
  fields?: string[];
  endpoint?: string;
  /** The Action Network petition (its id or API URL) that receives each signature too. */
  action_network?: string;
  /** Signatures count once the signer confirms by email (issue 19). */
  confirm?: boolean;
  /** Live count, added by the server when it serves the feed. */
  count?: number;
}

export interface Chapter {
  id: string;
  name: Text;
  city?: string;
  region?: string;
  country?: string;
  lat: number;
  lng: number;
  email?: string;
  url?: string;
  meets?: Text;
  postal_codes?: string[];
}

export interface DonateSettings {
  provider?: string;
  account?: string;
  template?: string;
  amounts?: number[];
  currency?: string;
  recurring?: boolean;
  default_amount?: number;
  min?: number;
  max?: number;
  goal?: number;
  raised?: number;
  refcode?: string;
}

/** Where an event is held in person (an event has this or `online_url`). */
export interface EventLocation {
  name: Text;
  address?: Text;
  lat?: number;
  lng?: number;
}

/** An event readers can see and RSVP to (issue 21). */
export interface SolidarityEvent {
  id: string;
  title: Text;
  description?: Text;
  /** ISO 8601 with an offset, e.g. `2027-01-14T19:00:00-06:00`. */
  starts: string;
  ends?: string;
  /** The IANA time zone it is held in, e.g. `America/Chicago`. */
  timezone: string;
  online_url?: string;
  location?: EventLocation;
  /** The id of the chapter holding it. */
  chapter?: string;
  rsvp?: boolean;
  /** Seats; further RSVPs join a waiting list. */
  capacity?: number;
  fields?: string[];
  consent?: Text;
  /** The languages it is held in (language tags). */
  lang?: string[];
  /** Live counts, added by the server when it serves the feed. */
  going?: number;
  waitlisted?: number;
}

/** The membership sign-up (issue 21): the petition's field names plus `chapter`. */
export interface JoinSettings {
  title?: Text;
  body?: Text;
  fields?: string[];
  consent?: Text;
  /** Members count once they confirm by email (issue 19). */
  confirm?: boolean;
}

export interface Feed {
  version: 1;
  org: Org;
  platform: Plank[];
  petitions: Petition[];
  chapters: Chapter[];
  donate?: DonateSettings;
  events?: SolidarityEvent[];
  join?: JoinSettings;
}

/**
 * A feed as pages load it: chapters, events and join not yet checked (only a map needs the
 * chapters, see chapter-check.ts; only an event list or a join form the others, see event-check.ts).
 */
export type PageFeed = Omit<Feed, 'chapters' | 'events' | 'join'> & {
  chapters: unknown;
  events?: unknown;
  join?: unknown;
};

export interface FeedProblem {
  /** JSON path of the problem, e.g. `$.platform[3].title`. */
  path: string;
  message: string;
}

/** Signature body keys a petition may ask for (DESIGN.md, "Signature body"). */
export const SIGNATURE_FIELDS = [
  'given_name',
  'family_name',
  'email',
  'postal_code',
  'country',
  'phone',
  'comment',
] as const;
export type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/** Body keys a join form may ask for: a signature's, plus the chapter the member joins. */
export const JOIN_FIELDS = [...SIGNATURE_FIELDS, 'chapter'] as const;
export type JoinField = (typeof JOIN_FIELDS)[number];
