// Proof of work in the ALTCHA format, protocol v1 (altcha-lib/v1): the server hands out
// challenges signed with its own HMAC key; a signature POST carries one solved, in the field
// `altcha` (base64 of the JSON payload). Each challenge signs once and for at most ten minutes:
// its signature is recorded as spent in the database. Challenges are made by altcha-lib; the
// solution is checked as altcha-lib's verifySolution checks it, with node:crypto (see solves()).
import { createHmac, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createChallenge, extractParams } from 'altcha-lib/v1';
import type { Challenge, Payload } from 'altcha-lib/v1/types';
import { ApiError } from './errors.js';
import type { SignatureStore, SpentChallenge } from './storage/types.js';

export const CHALLENGE_TTL_MS = 10 * 60_000;
/**
 * The answer lies in 0..MAX_NUMBER: on average a client hashes half of it. Set from
 * `npm run bench:pow` so that a phone at 4× CPU slowdown solves an average one in about a second.
 */
export const MAX_NUMBER = 60_000;
/** The name of the stored key in server_secrets. */
const KEY_NAME = 'altcha_hmac_key';
/** Longer is not an ALTCHA payload: refused before any hashing. */
const MAX_PAYLOAD_CHARS = 2000;

export const challengeRequired = () =>
  new ApiError(
    400,
    'challenge_required',
    'A solved challenge (GET /api/challenge) must be sent in the field altcha.',
    'altcha',
  );
const challengeInvalid = (why: string) =>
  new ApiError(400, 'challenge_invalid', `The challenge in the field altcha ${why}; fetch a new one.`, 'altcha');
/** sign() found the challenge spent already. */
export const challengeUsed = () => challengeInvalid('was already used');

/** The payload's JSON, if it has the shape ALTCHA clients send; null otherwise. */
function decode(altcha: string): Payload | null {
  if (altcha.length > MAX_PAYLOAD_CHARS || !/^[A-Za-z0-9+/]+={0,2}$/.test(altcha)) return null;
  let p: Partial<Payload>;
  try {
    p = JSON.parse(Buffer.from(altcha, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  const hex = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
  if (!p || typeof p !== 'object' || p.algorithm !== 'SHA-256' || !hex(p.challenge) || !hex(p.signature)) return null;
  if (typeof p.salt !== 'string' || !Number.isSafeInteger(p.number) || p.number! < 0) return null;
  return p as Payload;
}

/**
 * Whether `p` is a challenge signed with `hmacKey` and `p.number` solves it: the two checks of
 * altcha-lib's v1 verifySolution (the signature is the HMAC of the challenge; the challenge is
 * the SHA-256 of the salt, closed by `&`, and the number), made with node:crypto. verifySolution
 * makes three WebCrypto calls, each a round trip through libuv's thread pool that cost the
 * signing thread far more than the hashing; these take microseconds, in line. The HMAC comes
 * first, so a forged payload costs one HMAC. `decode` has made sure both are 64 hex digits.
 */
export function solves(p: Payload, hmacKey: string): boolean {
  const mac = createHmac('sha256', hmacKey).update(p.challenge).digest();
  if (!timingSafeEqual(Buffer.from(p.signature, 'hex'), mac)) return false;
  const salt = p.salt.endsWith('&') ? p.salt : `${p.salt}&`;
  return hash('sha256', `${salt}${p.number}`) === p.challenge; // public values: no need for constant time
}

export class Challenges {
  private hmacKey = '';

  /** envKey: SOLIDARITY_CHALLENGE_KEY; without it the key stored in the database (made on first start). */
  constructor(
    private readonly store: SignatureStore,
    private readonly envKey?: string,
  ) {}

  /** Loads the key; call once the store is open, before the first request. */
  async load(): Promise<void> {
    this.hmacKey = this.envKey || (await this.store.secret(KEY_NAME, randomBytes(32).toString('hex')));
  }

  create(now = Date.now()): Promise<Challenge> {
    return createChallenge({
      hmacKey: this.hmacKey,
      maxnumber: MAX_NUMBER,
      expires: new Date(now + CHALLENGE_TTL_MS),
    });
  }

  /**
   * The challenge to record as spent with the signature (storage sign()), if `altcha` is solved,
   * ours and fresh; else throws challenge_required / challenge_invalid.
   */
  async check(altcha: unknown, now = Date.now()): Promise<SpentChallenge> {
    if (altcha === undefined || altcha === null || altcha === '') throw challengeRequired();
    if (typeof altcha !== 'string') throw challengeInvalid('is not text (base64 of the solved challenge)');
    const payload = decode(altcha);
    if (!payload) throw challengeInvalid('is not a solved ALTCHA challenge (base64 JSON, SHA-256)');
    const expires = Number(extractParams(payload).expires) * 1000;
    // Our challenges all carry an expiry; one without, or further out than we give, is not ours.
    if (!Number.isFinite(expires) || expires > now + CHALLENGE_TTL_MS) throw challengeInvalid('was not issued here');
    if (expires < now) throw challengeInvalid('has expired (they last 10 minutes)');
    if (!solves(payload, this.hmacKey)) {
      throw challengeInvalid('is not solved, or was not issued here');
    }
    return { signature: payload.signature, expiresAt: new Date(expires) };
  }
}
