/**
 * Sending what the offline queue (offline-queue.ts) holds, exactly once across widgets
 * and tabs; a lazy chunk, loaded by delivery.ts when something is queued and by the flow.
 */
import { lazy } from '../../../core/lazy.js';
import { LEASE_MS, locked, MAX_AGE_MS, read, write, type QueuedSignature } from '../offline-queue.js';
import type { Refusal } from './submit.js';
import { dictionary } from '../../../core/dictionary.js';

/** The sending code, its own chunk (shared with the flow). */
export const submit = lazy(() => import('./submit.js'));

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
    write(
      remove
        ? queue.filter((e) => !keys.includes(e.key))
        : queue.map((e) => (keys.includes(e.key) ? { ...e, lease: 0 } : e)),
    );
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
    const { sendSignature } = await submit.load();
    const claimed = await claim(Date.now());
    for (let i = 0; i < claimed.length; i++) {
      const entry = claimed[i];
      try {
        const count = await sendSignature(entry.url, entry.key, entry.body, dictionary({ retries: 2 }));
        await settle([entry.key], true);
        report(entry, { count });
      } catch (e) {
        const error = e as Refusal;
        if (error.retriable) {
          await settle(
            claimed.slice(i).map((c) => c.key),
            false,
          );
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
