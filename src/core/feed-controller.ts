/**
 * Gives a widget its feed: from its own `feed` attribute (loaded through the shared
 * loader, via @lit/task), else from an enclosing `<org-feed>` (via @lit/context).
 * Fires `feed-load` / `feed-error` once per widget and feed URL.
 */
import { ContextConsumer } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController } from 'lit';
import type { SolidarityElement } from './base-element.js';
import { feedContext } from './context.js';
import { safeColor } from './url.js';
import { absoluteFeedUrl, FeedError, loadFeed, type FeedState, type LoadedFeed } from './feed-loader.js';

type Host = SolidarityElement & { feed?: string | null };

export class FeedController implements ReactiveController {
  private consumer: ContextConsumer<typeof feedContext, Host>;
  private task: Task<[string | null | undefined], LoadedFeed>;
  private announced = '';

  constructor(private host: Host) {
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: feedContext, subscribe: true });
    this.task = new Task(host, {
      task: ([src]) => (src ? loadFeed(src) : (initialState as never)),
      args: () => [host.feed],
    });
  }

  /** The feed's state, or undefined when the widget has no feed at all. */
  get state(): FeedState | undefined {
    const src = this.host.feed;
    if (!src) return this.consumer.value;
    let url = src;
    try {
      url = absoluteFeedUrl(src);
    } catch {
      /* keep as given; the loader reports it */
    }
    switch (this.task.status) {
      case TaskStatus.COMPLETE:
        return { status: 'ready', url: this.task.value!.url, feed: this.task.value!.feed };
      case TaskStatus.ERROR: {
        const e = this.task.error;
        const error = e instanceof FeedError ? e : new FeedError('network', String((e as Error)?.message ?? e));
        return { status: 'error', url, error };
      }
      default:
        return { status: 'loading', url };
    }
  }

  hostUpdated(): void {
    const state = this.state;
    if (!state || state.status === 'loading') return;
    const key = `${state.status} ${state.url}`;
    if (this.announced === key) return;
    this.announced = key;
    if (state.status === 'ready') {
      // The org's color becomes the default accent; a host's --sw-color-accent still wins.
      const color = safeColor(state.feed.org.color);
      if (color) this.host.style.setProperty('--_feed-accent', color);
      this.host.emit('feed-load', { url: state.url });
    }
    else {
      this.host.warnOnce(`feed ${state.url}: ${state.error.message}`);
      this.host.emit('feed-error', { url: state.url, message: state.error.message });
    }
  }
}
