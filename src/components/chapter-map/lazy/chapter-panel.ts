/**
 * Everything `<chapter-map>` shows beyond its shell: search, the list, details and
 * the map's area. A lazy chunk, fetched when the element nears the viewport (or a
 * reader tabs into it), so a page whose map is far below the fold pays nothing for
 * it. It wires the controllers (the chapter source, the map engine, deep links, the
 * list) and holds what the reader is looking at: the query, the rows, the selection.
 */
import { html, nothing } from 'lit';
import type { Chapter } from '../../../core/feed-types.js';
import { renderFeedStatus } from '../../../core/feed-status.js';
import { AttributeCheck } from '../../../core/attribute-check.js';
import { adoptStyles, type Lazy } from '../../../core/lazy.js';
import { pickTranslation } from '../../../core/translations.js';
import type { MapHost } from '../map-host.js';
import { ChapterIndex } from './chapter-index.js';
import { ChapterInfoCache, placeOf, popupNode, renderDetails } from './chapter-info.js';
import { eventsOf, renderChapterActions } from './chapter-actions.js';
import { chapterMapStyles } from './chapter-map.styles.js';
import './chapter-messages.js';
import { searchChapters, searchPick } from './chapter-search.js';
import { ChapterSource } from './chapter-source.js';
import { DeepLink } from './deep-link.js';
import { MapEngine } from './map-engine.js';
import { mapAttributeProblems } from './map-attributes.js';
import { locate } from '../../../core/locate.js';
import { distanceText } from './near-me.js';
import { VirtualList } from './virtual-list.js';

export class ChapterPanel {
  readonly source: ChapterSource;
  readonly engine: MapEngine;
  index?: ChapterIndex;
  query = '';
  /** The listed chapters' indices, in order; undefined: every chapter. */
  rows?: number[];
  /** Each row's distance in km, after "near me". */
  rowKm?: number[];
  selected?: Chapter;
  status = '';

  private vlist: VirtualList;
  private info = new ChapterInfoCache();
  private attributeCheck: AttributeCheck;

  /** `mapChunk`: the map engine's chunk, shared with the element (which prefetches it). */
  constructor(
    private host: MapHost,
    mapChunk: Lazy<typeof import('./map-view.js')>,
  ) {
    adoptStyles(host.renderRoot as ShadowRoot, chapterMapStyles);
    handOver(host, (query) => (this.query = query));
    this.attributeCheck = new AttributeCheck(host, host.locale, () => mapAttributeProblems(host));
    this.source = new ChapterSource(host);
    // Before the engine's own update: it shows the index's chapters.
    host.addController({ hostUpdate: () => this.indexChapters() });
    this.engine = new MapEngine(host, {
      chunk: mapChunk,
      chapters: () => this.index?.chapters,
      selected: () => this.selected,
      popup: (c) => popupNode(this.name(c), this.linesOf(c)),
      select: (c) => this.select(c),
    });
    new DeepLink(host, { index: () => this.index, select: (c) => this.select(c) });
    this.vlist = new VirtualList(host, { id: 'c', pick: (r) => this.select(this.index!.chapters[this.rowChapter(r)]) });
  }

  private get t() {
    return this.host.locale;
  }

  /** The chapter's next events and "Join this chapter", under its details. */
  private actionsOf(c: Chapter) {
    const state = this.host.feedState.state;
    const feed = state?.status === 'ready' ? state.feed : undefined;
    const events = eventsOf(feed, (problem) => this.host.warnOnce(`<chapter-map>: ${problem}`));
    return renderChapterActions({ chapter: c.id, events, joinUrl: this.host.joinUrl, t: this.t });
  }

  private set(values: Partial<Pick<ChapterPanel, 'query' | 'rows' | 'rowKm' | 'selected' | 'status'>>) {
    Object.assign(this, values);
    this.host.requestUpdate();
  }

  /** New chapters: a new index, the whole list, the query kept (a query typed before they came is applied). */
  private indexChapters() {
    const chapters = this.source.chapters;
    if (!chapters || chapters === this.index?.chapters) return;
    this.index = new ChapterIndex(chapters);
    this.vlist.reset();
    const { rows, status } = searchChapters(this.index, this.query, this.t);
    Object.assign(this, { rows, rowKm: undefined, status });
  }

  private name(c: Chapter) {
    return pickTranslation(c.name, this.t.lang);
  }

  private linesOf(c: Chapter) {
    return this.info.get(c, this.t, this.source.base);
  }

  /** Row `r` of the current list → the chapter's index. */
  private rowChapter(r: number): number {
    return this.rows ? this.rows[r] : r;
  }

  /** Selects a chapter: the list shows it, the map flies there and opens its popup, `chapter-select` fires. */
  select(chapter: Chapter): void {
    this.set({ selected: chapter });
    const i = this.index!.chapters.indexOf(chapter);
    const r = this.rows ? this.rows.indexOf(i) : i;
    if (r >= 0) this.vlist.show(r);
    this.engine.select(chapter);
    this.host.emit('chapter-select', { chapter });
  }

  /** Filters the list; returns the chapters covering the query as a postal code. */
  private search(query: string) {
    this.vlist.reset();
    const result = searchChapters(this.index!, query, this.t);
    this.set({ query, rows: result.rows, rowKm: undefined, status: result.status });
    return result;
  }

  private showAll = () => this.search('');

  private showMap = () => this.engine.start(true);

  private onInput = (e: Event) => this.search((e.target as HTMLInputElement).value);

  private onSubmit = (e: Event) => {
    e.preventDefault();
    if (!this.index) return;
    const pick = searchPick(this.search(this.query));
    if (pick < 0) return;
    const chapter = this.index.chapters[pick];
    this.select(chapter);
    this.set({ status: this.t.t('chapter.found', { name: this.name(chapter) }) });
  };

  private nearMe = () => {
    const { t, index } = this;
    if (!index) return;
    this.set({ status: t.t('chapter.locating') });
    locate((at) => (at ? void this.showNearest(index, at) : this.set({ status: t.t('chapter.geo-unavailable') })));
  };

  /** Lists the chapters nearest to `at`, nearest first, with their distances. */
  private async showNearest(index: ChapterIndex, [lng, lat]: [number, number]) {
    const t = this.t;
    const near = await index.nearest(lng, lat, 25);
    if (index !== this.index) return;
    this.vlist.reset();
    this.set({
      query: '',
      rows: near.map((n) => n.i),
      rowKm: near.map((n) => n.km),
      status: near.length
        ? t.t('chapter.nearest', { name: this.name(near[0].chapter), distance: distanceText(near[0].km, t) })
        : t.t('chapter.empty'),
    });
    if (near[0]) this.engine.select(near[0].chapter);
  }

  render() {
    return html`${this.attributeCheck.render()}${this.renderContent()}`;
  }

  private renderContent() {
    const { t, host } = this;
    const chapters = this.index?.chapters;
    if (!chapters || chapters !== this.source.chapters) {
      const src = this.source.srcStatus;
      const feed = host.feedState.state;
      const loading = src === 'none' ? feed?.status === 'loading' : src === 'loading';
      const status =
        src === 'none'
          ? feed
            ? renderFeedStatus(feed, t)
            : nothing
          : html`<p class="message ${loading ? '' : 'error'}" part="message" role="status">
              ${t.t(loading ? 'feed.loading' : 'chapter.src-error')}
            </p>`;
      // The page's own content (e.g. a plain list of chapters) stays readable until the
      // chapters arrive, and after they fail. While they load, the map area is already
      // there, so the map can start.
      const fallback = html`${status}<slot></slot>`;
      return loading ? this.layout(fallback) : fallback;
    }
    return this.layout(this.renderPanel(chapters));
  }

  private renderPanel(chapters: Chapter[]) {
    const t = this.t;
    const count = this.rows ? this.rows.length : chapters.length;
    const sel = this.selected ? chapters.indexOf(this.selected) : -1;
    const km = this.rowKm;
    const row = (r: number) => {
      const c = chapters[this.rowChapter(r)];
      const distance = km ? html` · <span class="km">${distanceText(km[r], t)}</span>` : nothing;
      return html`<span class="name">${this.name(c)}</span> <span class="where">${placeOf(c)}${distance}</span>`;
    };
    return html`<form role="search" part="search" @submit=${this.onSubmit} aria-label=${t.t('chapter.search')}>
        <label for="q">${t.t('chapter.search')}</label>
        <span class="hint" id="hint">${t.t('chapter.search-hint')}</span>
        <div class="row">
          <input id="q" part="input" type="search" autocomplete="off" aria-describedby="hint"
            .value=${this.query} @input=${this.onInput} />
          <button part="button" type="submit" class="btn primary">${t.t('chapter.search-button')}</button>
        </div>
        <button part="button" type="button" class="btn near" @click=${this.nearMe}>${t.t('chapter.near-me')}</button>
      </form>
      <p class="status" part="status" role="status">${this.status}</p>
      ${
        km
          ? html`<button part="button" type="button" class="btn all" @click=${this.showAll}
            >${t.t('chapter.show-all')}</button>`
          : nothing
      }
      ${
        count
          ? this.vlist.render(count, t.t('chapter.label'), row, this.rows ? this.rows.indexOf(sel) : sel)
          : chapters.length
            ? nothing
            : html`<p class="message" part="message">${t.t('chapter.empty')}</p>`
      }
      ${this.selected ? renderDetails(this.name(this.selected), this.linesOf(this.selected), this.actionsOf(this.selected)) : nothing}`;
  }

  /**
   * The panel and the map; one template, so the map's container survives the chapters
   * arriving. The panel comes first in the document (keyboard and screen-reader order:
   * search and list before the map's cluster buttons); CSS shows the map first.
   */
  private layout(panel: unknown) {
    const t = this.t;
    const state = this.engine.state;
    return html`
      <div class="wrap ${this.host.list === 'below' ? 'below' : 'side'}" part="base">
        <div class="panel" part="panel">${panel}</div>
        <div class="map" part="map">
          <div class="canvas" ?hidden=${state === 'failed' || state === 'tap'}></div>
          ${
            state === 'tap'
              ? html`<button part="button" class="btn primary show" @click=${this.showMap}
                >${t.t('chapter.show-map')}</button>`
              : state === 'failed'
                ? html`<p class="message" part="message" role="status">${t.t('chapter.no-map')}</p>`
                : nothing
          }
        </div>
      </div>
    `;
  }
}

/**
 * What the reader typed in the shell's search field before the panel arrived, and its
 * focus, carried into the panel's field (taken at the first render that replaces it).
 */
function handOver(host: MapHost, take: (query: string) => void) {
  const root = host.renderRoot as ShadowRoot;
  const shell = root.querySelector<HTMLInputElement>('input#q');
  if (!shell) return;
  let focused = false;
  const controller = {
    hostUpdate() {
      take(shell.value);
      focused = root.activeElement === shell;
    },
    hostUpdated() {
      host.removeController(controller);
      if (focused) root.querySelector<HTMLInputElement>('input#q')?.focus();
    },
  };
  host.addController(controller);
}
