/**
 * The offline queue (DESIGN.md): signatures that could not be sent, kept in the
 * host site's localStorage under ONE key, `solidarity-widgets`, each with its
 * idempotency key and the exact body bytes, and sent when the connection returns
 * or when any page of the site carrying the widget loads. Deleted on delivery or
 * after 7 days. A signature is written here before its first send too (leased to
 * the sending page), so one whose page is closed mid-send is delivered by the next.
 *
 * Exactly once across widgets and tabs: a flush first claims entries (a lease
 * timestamp written under a Web Lock where the browser has one), so two flushes
 * never send the same entry at the same time; a tab that dies mid-send lets its
 * lease run out. Should a duplicate ever go out, the server's idempotency makes it
 * a replay, not a second signature.
 */
import type { Refusal } from './submit.js';

export const QUEUE_KEY = 'solidarity-widgets';
export const MAX_AGE_MS = 7 * 24 * 3600_000;
export const LEASE_MS = 60_000;

export interface QueuedSignature {
  /** Idempotency-Key, kept from the first attempt. */
  key: string;
  /** The signatures URL (`endpoint + "/signatures"`). */
  url: string;
  /** The exact JSON body first sent, so a retry is byte-identical. */
  body: string;
  petition: string;
  /** When it was queued (ms since the epoch). */
  at: number;
  /** Claimed by a flush until this time. */
  lease?: number;
}

const valid = (e: QueuedSignature) =>
  !!e && typeof e.key === 'string' && typeof e.url === 'string' && typeof e.body === 'string' && typeof e.at === 'number';

function read(): QueuedSignature[] {
  try {
    const v = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? 'null');
    return Array.isArray(v?.queue) ? v.queue.filter(valid) : [];
  } catch {
    return [];
  }
}

function write(queue: QueuedSignature[]): void {
  if (queue.length) localStorage.setItem(QUEUE_KEY, JSON.stringify({ queue }));
  else localStorage.removeItem(QUEUE_KEY);
}

/** Runs `fn` under a cross-tab lock where the browser has Web Locks. */
function locked<T>(fn: () => T): Promise<T> {
  return navigator.locks ? navigator.locks.request(QUEUE_KEY, fn) : Promise.resolve().then(fn);
}

export function hasQueued(): boolean {
  try {
    return localStorage.getItem(QUEUE_KEY) !== null;
  } catch {
    return false;
  }
}

/**
 * Saves a signature (replacing one with the same key); `lease` > now while this page is
 * sending it itself. False when storage is unavailable (private mode, full, blocked).
 */
export function enqueue(entry: Omit<QueuedSignature, 'at' | 'lease'>, lease = 0): Promise<boolean> {
  return locked(() => {
    write([...read().filter((e) => e.key !== entry.key), { ...entry, at: Date.now(), lease }]);
    return true;
  }).catch(() => false);
}

/** Takes every entry no one else is sending; drops expired ones. */
function claim(now: number): Promise<QueuedSignature[]> {
  return locked(() => {
    const queue = read().filter((e) => now - e.at < MAX_AGE_MS);
    const mine = queue.filter((e) => !((e.lease ?? 0) > now));
    for (const e of mine) e.lease = now + LEASE_MS;
    write(queue);
    return mine.map((e) => ({ ...e }));
  });
}

/** Removes delivered (or hopeless) entries, or gives them back for a later flush. */
export function settle(keys: string[], remove: boolean): Promise<void> {
  return locked(() => {
    const queue = read();
    write(remove ? queue.filter((e) => !keys.includes(e.key)) : queue.map((e) => (keys.includes(e.key) ? { ...e, lease: 0 } : e)));
  }).catch(() => {});
}

export type Delivery = { count: number } | { error: Refusal };

let running: Promise<void> | undefined;

/**
 * Sends what is queued, oldest first; `report` hears each delivery (or final refusal).
 * A retriable failure (still offline, server down) stops the flush and leaves the rest for later.
 * One flush at a time per page.
 */
export function flushQueue(report: (entry: QueuedSignature, result: Delivery) => void): Promise<void> {
  return (running ??= (async () => {
    // Fetched before claiming: offline, the chunk may not come, and nothing is claimed.
    const { sendSignature } = await import('./submit.js');
    const claimed = await claim(Date.now());
    for (let i = 0; i < claimed.length; i++) {
      const entry = claimed[i];
      try {
        const count = await sendSignature(entry.url, entry.key, entry.body, { retries: 2 });
        await settle([entry.key], true);
        report(entry, { count });
      } catch (e) {
        const error = e as Refusal;
        if (error.retriable) {
          await settle(claimed.slice(i).map((c) => c.key), false);
          return;
        }
        await settle([entry.key], true);
        report(entry, { error });
      }
    }
  })()
    .catch(() => {}) // no chunk (offline) or no storage: the entries stay for later
    .finally(() => (running = undefined)));
}
