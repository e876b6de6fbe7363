/**
 * The petition API (docs/design.md, "The server"), written once: the shapes of its requests and
 * answers, the longest value each field may hold and the rule for an email address. The server
 * (server/validate.ts) enforces them; `<petition-form>` checks the same before sending, and the
 * fakes (Storybook, story tests) answer in these shapes.
 */
import type { SignatureField, Text } from './feed-types.js';

/** Longest accepted length (after trimming) of each text field of a signature body. */
export const FIELD_MAX_LENGTH = {
  given_name: 200,
  family_name: 200,
  email: 320,
  postal_code: 32,
  country: 100,
  phone: 40,
  comment: 4000,
  source: 200,
} as const satisfies Record<SignatureField | 'source', number>;

/** Longest consent text a body may carry. */
export const CONSENT_MAX_LENGTH = 8000;

/** `GET /api/petitions/:id`: the petition as the server will take signatures for it. */
export interface PetitionAnswer {
  id: string;
  title: Text;
  goal: number | null;
  count: number;
  closes: string | null;
  /** Fields the server requires besides `email`. */
  fields: SignatureField[];
  /** The consent text a signature must repeat (in one of its languages), or null when none is required. */
  consent: Text | null;
}

/** `POST /api/petitions/:id/signatures` (with an `Idempotency-Key` header). */
export type SignatureRequest = { [F in SignatureField]?: string } & {
  consent: { granted: boolean; text?: string | null };
  source?: string;
  /** The honeypot: people leave it empty. */
  website?: string;
};

/** `201` to a signature, the same for a new signer, a repeat and a honeypot hit. */
export interface SignatureAnswer {
  count: number;
}

/** Every non-2xx answer. */
export interface ErrorAnswer {
  error: { code: string; message: string; field?: string };
}

/** Format characters (zero-width, bidi overrides, soft hyphen…) make look-alike addresses. */
const FORMAT_CHARACTER = /\p{Cf}/u;
const LOCAL_FORBIDDEN = /[\s\p{Cc}@<>,;"]/u;
/** Host names only: letters, digits and inner hyphens, a top-level label of two letters at least (no IP literal). */
const HOST_NAME = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * The address with its domain in IDNA ASCII form, or null when it is not one a person can receive
 * mail at. `toAscii` converts a domain (lower-cased; '' or a throw when it cannot): the server
 * passes node's `domainToASCII`, the browser its URL parser.
 */
export function emailAddress(value: string, toAscii: (domain: string) => string): string | null {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at < 1 || FORMAT_CHARACTER.test(v)) return null;
  const local = v.slice(0, at);
  if (local.length > 64 || LOCAL_FORBIDDEN.test(local)) return null;
  let domain: string;
  try {
    domain = toAscii(v.slice(at + 1));
  } catch {
    return null;
  }
  const address = `${local}@${domain}`;
  return HOST_NAME.test(domain) && address.length <= 254 ? address : null;
}
