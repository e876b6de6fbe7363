/**
 * The petition API (docs/design.md, "The server"), written once: the shapes of its requests and
 * answers and the longest value each field may hold (the email rule is email-address.ts). The
 * server (server/validate.ts) enforces them; `<petition-form>` checks the same before sending,
 * and the fakes (Storybook, story tests) answer in these shapes.
 */
import type { Org, Petition, SignatureField, Text } from './feed-types.js';

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
  /** The widget's language: a confirmation email and page use it. */
  lang?: string;
  /** A solved proof-of-work challenge (GET /api/challenge), base64 JSON. */
  altcha?: string;
};

/** `201` to a signature, the same for a new signer, a repeat and a honeypot hit. */
export interface SignatureAnswer {
  count: number;
}

/** Every non-2xx answer. */
export interface ErrorAnswer {
  error: { code: string; message: string; field?: string };
}

/** The `GET /api/petitions/:id` answer for a feed's petition: what the server sends, and what every fake must. */
export function petitionAnswer(p: Petition, org: Org | undefined, count: number): PetitionAnswer {
  return {
    id: p.id,
    title: p.title,
    goal: p.goal ?? null,
    count,
    closes: p.closes ?? null,
    fields: (p.fields ?? []) as SignatureField[],
    consent: p.consent ?? org?.consent ?? null,
  };
}
