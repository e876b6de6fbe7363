/**
 * How `<org-feed>` hands its feed to the widgets inside it: the community context
 * protocol (a bubbling, composed `context-request` event that the nearest provider
 * answers), the one `@lit/context` speaks. We speak it directly: providing a single
 * value takes a few lines, where the library would add ~1 KB gzipped to every page.
 * A `@lit/context` consumer for `createContext(Symbol.for('solidarity-widgets.feed'))`
 * receives the feed too (tested in org-feed.test.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FeedState } from './feed-loader.js';

/** The context key: shared by every copy of our script on a page. */
export const feedContext = Symbol.for('solidarity-widgets.feed');

type FeedCallback = (value: FeedState | undefined, unsubscribe?: () => void) => void;

/** The protocol's request: `context`, `callback`, `subscribe`. */
interface ContextRequest extends Event {
  context: unknown;
  callback: FeedCallback;
  subscribe?: boolean;
}

/** Answers requests for the feed from inside `host`, now and whenever the value changes. */
export class FeedProvider {
  value?: FeedState;
  /** Each subscriber with its unsubscribe function, whose identity must stay the same (consumers compare it). */
  private subscribers = new Map<FeedCallback, () => void>();

  constructor(host: HTMLElement) {
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequest;
      if (request.context !== feedContext) return;
      event.stopPropagation(); // the nearest <org-feed> answers
      const callback = request.callback;
      const unsubscribe = () => this.subscribers.delete(callback);
      if (request.subscribe) this.subscribers.set(callback, unsubscribe);
      callback(this.value, request.subscribe ? unsubscribe : undefined);
    });
  }

  set(value: FeedState | undefined): void {
    this.value = value;
    for (const [callback, unsubscribe] of this.subscribers) callback(value, unsubscribe);
  }
}

/** Asks the nearest provider for the feed while `host` is connected, and updates it on each change. */
export class FeedConsumer implements ReactiveController {
  value?: FeedState;
  private unsubscribe?: () => void;

  constructor(private host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    const request = new Event('context-request', { bubbles: true, composed: true }) as ContextRequest;
    request.context = feedContext;
    request.subscribe = true;
    request.callback = (value, unsubscribe) => {
      this.unsubscribe = unsubscribe;
      this.value = value;
      this.host.requestUpdate();
    };
    this.host.dispatchEvent(request);
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
