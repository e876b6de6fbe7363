/**
 * Page-wide delivery of queued actions (offline-queue.ts): whatever this page or an earlier one
 * saved is sent when a form connects, when the browser comes back online, and each minute while
 * some is left, by any form's flow. Each entry goes to its own URL, whichever form sends it; its delivery is reported
 * to one form of its kind: one showing the same action, else any (lazy/engine.ts).
 */
import { yieldToPage } from '../base-element.js';
import { hasQueued, LEASE_MS } from './offline-queue.js';
import type { Signing } from './signing-types.js';

/** The signings of the connected forms: they hear of queued actions delivered (or refused for good). */
const receivers = new Set<Signing>();
let retry: ReturnType<typeof setTimeout> | undefined;

/** Sends what is queued now; while some is left, tries again each minute. */
export function flush(): void {
  clearTimeout(retry);
  if (receivers.size && hasQueued()) {
    // Any form's flow delivers (each carries the engine's deliverQueued, lazy/engine.ts).
    [...receivers][0].flow.load().then(
      (m) => m.deliverQueued(receivers).then(() => hasQueued() && flushLater()),
      () => {}, // offline before the chunk came: the 'online' event tries again
    );
  }
}

/** Tries again in a minute (the 'online' event never comes when only the server failed). */
export function flushLater(): void {
  clearTimeout(retry);
  retry = setTimeout(flush, LEASE_MS);
}

/** A connected form: it hears of deliveries, and delivers what an earlier page queued. */
export function join(receiver: Signing): void {
  if (!receivers.size) addEventListener('online', flush);
  receivers.add(receiver);
  // A task of its own: a page's first localStorage read can take a while.
  void yieldToPage().then(flush);
}

export function leave(receiver: Signing): void {
  receivers.delete(receiver);
  if (!receivers.size) removeEventListener('online', flush);
}
