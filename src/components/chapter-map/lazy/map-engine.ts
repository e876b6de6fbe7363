/**
 * The map engine as a reactive controller: starts the lazy maplibre view once the
 * element is near the viewport and its container is rendered (after a tap with
 * Save-Data on), probes whether its worker may run, keeps it in step with the
 * chapters and the `style-url`, `center` and `zoom` attributes, and reports a map
 * that cannot run (the list still works).
 */
import type { ReactiveController } from 'lit';
import type { Chapter } from '../../../core/feed-types.js';
import type { Lazy } from '../../../core/lazy.js';
import { safeUrl } from '../../../core/url.js';
import type { MapHost } from '../map-host.js';
import { saveData } from '../save-data.js';
import { initialView } from './map-attributes.js';
import { markerAccent } from './map-settings.js';
import type { MapView } from './map-view.js';
import { probeWorker } from './worker-probe.js';

export type MapState = 'idle' | 'tap' | 'loading' | 'ready' | 'failed';

export interface MapEngineOptions {
  /** The map chunk (shared with the element, which prefetches it as the map nears view). */
  chunk: Lazy<typeof import('./map-view.js')>;
  /** The chapters to show; undefined while they load. */
  chapters(): Chapter[] | undefined;
  /** The selected chapter, shown once the map is up. */
  selected(): Chapter | undefined;
  /** A chapter's popup (DOM built by the panel). */
  popup(chapter: Chapter): Node;
  /** A chapter was clicked on the map. */
  select(chapter: Chapter): void;
}

export class MapEngine implements ReactiveController {
  state: MapState = 'idle';
  view?: MapView;
  private workerOk?: Promise<boolean>;
  private style?: { raw?: string; url?: string };

  constructor(
    private host: MapHost,
    private o: MapEngineOptions,
  ) {
    host.addController(this);
  }

  private setState(state: MapState) {
    this.state = state;
    this.host.requestUpdate();
  }

  private get container() {
    return this.host.renderRoot.querySelector<HTMLElement>('.canvas');
  }

  hostDisconnected(): void {
    this.drop();
    if (this.state !== 'failed') this.state = 'idle';
  }

  hostUpdate(): void {
    const chapters = this.o.chapters();
    if (this.view && chapters && chapters !== this.view.chapters) this.view.setChapters(chapters);
    this.view?.update({ styleUrl: this.styleUrl(), ...initialView(this.host.center, this.host.zoom) });
  }

  hostUpdated(): void {
    if (this.host.near && !saveData()) this.prepare();
    if (this.view && !this.container) {
      // The chapters failed to load after all: no map to show.
      this.drop();
      this.state = 'idle';
    }
    this.start();
  }

  /** Starts the map if it is near view and has a container; `tapped`: the reader asked for it (Save-Data). */
  start(tapped = false): void {
    if ((this.state !== 'idle' && this.state !== 'tap') || (this.state === 'tap' && !tapped)) return;
    // The map starts as soon as it is near view, while the chapters may still be loading.
    if (!this.host.near || !this.container) return;
    // With Save-Data on, the reader chooses whether to fetch the map.
    const state = saveData() && !tapped ? 'tap' : 'loading';
    this.setState(state);
    if (state === 'loading') void this.run();
  }

  /** Moves the map to a chapter and opens its popup. */
  select(chapter: Chapter): void {
    this.view?.select(chapter);
  }

  /** The map chunk and, meanwhile, the worker probe (both started once, as early as possible). */
  private prepare() {
    this.workerOk ??= probeWorker();
    this.o.chunk.prefetch();
  }

  /** The checked `style-url` (checked once per value, so a bad one warns once). */
  private styleUrl(): string | undefined {
    const raw = this.host.styleUrl;
    if (!this.style || this.style.raw !== raw) {
      this.style = { raw, url: safeUrl(raw, { context: '<chapter-map> style-url' }) ?? undefined };
    }
    return this.style.url;
  }

  private async run() {
    const { host } = this;
    const t = host.locale;
    try {
      this.prepare();
      const { MapView } = await this.o.chunk.load();
      await host.updateComplete;
      const container = this.container;
      if (!container || !host.isConnected || this.state !== 'loading') return;
      const { center, zoom } = initialView(host.center, host.zoom);
      const view = await MapView.create(
        {
          container,
          root: host.renderRoot as ShadowRoot,
          chapters: this.o.chapters() ?? [],
          styleUrl: this.styleUrl(),
          center,
          zoom,
          accent: markerAccent(getComputedStyle(host).getPropertyValue('--_accent').trim()),
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
          popup: (c) => this.o.popup(c),
          select: (i) => this.o.select(view.chapters[i]),
          fail: (reason, detail) => this.failed(reason, detail),
        },
        this.workerOk!,
      );
      // It may have failed meanwhile, or the element left the page.
      if (this.state !== 'loading') return view.destroy();
      this.view = view;
      // The chapters may have arrived while the map was starting.
      const chapters = this.o.chapters();
      if (chapters && view.chapters !== chapters) view.setChapters(chapters);
      this.setState('ready');
      const selected = this.o.selected();
      if (selected) view.select(selected);
    } catch (e) {
      this.failed('chunk', String(e));
    }
  }

  private failed(reason: string, detail?: string) {
    if (reason === 'style') {
      const url = this.host.styleUrl;
      this.host.warnOnce(`<chapter-map>: the style at "${url}" could not be loaded (${detail}); using the built-in basemap.`);
      return;
    }
    const why = `${reason}${detail ? `: ${detail}` : ''}`;
    this.host.warnOnce(`<chapter-map>: the map cannot be shown here (${why}); the list still works.`);
    this.drop();
    this.setState('failed');
  }

  private drop() {
    this.view?.destroy();
    this.view = undefined;
  }
}
