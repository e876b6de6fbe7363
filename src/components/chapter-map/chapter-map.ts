import { css, html } from 'lit';
import { SolidarityElement } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import { FeedError, type FeedState } from '../../core/feed-loader.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import { lazy } from '../../core/lazy.js';
import { LocaleController } from '../../core/locale-controller.js';
import { themeStyles } from '../../core/theme.styles.js';
import type { ChapterPanel } from './lazy/chapter-panel.js';
import type { MapHost } from './map-host.js';
import { saveData } from './save-data.js';

/** Search, list and details: fetched when the element nears the viewport or a reader tabs into it. */
const panelChunk = lazy(() => import('./lazy/chapter-panel.js'));
/** The map engine (maplibre-gl): prefetched alongside the panel, started by it. */
const mapChunk = lazy(() => import('./lazy/map-view.js'));

/**
 * A map of the organization's chapters with a list that is always there: search by
 * name, city, region or postal code, "Near me", and `#chapter-<id>` deep links. The
 * map (maplibre-gl, with a built-in basemap that needs no key) is loaded only when
 * the element nears the viewport; without WebGL2, or where a Content-Security-Policy
 * refuses its worker, the list and search still work.
 *
 * @summary Find your local chapter: map, list, postal code, near me.
 *
 * @slot - Content shown when there is no feed and no `src` (e.g. a plain list of chapters, readable before the
 *   script runs).
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
 * @csspart events - The selected chapter's next events (from the feed's `events`).
 * @csspart join - "Join this chapter": a link (`join-url`) or a button filling the page's `<join-form>`.
 * @csspart message - Loading, error and attribute messages.
 *
 * @cssstate far - The element is far from view (beyond 300 px): none of its panel's or map's code is fetched
 *   until it comes near (or a reader tabs into its search field).
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
export class ChapterMap extends SolidarityElement implements MapHost {
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
    joinUrl: { attribute: 'join-url' },
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /**
   * URL of a chapters document instead of the feed's: a JSON array, `{ "chapters": … }`, or a GeoJSON
   * FeatureCollection of Points.
   */
  src?: string;
  /** The chapters themselves, set from script (property only), instead of `feed` or `src`; checked like a feed's. */
  chapters?: unknown[];
  /** URL of a maplibre style (vector tiles, e.g. OpenFreeMap) instead of the built-in basemap. */
  styleUrl?: string;
  /** Initial center, `lng,lat`. Default: fit every chapter. */
  center?: string;
  /** Initial zoom (0–22). @attributeType number */
  zoom?: string;
  /**
   * Where "Join this chapter" in a chapter's details leads: a URL, `{chapter}` replaced by the chapter's id
   * (else `?chapter=<id>` added). Without it, the button hands the chapter to the page's `<join-form>`, if any.
   */
  joinUrl?: string;
  /** Where the list goes: `side` (default) or `below`. On narrow screens it is always below. */
  list?: 'side' | 'below';

  /** @internal */
  feedState = new FeedController(this);
  /** @internal */
  locale = new LocaleController(this);
  /** @internal The list, search and map: a lazy chunk fetched once the element is near. */
  panel?: ChapterPanel;
  /**
   * @internal Whether the element has come near the viewport (within 300 px); undefined until the observer has said.
   */
  near?: boolean;
  /** Set when the panel's chunk failed to load (e.g. offline); coming near again tries again. */
  private failed?: FeedState;
  private io?: IntersectionObserver;
  private states = customStates(this);

  connectedCallback(): void {
    super.connectedCallback();
    this.io = new IntersectionObserver(
      (entries, io) => {
        const near = entries.some((e) => e.isIntersecting);
        if (near) {
          io.disconnect();
          this.load();
        }
        if (near === this.near) return;
        this.near = near;
        this.states?.[near ? 'delete' : 'add']('far');
        this.requestUpdate();
      },
      { rootMargin: '300px' },
    );
    this.io.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.io?.disconnect();
    this.near = undefined;
    this.states?.delete('far');
  }

  /** Near (or focused): the panel's chunk and, unless the reader saves data, the map's, both at once. */
  private load = () => {
    if (!saveData()) mapChunk.prefetch();
    if (!this.panel)
      panelChunk.load().then(
        (m) => {
          this.panel ??= new m.ChapterPanel(this, mapChunk);
          this.requestUpdate();
        },
        (e) => {
          // The warning names the chunk that failed (the browser's own message).
          this.warnOnce(`${e}`);
          this.failed = { status: 'error', url: '', error: new FeedError('network', `${e}`) };
          this.requestUpdate();
        },
      );
  };

  render() {
    if (this.panel) return this.panel.render();
    // Until the panel arrives, the page's own content (a fallback list stays readable),
    // in a box about as tall as the map will be, so the page does not jump, with a search
    // field that Tab reaches (the panel takes over what is typed). If the panel cannot
    // arrive (offline), a short message says so, in the reader's language if loaded.
    const wanted = this.src || this.chapters || this.feedState.state; // a state whenever there is a feed
    if (!wanted) return html`<slot></slot>`;
    return this.failed
      ? html`${renderFeedStatus(this.failed, this.locale)}<slot></slot>`
      : html`<div class="ph"><input id="q" part="input" type="search" autocomplete="off"
          aria-label=${this.locale.t('chapter.search')} @focus=${this.load} /><slot></slot></div>`;
  }
}

/**
 * The element's custom states (for `:host(:state(…))`), unless the browser lacks them or the page took its internals.
 */
function customStates(host: HTMLElement): Set<string> | undefined {
  try {
    return host.attachInternals().states;
  } catch {
    return undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chapter-map': ChapterMap;
  }
}
