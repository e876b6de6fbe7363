// The link from an idempotency record to the signer whose request it answered, so that erasing
// a signer removes those records too. A hash rather than the address: the records need only
// match, never show, who signed.
import { sha256 } from '../validate.js';

export const signerHash = (petition: string, email: string) => sha256(`${petition}\0${email}`);
