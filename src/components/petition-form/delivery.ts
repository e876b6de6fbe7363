/**
 * Page-wide delivery of queued signatures (offline-queue.ts): whatever this page or an
 * earlier one saved is sent when a widget connects, when the browser comes back online, and
 * each minute while some is left. Each delivery is reported to one widget: one showing its
 * petition, else any.
 */
import { yieldToPage } from '../../core/base-element.js';
import { hasQueued, LEASE_MS, type QueuedSignature } from './offline-queue.js';
import type { Delivery } from './lazy/queue-flush.js';
import { flow } from './flow-chunk.js';

/** A widget that hears of queued signatures delivered (or refused for good). */
export interface DeliveryReceiver {
  readonly petitionId: string;
  delivered(entry: QueuedSignature, result: Delivery): void;
}

const receivers = new Set<DeliveryReceiver>();
let retry: ReturnType<typeof setTimeout> | undefined;

function report(entry: QueuedSignature, result: Delivery): void {
  const all = [...receivers];
  (all.find((r) => r.petitionId === entry.petition) ?? all[0])?.delivered(entry, result);
}

/** Sends what is queued now; while some is left, tries again each minute. */
export function flush(): void {
  clearTimeout(retry);
  if (receivers.size && hasQueued()) {
    flow.load().then(
      (m) => m.flushQueue(report).then(() => hasQueued() && flushLater()),
      () => {}, // offline before the chunk came: the 'online' event tries again
    );
  }
}

/** Tries again in a minute (the 'online' event never comes when only the server failed). */
export function flushLater(): void {
  clearTimeout(retry);
  retry = setTimeout(flush, LEASE_MS);
}

/** A connected widget: it hears of deliveries, and delivers what an earlier page queued. */
export function join(receiver: DeliveryReceiver): void {
  if (!receivers.size) addEventListener('online', flush);
  receivers.add(receiver);
  // A task of its own: a page's first localStorage read can take a while.
  void yieldToPage().then(flush);
}

export function leave(receiver: DeliveryReceiver): void {
  receivers.delete(receiver);
  if (!receivers.size) removeEventListener('online', flush);
}
