/**
 * How `<org-feed>` hands its feed to the widgets inside it: the community context
 * protocol (a bubbling, composed `context-request` event that the nearest provider
 * answers), the one `@lit/context` speaks. We speak it directly: providing a single
 * value takes a few lines, where the library would add ~1 KB gzipped to every page.
 * A `@lit/context` consumer for `createContext(Symbol.for('solidarity-widgets.feed'))`
 * receives the feed too (tested in org-feed.test.ts).
 */
import type { FeedState } from './feed-loader.js';

/** The context key: shared by every copy of our script on a page. */
const feedContext = Symbol.for('solidarity-widgets.feed');

export type FeedCallback = (value: FeedState | undefined, unsubscribe?: () => void) => void;

/** The protocol's request: `context`, `callback`, `subscribe`. */
interface ContextRequest extends Event {
  context: unknown;
  callback: FeedCallback;
  subscribe?: boolean;
}

/**
 * Answers requests for the feed from inside `host`, now and on every change;
 * returns the function that sets a new value.
 */
export function provideFeed(host: HTMLElement): (value: FeedState | undefined) => void {
  let current: FeedState | undefined;
  /** Each subscriber with its unsubscribe function, whose identity must not change (consumers compare it). */
  const subscribers = new Map<FeedCallback, () => void>();
  host.addEventListener('context-request', (event) => {
    const { context, callback, subscribe } = event as ContextRequest;
    if (context !== feedContext) return;
    event.stopPropagation(); // the nearest <org-feed> answers
    const unsubscribe = () => subscribers.delete(callback);
    if (subscribe) subscribers.set(callback, unsubscribe);
    callback(current, subscribe ? unsubscribe : undefined);
  });
  return (value) => {
    current = value;
    subscribers.forEach((unsubscribe, callback) => callback(value, unsubscribe));
  };
}

/** Asks the nearest provider for the feed, now and on every change (the callback gets an unsubscribe function). */
export function requestFeed(from: Element, callback: FeedCallback): void {
  const request = new Event('context-request', { bubbles: true, composed: true });
  from.dispatchEvent(Object.assign(request, { context: feedContext, subscribe: true, callback }));
}
