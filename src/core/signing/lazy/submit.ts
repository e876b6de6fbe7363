/**
 * Sends one action (a signature, an RSVP, a join): a JSON POST with an Idempotency-Key, retried (with the same
 * key and the same bytes) on network errors, 5xx, 409 and 429 with exponential
 * backoff and full jitter, honoring Retry-After; other answers are final.
 *
 * A lazy chunk: fetched when the reader first focuses a form (or when a queued
 * action is to be sent), so a page whose readers never act does not pay for it.
 */
import type { ErrorAnswer } from '../../petition-api.js';
import { fromJson } from '../plain-data.js';
import type { Answer, Refusal } from '../signing-types.js';
import { withProof } from './proof-of-work.js';

export { prepare as prepareProof } from './proof-of-work.js';
import { dictionary } from '../../dictionary.js';

export type { Refusal };

/** An answer that is not a 2xx, or no answer at all (`status` 0, `code` "network"). */
export class SignError extends Error implements Refusal {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 0,
    readonly field?: string,
  ) {
    super(message);
  }
  get retriable(): boolean {
    return isRetriable(this.status);
  }
}

export const isRetriable = (status: number) => status === 0 || status >= 500 || status === 409 || status === 429;

export interface SendOptions {
  /** Retries after the first attempt. */
  retries?: number;
  /** First backoff ceiling, in ms; doubled each retry. */
  baseMs?: number;
  /** Longest wait between attempts, in ms (also caps Retry-After). */
  capMs?: number;
  /** Stop retrying network errors at once when the browser says it is offline. */
  stopWhenOffline?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const date = Date.parse(s);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Full jitter: a random wait between 0 and min(cap, base · 2^attempt). */
export const backoffMs = (attempt: number, baseMs: number, capMs: number, random = Math.random) =>
  Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));

async function attempt(
  url: string,
  key: string,
  body: string,
): Promise<{ answer: Answer } | { error: SignError; wait: number | null }> {
  let res: Response;
  let data: (Answer & { error?: ErrorAnswer['error'] }) | undefined;
  try {
    // Null-prototype bags: a host page's Object.prototype.method (say) is never read as ours.
    const headers = dictionary({ 'content-type': 'application/json', 'idempotency-key': key });
    res = await fetch(url, dictionary({ method: 'POST', headers, body, credentials: 'omit' as const }));
    data = (await res
      .text()
      .then(fromJson)
      .catch(() => undefined)) as typeof data;
  } catch (e) {
    return { error: new SignError('network', (e as Error).message || 'network error'), wait: null };
  }
  if (res.ok) return { answer: data ?? dictionary({}) };
  const err: Partial<ErrorAnswer['error']> = data?.error ?? dictionary({});
  return {
    error: new SignError(err.code ?? `http_${res.status}`, err.message ?? `HTTP ${res.status}`, res.status, err.field),
    wait: retryAfterMs(res.headers.get('retry-after')),
  };
}

/** `body` with proof of work added (proof-of-work.ts); failing to fetch the challenge is a network error. */
async function proofOrNetworkError(url: string, body: string): Promise<string> {
  try {
    return await withProof(url, body);
  } catch (e) {
    throw new SignError('network', (e as Error).message || 'network error');
  }
}

/** Posts `body` (the exact JSON text) to `url`; resolves with the server's answer or throws the last SignError. */
export async function sendAction(
  url: string,
  key: string,
  body: string,
  { retries = 3, baseMs = 500, capMs = 15000, stopWhenOffline = true }: SendOptions = dictionary({}),
): Promise<Answer> {
  // Solved now, as late as possible: an action queued offline gets a fresh challenge.
  // Without a challenge (the server unreachable) the POST goes as it is: its failure is retried below.
  let sent = await withProof(url, body).catch(() => body);
  let freshProof = false;
  for (let i = 0; ; i++) {
    const r = await attempt(url, key, sent);
    if ('answer' in r) return r.answer;
    const { error, wait } = r;
    // Expired on its way (a slow retry) or refused: once, a new challenge (a refused body is not stored for its key).
    if (/^challenge_/.test(error.code) && !freshProof) {
      freshProof = true;
      sent = await proofOrNetworkError(url, body);
      continue;
    }
    if (!error.retriable || i >= retries || (stopWhenOffline && !error.status && !navigator.onLine)) throw error;
    // A server that asks for a longer pause than we would wait is left alone: the caller decides.
    if (wait !== null && wait > capMs) throw error;
    await sleep(wait ?? backoffMs(i, baseMs, capMs));
  }
}
