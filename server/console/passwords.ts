// Organizer passwords: scrypt from node:crypto (memory-hard, no native dependency). A stored hash
// names its parameters, so they can be raised later without breaking the hashes already stored.
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase; bounds the work one request can ask of scrypt. */
export const MAX_PASSWORD_LENGTH = 1024;

// N = 2^15, r = 8: each hash needs 32 MiB of memory, which is what makes guessing in bulk costly.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, opts: ScryptOptions): Promise<Buffer> {
  const maxmem = 256 * (opts.N ?? 0) * (opts.r ?? 0);
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, { ...opts, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Why a new password is refused, or null. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `The password has ${password.length} characters; it needs at least ${MIN_PASSWORD_LENGTH}.`;
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `The password has ${password.length} characters; at most ${MAX_PASSWORD_LENGTH} are accepted.`;
  }
  return null;
}

/** "scrypt$N$r$p$salt$key", salt and key in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key || password.length > MAX_PASSWORD_LENGTH) return false;
  const want = Buffer.from(key, 'base64');
  const got = await scrypt(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return got.length === want.length && timingSafeEqual(got, want);
}

/** Compared against when the email is unknown, so an unknown email costs the same time as a wrong password. */
export const DECOY_HASH = [
  'scrypt',
  PARAMS.N,
  PARAMS.r,
  PARAMS.p,
  Buffer.alloc(16).toString('base64'),
  Buffer.alloc(KEY_LENGTH).toString('base64'),
].join('$');
