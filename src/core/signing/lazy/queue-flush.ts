/**
 * Sending what the offline queue (offline-queue.ts) holds, exactly once across forms
 * and tabs, each entry to its own URL; with the engine (engine.ts), loaded by delivery.ts when
 * something is queued and by a form's flow.
 */
import { lazy } from '../../lazy.js';
import { LEASE_MS, locked, MAX_AGE_MS, read, write, type QueuedAction } from '../offline-queue.js';
import type { Delivery, Refusal } from '../signing-types.js';
import { dictionary } from '../../dictionary.js';

/** The sending code, its own chunk (shared with the flow). */
export const submit = lazy(() => import('./submit.js'));

/** An entry saved before actions had kinds holds `petition` (its id) instead of `kind` and `id`. */
const asAction = (e: QueuedAction & { petition?: string }): QueuedAction => ({
  ...e,
  kind: e.kind ?? 'petition',
  id: e.id ?? e.petition ?? '',
});

/** Takes every entry no one else is sending; drops expired ones. */
function claim(now: number): Promise<QueuedAction[]> {
  return locked(() => {
    const queue = read().filter((e) => now - e.at < MAX_AGE_MS);
    const mine = queue.filter((e) => !((e.lease ?? 0) > now));
    for (const e of mine) e.lease = now + LEASE_MS;
    write(queue);
    return mine.map(asAction);
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

let running: Promise<void> | undefined;

/**
 * Sends what is queued, oldest first; `report` hears each delivery (or final refusal).
 * A retriable failure (still offline, server down) stops the flush and leaves the rest for later.
 * One flush at a time per page.
 */
export function flushQueue(report: (entry: QueuedAction, result: Delivery) => void): Promise<void> {
  return (running ??= (async () => {
    // Fetched before claiming: offline, the chunk may not come, and nothing is claimed.
    const { sendAction } = await submit.load();
    const claimed = await claim(Date.now());
    for (let i = 0; i < claimed.length; i++) {
      const entry = claimed[i];
      try {
        const answer = await sendAction(entry.url, entry.key, entry.body, dictionary({ retries: 2 }));
        await settle([entry.key], true);
        report(entry, { answer });
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
