import { css, html, type PropertyValues } from 'lit';
import { AttributeCheck } from '../../core/attribute-check.js';
import { SolidarityElement } from '../../core/base-element.js';
import { LocaleController } from '../../core/locale-controller.js';
import { provideFeed } from '../../core/context.js';
import { absoluteFeedUrl, FeedError, loadFeed, type FeedState } from '../../core/feed-loader.js';

/** The feed's absolute http(s) address, or undefined when `src` is missing or not one. */
function feedAddress(src: string | undefined): string | undefined {
  try {
    const url = src ? absoluteFeedUrl(src) : '';
    return /^https?:/.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads a feed once and provides it to every widget inside, so they need no
 * `feed` attribute of their own. Renders its children unchanged.
 *
 * @summary One feed for many widgets.
 *
 * @attr lang - Language of the widgets inside: the standard attribute, which every widget follows up the page.
 *
 * @slot - Any content, including widgets.
 *
 * @csspart message - The message about a missing or bad `src`.
 *
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class OrgFeed extends SolidarityElement {
  static styles = css`
    :host {
      display: contents;
    }
    p {
      color: var(--sw-color-danger, #a4000f);
    }
  `;
  static override properties = {
    src: {},
  };

  /** URL of the organization's feed. */
  src?: string;

  private locale = new LocaleController(this);
  private attributeCheck = new AttributeCheck(this, this.locale, () => [
    !feedAddress(this.src) && {
      name: 'src',
      value: this.src ?? '',
      hint: 'attr.use-feed-url',
    },
  ]);
  private provide = provideFeed(this);
  private generation = 0;

  protected willUpdate(changed: PropertyValues): void {
    if (changed.has('src')) this.load();
  }

  private async load() {
    const gen = ++this.generation;
    const src = this.src;
    const url = feedAddress(src);
    // No feed to give (the attribute check says why): the widgets inside use their own content.
    if (!src || !url) {
      this.provide(undefined);
      return;
    }
    this.provide({ status: 'loading', url });
    let next: FeedState;
    try {
      const loaded = await loadFeed(src);
      next = { status: 'ready', url: loaded.url, feed: loaded.feed };
      if (gen === this.generation) this.emit('feed-load', { url: loaded.url });
    } catch (e) {
      const error = e instanceof FeedError ? e : new FeedError('network', String(e));
      next = { status: 'error', url, error };
      if (gen === this.generation) {
        this.warnOnce(`<org-feed>: ${url}: ${error.message}`);
        this.emit('feed-error', { url, message: error.message });
      }
    }
    if (gen === this.generation) this.provide(next);
  }

  render() {
    return html`${this.attributeCheck.render()}<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'org-feed': OrgFeed;
  }
}
