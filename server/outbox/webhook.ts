// Webhook delivery as the Standard Webhooks specification has it: the event's id, the attempt's
// time and an HMAC-SHA256 signature over both and the body, made with the `standardwebhooks`
// library so that receivers can verify with it (or any implementation of the spec).
import { Webhook } from 'standardwebhooks';
import type { OutboxEntry } from '../storage/outbox-types.js';
import { outcomeOf, type Outcome } from './outcome.js';

const SECRET_PREFIX = 'whsec_';

/** Why a SOLIDARITY_WEBHOOK_SECRET cannot be used, or null. The spec asks for 24 to 64 random bytes. */
export function webhookSecretProblem(secret: string): string | null {
  if (!secret.startsWith(SECRET_PREFIX))
    return `must start with "${SECRET_PREFIX}" (then base64 of 24 to 64 random bytes)`;
  const b64 = secret.slice(SECRET_PREFIX.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
    return `must be "${SECRET_PREFIX}" followed by base64 (A-Z, a-z, 0-9, + and /)`;
  const bytes = Buffer.from(b64, 'base64').length;
  if (bytes < 24 || bytes > 64) return `holds ${bytes} bytes after "${SECRET_PREFIX}"; it must hold 24 to 64`;
  return null;
}

export function webhookSender(secret: string) {
  const signer = new Webhook(secret);
  return async (url: string, e: OutboxEntry, signal: AbortSignal): Promise<Outcome> => {
    const now = new Date();
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'solidarity-widgets',
        'webhook-id': e.event_id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signer.sign(e.event_id, now, e.body),
      },
      body: e.body,
      // A redirect could carry the signer's data somewhere the organization did not choose.
      redirect: 'manual',
      signal,
    });
    return outcomeOf(res);
  };
}
