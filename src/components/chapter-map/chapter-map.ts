import { css, html } from 'lit';
import { SolidarityElement } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import { FeedError, type FeedState } from '../../core/feed-loader.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import { LocaleController } from '../../core/locale-controller.js';
import { themeStyles } from '../../core/theme.styles.js';
import type { ChapterPanel } from './chapter-panel.js';

/** Whether the reader asked to save data (then the map waits for a tap). */
export const saveData = () => !!(navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;

/**
 * A map of the organization's chapters with a list that is always there: search by
 * name, city, region or postal code, "Near me", and `#chapter-<id>` deep links. The
 * map (maplibre-gl, with a built-in basemap that needs no key) is loaded only when
 * the element nears the viewport; without WebGL2, or where a Content-Security-Policy
 * refuses its worker, the list and search still work.
 *
 * @summary Find your local chapter: map, list, postal code, near me.
 *
 * @slot - Content shown when there is no feed and no `src` (e.g. a plain list of chapters, readable before the script runs).
 *
 * @csspart base - The outer layout (map and panel).
 * @csspart map - The map area.
 * @csspart cluster - A cluster's count button on the map.
 * @csspart panel - Search, list and details.
 * @csspart search - The search form.
 * @csspart input - The search field.
 * @csspart button - The search and "Near me" buttons.
 * @csspart status - The line announcing results.
 * @csspart list - The listbox of chapters.
 * @csspart option - One row of the list.
 * @csspart details - The selected chapter's details.
 * @csspart message - Loading, error and attribute messages.
 *
 * @cssstate far - The element is far from view (beyond 300 px): its panel is not styled or laid out until it comes near (`content-visibility: auto`).
 *
 * @cssprop --sw-color-accent - Accent color (markers, buttons, selected row). Defaults to the feed's `org.color`.
 * @cssprop --sw-color-text - Text color.
 * @cssprop --sw-color-muted - Secondary text color.
 * @cssprop --sw-color-surface - Background.
 * @cssprop --sw-color-border - Border color.
 * @cssprop --sw-radius - Corner radius.
 * @cssprop --sw-space - Base spacing.
 * @cssprop --sw-map-height - Height of the map (default 26rem).
 * @cssprop --sw-list-height - Height of the list (default 20rem).
 *
 * @fires chapter-select - A chapter was chosen in the list, on the map or by a deep link. `detail: { chapter }`.
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class ChapterMap extends SolidarityElement {
  // Beyond the theme, only the placeholder's reserved height (the panel brings the rest).
  static styles = [themeStyles, css`.ph{min-block-size:var(--sw-map-height,26rem)}`];
  static override properties = {
    feed: {},
    src: {},
    chapters: { attribute: false },
    styleUrl: { attribute: 'style-url' },
    center: {},
    zoom: {},
    list: {},
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** URL of a chapters document instead of the feed's: a JSON array, `{ "chapters": … }`, or a GeoJSON FeatureCollection of Points. */
  src?: string;
  /** The chapters themselves, set from script (property only), instead of `feed` or `src`; checked like a feed's. */
  chapters?: unknown[];
  /** URL of a maplibre style (vector tiles, e.g. OpenFreeMap) instead of the built-in basemap. */
  styleUrl?: string;
  /** Initial center, `lng,lat`. Default: fit every chapter. */
  center?: string;
  /** Initial zoom (0–22). */
  zoom?: string;
  /** Where the list goes: `side` (default) or `below`. On narrow screens it is always below. */
  list?: string;

  /** @internal */
  feedState = new FeedController(this);
  /** @internal */
  locale = new LocaleController(this);
  /** @internal The list, search and map: a lazy chunk fetched on connect, alongside the feed. */
  panel?: ChapterPanel;
  /** @internal Whether the element has come near the viewport (within 300 px); undefined until the observer has said. */
  near?: boolean;
  /** Set when the panel's chunk failed to load (e.g. offline); a reconnect tries again. */
  private failed?: FeedState;
  private io?: IntersectionObserver;

  connectedCallback(): void {
    super.connectedCallback();
    // Near the viewport, the map chunk is fetched at once (alongside the panel and the
    // feed), unless the reader asked to save data; never on a page where the map is far.
    this.io = new IntersectionObserver(
      (entries, io) => {
        const near = entries.some((e) => e.isIntersecting);
        if (near) {
          io.disconnect();
          if (!saveData()) import('./map-view.js').catch(() => {}); // a failure is reported when the map starts
        }
        if (near === this.near) return;
        this.near = near;
        this.requestUpdate();
      },
      { rootMargin: '300px' },
    );
    this.io.observe(this);
    // import() gives the same module to every element; a failed one is tried again on reconnect.
    if (!this.panel)
      import('./chapter-panel.js').then(
        (m) => {
          this.panel ??= new m.ChapterPanel(this);
          this.requestUpdate();
        },
        (e) => {
          // The warning names the chunk that failed (the browser's own message).
          this.warnOnce(`${e}`);
          this.failed = { status: 'error', url: '', error: new FeedError('network', `${e}`) };
          this.requestUpdate();
        },
      );
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.io?.disconnect();
    this.near = undefined;
  }

  render() {
    if (this.panel) return this.panel.render();
    // Until the panel arrives, the page's own content (a fallback list stays readable),
    // in a box as tall as the map will be, so the page does not jump. If it cannot
    // arrive (offline), a short message says so, in the reader's language if loaded.
    const wanted = this.src || this.chapters || this.feedState.state; // a state whenever there is a feed
    return wanted && this.failed
      ? html`${renderFeedStatus(this.failed, this.locale)}<slot></slot>`
      : html`<div class=${wanted ? 'ph' : ''}><slot></slot></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chapter-map': ChapterMap;
  }
}
