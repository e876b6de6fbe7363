// Signature body checks. Types and lengths are a static JSON schema that Fastify validates
// before the handler; what depends on the petition (required fields, its consent text) and
// the email normalization happen in checkSignature.
import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { Petition, Text, Org } from '../src/core/feed-types.js';
import { emailAddress } from '../src/core/email-address.js';
import { CONSENT_MAX_LENGTH, FIELD_MAX_LENGTH } from '../src/core/petition-api.js';
import { ApiError } from './errors.js';

const str = (maxLength: number) => ({ type: ['string', 'null'], maxLength });

/** Optional text fields of the signature body and their longest accepted length. */
export const TEXT_FIELDS = FIELD_MAX_LENGTH;
type TextField = keyof typeof TEXT_FIELDS;

export const signatureSchema = {
  type: 'object',
  properties: {
    ...Object.fromEntries(Object.entries(TEXT_FIELDS).map(([k, n]) => [k, str(n)])),
    consent: {
      type: 'object',
      properties: { granted: { type: 'boolean' }, text: str(CONSENT_MAX_LENGTH) },
    },
    website: {},
  },
} as const;

export interface SignatureBody {
  [k: string]: unknown;
  consent?: { granted?: boolean; text?: string | null };
  website?: unknown;
}

/** Turns a schema validation error (ajv) into our error codes. */
export function schemaError(v: { instancePath: string; keyword?: string; params?: Record<string, unknown> }): ApiError {
  const field = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
  if (field === '') return new ApiError(400, 'invalid_json', 'The body must be a JSON object.');
  if (field === 'consent' || field === 'consent.granted') {
    return new ApiError(400, 'consent_required', 'Consent must be given: consent.granted must be true.', 'consent');
  }
  const message =
    v.keyword === 'maxLength'
      ? `${field} is too long (at most ${String(v.params?.limit)} characters).`
      : `${field} must be text.`;
  return new ApiError(400, 'invalid_field', message, field);
}

/** Trimmed, NFC, lower-cased, domain in IDNA ASCII form; null when it is not an address (the shared rule). */
export function normalizeEmail(raw: string): string | null {
  return emailAddress(raw.trim().normalize('NFC').toLowerCase(), domainToASCII);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LINE_BREAK = /[\r\n]/;

/** Texts a consent may be given for: every translation of the petition's, else the org's. */
export function consentTexts(petition: Petition, org: Org | undefined): string[] | null {
  const c: Text | undefined = petition.consent ?? org?.consent;
  if (c === undefined) return null;
  return (typeof c === 'string' ? [c] : Object.values(c)).map((t) => t.trim().normalize('NFC'));
}

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export interface CheckedSignature {
  fields: Record<TextField, string | null>;
  email: string;
  consentSha256: string | null;
  honeypot: boolean;
}

/** Checks a schema-valid body against one petition. Throws ApiError (400). */
export function checkSignature(
  body: SignatureBody,
  petition: Petition,
  org: Org | undefined,
  /** What the body answers, in messages: a petition, an event, a join form. */
  noun = 'petition',
): CheckedSignature {
  const fields = {} as Record<TextField, string | null>;
  for (const key of Object.keys(TEXT_FIELDS) as TextField[]) {
    const v = body[key];
    if (typeof v !== 'string') {
      fields[key] = null;
      continue;
    }
    // Lone surrogates and control characters cannot be stored faithfully (Postgres refuses
    // NUL) and no person types them.
    if (LONE_SURROGATE.test(v) || CONTROL.test(v) || (key !== 'comment' && LINE_BREAK.test(v))) {
      throw new ApiError(400, 'invalid_field', `${key} contains characters that are not allowed.`, key);
    }
    const t = v.trim().normalize('NFC');
    fields[key] = t === '' ? null : t;
  }

  const consent = body.consent;
  if (!consent || consent.granted !== true) {
    throw new ApiError(400, 'consent_required', 'Consent must be given: consent.granted must be true.', 'consent');
  }
  if (fields.email === null) throw new ApiError(400, 'invalid_field', 'An email address is required.', 'email');
  const email = normalizeEmail(fields.email);
  if (!email) throw new ApiError(400, 'invalid_field', 'This is not a valid email address.', 'email');
  fields.email = email;

  for (const f of petition.fields ?? []) {
    if (f in TEXT_FIELDS && fields[f as TextField] === null) {
      throw new ApiError(400, 'invalid_field', `${f} is required for this ${noun}.`, f);
    }
  }

  const text = typeof consent.text === 'string' ? consent.text : null;
  if (text !== null && (LONE_SURROGATE.test(text) || text.includes('\u0000'))) {
    throw new ApiError(400, 'invalid_field', 'consent.text contains characters that are not allowed.', 'consent.text');
  }
  const allowed = consentTexts(petition, org);
  if (allowed && (text === null || !allowed.includes(text.trim().normalize('NFC')))) {
    throw new ApiError(
      400,
      'invalid_field',
      `consent.text must be the ${noun}'s consent text, in one of its languages.`,
      'consent.text',
    );
  }

  const website = body.website;
  const honeypot = typeof website === 'string' ? website.trim() !== '' : website != null && website !== false;
  return { fields, email, consentSha256: text === null ? null : sha256(text.trim().normalize('NFC')), honeypot };
}
