/**
 * Everything `<chapter-map>` does beyond its shell: loading `src`, the list, search,
 * "near me", deep links, and starting the map once the element is near the
 * viewport. A lazy chunk (fetched as soon as a `<chapter-map>` connects, alongside
 * its feed), so pages without a map never pay for it.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { renderFeedStatus } from '../../core/feed-status.js';
import type { Chapter } from '../../core/feed-types.js';
import { pickTranslation } from '../../core/translations.js';
import { mailtoUrl, safeUrl } from '../../core/url.js';
import type { MessageKey } from '../../i18n/index.js';
import { ChapterIndex, parseChapters, regionOf, usesMiles } from './chapter-index.js';
import { saveData, type ChapterMap } from './chapter-map.js';
import { chapterMapStyles } from './chapter-map.styles.js';
import type { MapView } from './map-view.js';
import { VirtualList } from './virtual-list.js';
import './chapter-messages.js';

type MapState = 'idle' | 'tap' | 'loading' | 'ready' | 'failed';
type SrcState = { status: 'loading' } | { status: 'ready'; url: string; chapters: Chapter[] } | { status: 'error' };
type Info = { kind: 'city' | 'meets' | 'email' | 'url'; text: string; href?: string };

/**
 * May a worker from a `blob:` URL run here? A one-line worker must say hello. A
 * Content-Security-Policy or Trusted Types that refuse it make this false. Started
 * with the map chunk's download, so its answer is in before the feed keeps the
 * main thread busy.
 */
function probeWorker(): Promise<boolean> {
  return new Promise((resolve) => {
    let probe: Worker | undefined;
    const done = (ok: boolean) => {
      probe?.terminate();
      document.removeEventListener('securitypolicyviolation', refused);
      resolve(ok);
    };
    const refused = (e: SecurityPolicyViolationEvent) => {
      if (/^(worker|script|child)-src|trusted-types/.test(e.effectiveDirective)) done(false);
    };
    document.addEventListener('securitypolicyviolation', refused);
    try {
      const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
      probe = new Worker(url);
      URL.revokeObjectURL(url);
    } catch {
      return done(false);
    }
    probe.onmessage = () => done(true);
    probe.onerror = () => done(false);
  });
}

export class ChapterPanel implements ReactiveController {
  srcState?: SrcState;
  query = '';
  rows?: number[];
  rowKm?: number[];
  selected?: Chapter;
  status = '';
  mapState: MapState = 'idle';
  view?: MapView;
  index?: ChapterIndex;

  private vlist: VirtualList;
  private src?: string;
  private given?: { raw: unknown; chapters: Chapter[] };
  private style?: { raw?: string; url?: string };
  private chunk?: Promise<typeof import('./map-view.js')>;
  private workerOk?: Promise<boolean>;
  private hashDone = false;
  private infoCache = new WeakMap<Chapter, { key: string; out: Info[] }>();
  private states = customStates(this.host);

  constructor(private host: ChapterMap) {
    const root = host.renderRoot as ShadowRoot;
    const sheet = chapterMapStyles.styleSheet!;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.vlist = new VirtualList(host, { id: 'c', pick: (row) => this.pickRow(row) });
    host.addController(this);
  }

  private get t() {
    return this.host.locale;
  }

  private set<K extends keyof this>(values: Pick<this, K>) {
    Object.assign(this, values);
    this.host.requestUpdate();
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHash);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHash);
    this.view?.destroy();
    this.view = undefined;
    if (this.mapState !== 'failed') this.mapState = 'idle';
  }

  /** The chapters shown: the `chapters` property, else `src`, else the feed; undefined while loading or with none. */
  get chapters(): Chapter[] | undefined {
    const given = this.host.chapters;
    if (given) return this.checked(given, 'chapters');
    if (this.host.src) return this.srcState?.status === 'ready' ? this.srcState.chapters : undefined;
    const s = this.host.feedState.state;
    // The page's feed loader leaves chapters unchecked: only a map needs them (chapter-check.ts).
    return s?.status === 'ready' ? this.checked(s.feed.chapters ?? [], `feed ${s.url}`) : undefined;
  }

  /** Chapters checked once per value (so each problem warns once), the others kept. */
  private checked(raw: unknown, source: string): Chapter[] {
    if (this.given && this.given.raw === raw) return this.given.chapters;
    const { chapters, problems } = parseChapters(raw);
    for (const p of problems) this.host.warnOnce(`${source}: ${p.path.replace('$.chapters', '$')} ${p.message}`);
    this.given = { raw, chapters };
    return chapters;
  }

  hostUpdate(): void {
    // Far from view (as the observer found it; never while unknown, so a map in view is
    // laid out at once), the element is `:state(far)`: the browser skips the panel's style
    // and layout (content-visibility), which at load would be a long rendering task for
    // the host page. It stays in the page for keyboard, find-in-page and screen readers.
    this.states?.[this.host.near === false ? 'add' : 'delete']('far');
    if (this.host.src !== this.src) {
      this.src = this.host.src;
      if (this.src) this.loadSrc(this.src);
    }
    const chapters = this.chapters;
    if (chapters && chapters !== this.index?.chapters) {
      this.index = new ChapterIndex(chapters);
      this.rows = undefined;
      this.rowKm = undefined;
      this.query = '';
      this.vlist.reset();
      this.view?.setChapters(chapters);
    }
    this.view?.update({ styleUrl: this.styleUrl(), ...this.view0() });
  }

  /** The checked `style-url` (checked once per value, so a bad one warns once). */
  private styleUrl(): string | undefined {
    const raw = this.host.styleUrl;
    if (!this.style || this.style.raw !== raw) this.style = { raw, url: safeUrl(raw, { context: '<chapter-map> style-url' }) ?? undefined };
    return this.style.url;
  }

  hostUpdated(): void {
    if (this.host.near && !saveData()) this.mapChunk().catch(() => {}); // a failure is reported by startMap
    if (this.view && !this.host.renderRoot.querySelector('.canvas')) {
      // The chapters failed to load after all: no map to show.
      this.view.destroy();
      this.view = undefined;
      this.mapState = 'idle';
    }
    this.maybeLoadMap();
    if (this.index) {
      if (!this.hashDone) {
        this.hashDone = true;
        this.fromHash(false);
      }
    }
  }

  private async loadSrc(src: string) {
    const url = safeUrl(src, { context: '<chapter-map> src' });
    this.set({ srcState: { status: 'loading' } });
    let next: SrcState;
    try {
      if (!url) throw new Error('bad URL');
      const res = await fetch(url, { credentials: 'omit', headers: { accept: 'application/json, application/geo+json' } });
      if (!res.ok) throw new Error(`the server answered ${res.status}`);
      const { chapters, problems } = parseChapters(await res.json());
      for (const p of problems) this.host.warnOnce(`chapters ${url}: ${p.path.replace('$.chapters', '$')} ${p.message}`);
      next = { status: 'ready', url, chapters };
    } catch (e) {
      this.host.warnOnce(`<chapter-map>: the chapters at "${src}" could not be loaded (${(e as Error).message}).`);
      next = { status: 'error' };
    }
    if (src === this.src) this.set({ srcState: next });
  }

  maybeLoadMap(tapped = false): void {
    if ((this.mapState !== 'idle' && this.mapState !== 'tap') || (this.mapState === 'tap' && !tapped)) return;
    // The map starts as soon as it is near view, while the chapters may still be loading.
    if (!this.host.near || !this.host.renderRoot.querySelector('.canvas')) return;
    // With Save-Data on, the reader chooses whether to fetch the map.
    const mapState = saveData() && !tapped ? 'tap' : 'loading';
    this.set({ mapState });
    if (mapState === 'loading') this.startMap();
  }

  /** The map chunk and, meanwhile, the worker probe (both started once, as early as possible). */
  private mapChunk() {
    this.workerOk ??= probeWorker();
    return (this.chunk ??= import('./map-view.js'));
  }

  private async startMap() {
    const { t, host } = this;
    try {
      const { MapView } = await this.mapChunk();
      await host.updateComplete;
      const container = host.renderRoot.querySelector<HTMLElement>('.canvas');
      if (!container || !host.isConnected || this.mapState !== 'loading') return;
      const accent = getComputedStyle(host).getPropertyValue('--_accent').trim();
      const { center, zoom } = this.view0();
      const view = await MapView.create({
        container,
        root: host.renderRoot as ShadowRoot,
        chapters: this.index?.chapters ?? [],
        styleUrl: this.styleUrl(),
        center,
        zoom,
        accent: /^#[0-9a-f]{3,8}$|^rgba?\(/i.test(accent) ? accent : '#b71c1c',
        locale: {
          'Popup.Close': t.t('chapter.close'),
          'NavigationControl.ZoomIn': t.t('chapter.zoom-in'),
          'NavigationControl.ZoomOut': t.t('chapter.zoom-out'),
          'Map.Title': t.t('chapter.map-label'),
          'CooperativeGesturesHandler.WindowsHelpText': t.t('chapter.gesture-keys', { key: 'Ctrl' }),
          'CooperativeGesturesHandler.MacHelpText': t.t('chapter.gesture-keys', { key: '⌘' }),
          'CooperativeGesturesHandler.MobileHelpText': t.t('chapter.gesture-touch'),
        },
        clusterLabel: (n) => t.plural('chapter.cluster', n),
        popup: (c) => this.popupNode(c),
        select: (i) => this.select(this.index!.chapters[i]),
        fail: (reason, detail) => this.mapFailed(reason, detail),
      }, this.workerOk!);
      // It may have failed meanwhile, or the element left the page.
      if (this.mapState !== 'loading') return view.destroy();
      this.view = view;
      // The chapters may have arrived while the map was starting.
      if (this.index && view.chapters !== this.index.chapters) view.setChapters(this.index.chapters);
      this.set({ mapState: 'ready' });
      if (this.selected) this.view.select(this.selected);
    } catch (e) {
      this.mapFailed('chunk', String(e));
    }
  }

  private mapFailed(reason: string, detail?: string) {
    if (reason === 'style') {
      this.host.warnOnce(`<chapter-map>: the style at "${this.host.styleUrl}" could not be loaded (${detail}); using the built-in basemap.`);
      return;
    }
    this.host.warnOnce(`<chapter-map>: the map cannot be shown here (${reason}${detail ? `: ${detail}` : ''}); the list still works.`);
    this.view?.destroy();
    this.view = undefined;
    this.set({ mapState: 'failed' });
  }

  /** The initial view from `center` and `zoom`; bad values are reported and ignored. */
  private view0(): { center?: [number, number]; zoom?: number } {
    const out: { center?: [number, number]; zoom?: number } = {};
    const c = this.host.center?.split(',').map((v) => (v.trim() ? Number(v) : NaN));
    if (c && c.length === 2 && Math.abs(c[0]) <= 180 && Math.abs(c[1]) <= 90) out.center = [c[0], c[1]];
    const z = this.host.zoom?.trim() ? Number(this.host.zoom) : NaN;
    if (z >= 0 && z <= 22) out.zoom = z;
    return out;
  }

  private attributeProblems(): string[] {
    const { center, zoom, list } = this.host;
    const ok = this.view0();
    const out: [boolean, MessageKey, string | undefined][] = [
      [center != null && !ok.center, 'chapter.bad-center', center],
      [zoom != null && ok.zoom === undefined, 'chapter.bad-zoom', zoom],
      [list != null && !['side', 'below'].includes(list), 'chapter.bad-list', list],
    ];
    return out
      .filter(([bad]) => bad)
      .map(([, key, value]) => {
        const message = this.t.t(key, { value: value ?? '' });
        this.host.warnOnce(`<chapter-map>: ${message}`);
        return message;
      });
  }

  private onHash = () => this.fromHash(true);

  private fromHash(scroll: boolean) {
    const m = /^#chapter-(.+)$/.exec(location.hash);
    const chapter = m && this.index?.byId(decodeURIComponent(m[1]));
    if (!chapter) return;
    this.select(chapter);
    if (scroll) this.host.scrollIntoView({ block: 'start' });
  }

  /** Row `r` of the current list → the chapter's index. */
  private rowChapter(r: number): number {
    return this.rows ? this.rows[r] : r;
  }

  private pickRow(r: number) {
    this.select(this.index!.chapters[this.rowChapter(r)]);
  }

  /** Selects a chapter: the list shows it, the map flies there and opens its popup, `chapter-select` fires. */
  select(chapter: Chapter): void {
    this.set({ selected: chapter });
    const i = this.index!.chapters.indexOf(chapter);
    const r = this.rows ? this.rows.indexOf(i) : i;
    if (r >= 0) this.vlist.show(r);
    this.view?.select(chapter);
    this.host.emit('chapter-select', { chapter });
  }

  private onInput = (e: Event) => this.search((e.target as HTMLInputElement).value);

  /** Filters the list; returns the chapters covering the query as a postal code. */
  private search(query: string): number[] {
    const index = this.index!;
    this.vlist.reset();
    let postal: number[] = [];
    let rows: number[] | undefined;
    let status = '';
    if (query.trim()) {
      postal = /\d/.test(query) ? index.postalMatch(query, regionOf(this.t.lang)) : [];
      const taken = new Set(postal);
      rows = postal.concat(index.search(query).filter((i) => !taken.has(i)));
      status = rows.length ? this.t.plural('chapter.results', rows.length) : this.t.t('chapter.no-match', { query });
    }
    this.set({ query, rows, rowKm: undefined, status });
    return postal;
  }

  private onSubmit = (e: Event) => {
    e.preventDefault();
    if (!this.index) return;
    const postal = this.search(this.query);
    const rows = this.rows ?? [];
    // A postal code picks its chapter; so does a search with a single answer.
    const pick = postal.length ? postal[0] : rows.length === 1 ? rows[0] : -1;
    if (pick >= 0) {
      const chapter = this.index.chapters[pick];
      this.select(chapter);
      this.set({ status: this.t.t('chapter.found', { name: pickTranslation(chapter.name, this.t.lang) }) });
    }
  };

  private nearMe = () => {
    const { t, index } = this;
    if (!index) return;
    if (!navigator.geolocation) return this.set({ status: t.t('chapter.geo-unavailable') });
    this.set({ status: t.t('chapter.locating') });
    navigator.geolocation.getCurrentPosition(
      async ({ coords }) => {
        const near = await index.nearest(coords.longitude, coords.latitude, 25);
        if (index !== this.index) return;
        this.vlist.reset();
        this.set({
          query: '',
          rows: near.map((n) => n.i),
          rowKm: near.map((n) => n.km),
          status: near.length
            ? t.t('chapter.nearest', { name: pickTranslation(near[0].chapter.name, t.lang), distance: this.distance(near[0].km) })
            : t.t('chapter.empty'),
        });
        if (near[0]) this.view?.select(near[0].chapter);
      },
      () => this.set({ status: t.t('chapter.geo-unavailable') }),
      { timeout: 15000, maximumAge: 600000 },
    );
  };

  private distance(km: number): string {
    const miles = usesMiles(this.t.lang);
    const v = miles ? km / 1.609344 : km;
    return this.t.number(v, { style: 'unit', unit: miles ? 'mile' : 'kilometer', maximumFractionDigits: v < 10 ? 1 : 0 });
  }

  /** What a reader needs to reach a chapter; shared by the popup and the details panel. */
  private info(c: Chapter): Info[] {
    const t = this.t;
    const key = `${t.lang} ${t.t('chapter.website')}`;
    const cached = this.infoCache.get(c);
    if (cached?.key === key) return cached.out;
    const out: Info[] = [];
    this.infoCache.set(c, { key, out });
    const where = [c.city, c.region, c.country].filter(Boolean).join(', ');
    if (where) out.push({ kind: 'city', text: where });
    const meets = pickTranslation(c.meets, t.lang);
    if (meets) out.push({ kind: 'meets', text: t.t('chapter.meets', { when: meets }) });
    const mail = mailtoUrl(c.email);
    if (mail) out.push({ kind: 'email', text: mail.slice(7), href: mail });
    // Relative links resolve against the document they came from.
    const base = this.host.src ? (this.srcState as { url?: string } | undefined)?.url : this.host.feedState.state?.url;
    const url = safeUrl(c.url, { base, context: `chapter ${c.id} url` });
    if (url) out.push({ kind: 'url', text: t.t('chapter.website'), href: url });
    return out;
  }

  /** The map popup, built with DOM APIs (feed text only ever becomes text). */
  private popupNode(c: Chapter): Node {
    const box = document.createElement('div');
    box.className = 'popup';
    box.appendChild(document.createElement('strong')).textContent = pickTranslation(c.name, this.t.lang);
    for (const item of this.info(c)) {
      const p = box.appendChild(document.createElement('p'));
      if (item.href) {
        const a = p.appendChild(document.createElement('a'));
        a.href = item.href;
        a.textContent = item.text;
        if (item.kind === 'url') a.target = '_blank';
      } else p.textContent = item.text;
    }
    return box;
  }

  render() {
    const { t, host } = this;
    const messages = this.attributeProblems().map((m) => html`<p class="message error" part="message" role="status">${m}</p>`);
    const s = host.feedState.state;
    const chapters = this.chapters;
    if (!chapters) {
      let status: unknown;
      let loading: boolean;
      if (host.src && !host.chapters) {
        const failed = this.srcState?.status === 'error';
        loading = !failed;
        status = html`<p class="message ${failed ? 'error' : ''}" part="message" role="status">
          ${t.t(failed ? 'chapter.src-error' : 'feed.loading')}
        </p>`;
      } else {
        loading = s?.status === 'loading';
        status = s ? renderFeedStatus(s, t) : nothing;
      }
      // The page's own content (e.g. a plain list of chapters) stays readable until the
      // chapters arrive, and after they fail. While they load, the map area is already
      // there, so the map can start.
      status = html`${status}<slot></slot>`;
      return loading ? this.layout(messages, status) : html`${messages}${status}`;
    }
    const lang = t.lang;
    const count = this.rows ? this.rows.length : chapters.length;
    const sel = this.selected ? chapters.indexOf(this.selected) : -1;
    const km = this.rowKm;
    return this.layout(
      messages,
      html`<form role="search" part="search" @submit=${this.onSubmit} aria-label=${t.t('chapter.search')}>
            <label for="q">${t.t('chapter.search')}</label>
            <span class="hint" id="hint">${t.t('chapter.search-hint')}</span>
            <div class="row">
              <input id="q" part="input" type="search" autocomplete="off" aria-describedby="hint" .value=${this.query} @input=${this.onInput} />
              <button part="button" type="submit" class="btn primary">${t.t('chapter.search-button')}</button>
            </div>
            <button part="button" type="button" class="btn near" @click=${this.nearMe}>${t.t('chapter.near-me')}</button>
          </form>
          <p class="status" part="status" role="status">${this.status}</p>
          ${this.rowKm
            ? html`<button part="button" type="button" class="btn all" @click=${() => this.search('')}>${t.t('chapter.show-all')}</button>`
            : nothing}
          ${count
            ? this.vlist.render(
                count,
                t.t('chapter.label'),
                (r) => {
                  const c = chapters[this.rowChapter(r)];
                  const where = [c.city, c.region, c.country].filter(Boolean).join(', ');
                  return html`<span class="name">${pickTranslation(c.name, lang)}</span>
                    <span class="where">${where}${km ? html` · <span class="km">${this.distance(km[r])}</span>` : nothing}</span>`;
                },
                this.rows ? this.rows.indexOf(sel) : sel,
              )
            : chapters.length
              ? nothing
              : html`<p class="message" part="message">${t.t('chapter.empty')}</p>`}
          ${this.selected ? this.renderDetails(this.selected) : nothing}`,
    );
  }

  /**
   * The panel and the map; one template, so the map's container survives the chapters
   * arriving. The panel comes first in the document (keyboard and screen-reader order:
   * search and list before the map's cluster buttons); CSS shows the map first.
   */
  private layout(messages: unknown, panel: unknown) {
    const t = this.t;
    return html`
      ${messages}
      <div class="wrap ${this.host.list === 'below' ? 'below' : 'side'}" part="base">
        <div class="panel" part="panel">${panel}</div>
        <div class="map" part="map">
          <div class="canvas" ?hidden=${this.mapState === 'failed' || this.mapState === 'tap'}></div>
          ${this.mapState === 'tap'
            ? html`<button part="button" class="btn primary show" @click=${() => this.maybeLoadMap(true)}>${t.t('chapter.show-map')}</button>`
            : this.mapState === 'failed'
              ? html`<p class="message" part="message" role="status">${t.t('chapter.no-map')}</p>`
              : nothing}
        </div>
      </div>
    `;
  }

  private renderDetails(c: Chapter) {
    return html`<section class="details" part="details" aria-labelledby="dn">
      <h3 id="dn">${pickTranslation(c.name, this.t.lang)}</h3>
      ${this.info(c).map((i) =>
        i.href
          ? html`<p><a href=${i.href} target=${i.kind === 'url' ? '_blank' : nothing}>${i.text}</a></p>`
          : html`<p>${i.text}</p>`,
      )}
    </section>`;
  }
}

/** The element's custom states (for `:host(:state(…))`), unless the browser lacks them or the page took its internals. */
function customStates(host: HTMLElement): Set<string> | undefined {
  try {
    return host.attachInternals().states;
  } catch {
    return undefined;
  }
}
