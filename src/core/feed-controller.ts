/**
 * Gives a widget its feed: from its own `feed` attribute (through the shared
 * loader), else from an enclosing `<org-feed>` (the context protocol, see context.ts). Fires
 * `feed-load` / `feed-error` once per widget and feed URL.
 *
 * The load is a tiny task of our own rather than @lit/task: the shared loader
 * already dedupes requests, so all we need is "latest attribute wins".
 */
import type { ReactiveController } from 'lit';
import type { SolidarityElement } from './base-element.js';
import { yieldToPage } from './scheduling.js';
import { requestFeed } from './context.js';
import { absoluteFeedUrl, FeedError, loadFeed, type FeedState } from './feed-loader.js';
import { safeColor } from './url.js';

type Host = SolidarityElement & { feed?: string | null };

export class FeedController implements ReactiveController {
  /** The enclosing <org-feed>'s feed, and how to stop following it. */
  private provided?: FeedState;
  private unsubscribe?: () => void;
  private own?: FeedState;
  private loading?: string;
  private announced = '';

  constructor(private host: Host) {
    host.addController(this);
  }

  /** The feed's state, or undefined when the widget has no feed at all. */
  get state(): FeedState | undefined {
    return this.host.feed ? this.own : this.provided;
  }

  hostConnected(): void {
    requestFeed(this.host, (value, unsubscribe) => {
      this.provided = value;
      this.unsubscribe = unsubscribe;
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }

  hostUpdate(): void {
    const src = this.host.feed;
    if (!src || src === this.loading) return;
    this.loading = src;
    let url = src;
    try {
      url = absoluteFeedUrl(src);
    } catch {
      /* the loader reports a bad URL */
    }
    this.own = { status: 'loading', url };
    loadFeed(src).then(
      ({ url, feed }) => this.settle(src, { status: 'ready', url, feed }),
      (e) =>
        this.settle(src, {
          status: 'error',
          url,
          error: e instanceof FeedError ? e : new FeedError('network', String(e)),
        }),
    );
  }

  private async settle(src: string, state: FeedState) {
    // Every widget on a feed learns of it in the same moment; each renders in its own
    // task, so a page full of widgets never becomes one long task for the host.
    await yieldToPage();
    if (src !== this.loading) return; // the attribute changed meanwhile
    this.own = state;
    this.host.requestUpdate();
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
    } else {
      this.host.warnOnce(`feed ${state.url}: ${state.error.message}`);
      this.host.emit('feed-error', { url: state.url, message: state.error.message });
    }
  }
}
