// Idempotency-Key handling for signature POSTs (DESIGN.md, "Idempotency"): a 2xx answer is
// stored per petition and key with the SHA-256 of the raw body; the same key and body replays
// it, another body is 422, a key still being worked on is 409. Non-2xx answers are not stored.
import { ApiError } from './errors.js';
import type { IdempotencyRecord, SignatureStore } from './storage/types.js';
import { sha256 } from './validate.js';

/** Records are kept at least this long (DESIGN.md: at least 7 days). */
export const KEEP_KEYS_MS = 8 * 24 * 3600_000;

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Reads the header; null when the client sent none. */
export function idempotencyRecord(petition: string, header: unknown, rawBody: Buffer): IdempotencyRecord | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !KEY.test(header)) {
    throw new ApiError(
      400,
      'invalid_field',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      'Idempotency-Key',
    );
  }
  return { petition, key: header, bodySha256: sha256(rawBody) };
}

/** Claims the key. Returns a stored answer to replay, or null when the caller should proceed. */
export async function claimKey(
  store: SignatureStore,
  rec: IdempotencyRecord,
  now: Date,
): Promise<{ status: number; body: string } | null> {
  const claim = await store.claim(rec, now);
  switch (claim.state) {
    case 'new':
      return null;
    case 'replay':
      return { status: claim.status, body: claim.body };
    case 'mismatch':
      throw new ApiError(422, 'idempotency_key_reused', 'This Idempotency-Key was already used with a different body.');
    case 'in_progress':
      throw new ApiError(
        409,
        'in_progress',
        'A request with this Idempotency-Key is still being processed; retry shortly.',
      );
  }
}
