/**
 * The offline queue (DESIGN.md): signatures, RSVPs and joins that could not be sent, kept in the
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
 *
 * Entries saved before actions had kinds hold `petition` instead of `kind` and `id`; the
 * delivery reads them as petitions (lazy/queue-flush.ts).
 *
 * This file is what the entry needs (saving an action, offline too); sending what is
 * queued is in lazy/queue-flush.ts. The queue is written and read with plain-data.ts, so a
 * host page's prototype methods cannot turn it into something else.
 */
import { fromJson, toJson } from './plain-data.js';

export const QUEUE_KEY = 'solidarity-widgets';
export const MAX_AGE_MS = 7 * 24 * 3600_000;
export const LEASE_MS = 60_000;

export interface QueuedAction {
  /** Idempotency-Key, kept from the first attempt. */
  key: string;
  /** Where it is POSTed (a petition's `…/signatures`, an event's `…/rsvps`, `…/api/join`). */
  url: string;
  /** The exact JSON body first sent, so a retry is byte-identical. */
  body: string;
  /** The action's kind (`petition`, `rsvp`, `join`): which forms hear of its delivery. */
  kind: string;
  /** The action's id within its kind (a petition's, an event's; '' for a join). */
  id: string;
  /** When it was queued (ms since the epoch). */
  at: number;
  /** Claimed by a flush until this time. */
  lease?: number;
}

/** An entry as a form makes it, before the queue stamps it. */
export type ActionEntry = Omit<QueuedAction, 'at' | 'lease'>;

const valid = (e: QueuedAction) =>
  !!e &&
  typeof e.key === 'string' &&
  typeof e.url === 'string' &&
  typeof e.body === 'string' &&
  typeof e.at === 'number';

export function read(): QueuedAction[] {
  try {
    const v = fromJson(localStorage.getItem(QUEUE_KEY) ?? 'null') as { queue?: unknown } | null;
    return Array.isArray(v?.queue) ? v.queue.filter(valid) : [];
  } catch {
    return [];
  }
}

export function write(queue: QueuedAction[]): void {
  if (queue.length) localStorage.setItem(QUEUE_KEY, toJson({ queue }));
  else localStorage.removeItem(QUEUE_KEY);
}

/** Runs `fn` under a cross-tab lock where the browser has Web Locks. */
export function locked<T>(fn: () => T): Promise<T> {
  return navigator.locks ? navigator.locks.request(QUEUE_KEY, fn) : Promise.resolve().then(fn);
}

/** A fresh idempotency key: a UUID, or 32 random hex digits where randomUUID is missing (a plain-http host page). */
export const newKey = (): string =>
  crypto.randomUUID?.() ??
  [...crypto.getRandomValues(new Uint8Array(16))].map((x) => x.toString(16).padStart(2, '0')).join('');

export function hasQueued(): boolean {
  try {
    return localStorage.getItem(QUEUE_KEY) !== null;
  } catch {
    return false;
  }
}

/**
 * Saves an action (replacing one with the same key); `lease` > now while this page is
 * sending it itself. False when storage is unavailable (private mode, full, blocked).
 */
export function enqueue(entry: ActionEntry, lease = 0): Promise<boolean> {
  return locked(() => {
    write([...read().filter((e) => e.key !== entry.key), { ...entry, at: Date.now(), lease }]);
    return true;
  }).catch(() => false);
}
