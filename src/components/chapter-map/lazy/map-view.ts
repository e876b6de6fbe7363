/**
 * The map itself: a lazy chunk with maplibre-gl, fetched only when a
 * `<chapter-map>` nears the viewport. Its worker runs from a `blob:` URL made from
 * the worker's source (so the script may come from any origin) and its CSS is
 * adopted into the element's shadow root. Every failure (no WebGL2, a CSP or
 * Trusted Types refusing the worker) is reported through `fail`, never thrown.
 */
import { Map as MapLibre, Marker, NavigationControl, Popup, setWorkerUrl, type GeoJSONSource, type MapOptions } from 'maplibre-gl';
import workerSource from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';
import mapCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import type { Chapter } from '../../../core/feed-types.js';
import { basemapStyle, CHAPTER_SOURCE, chapterLayers, chapterSource, CLUSTER_LAYER, POINT_LAYER } from './basemap.js';

export interface MapViewOptions {
  container: HTMLElement;
  root: ShadowRoot;
  chapters: Chapter[];
  /** A checked http(s) URL of a vector style, else the built-in basemap. */
  styleUrl?: string;
  center?: [number, number];
  zoom?: number;
  accent: string;
  /** maplibre's own UI strings, in the reader's language. */
  locale: Record<string, string>;
  clusterLabel: (count: number) => string;
  /** The popup's content for a chapter (built with DOM APIs by the element). */
  popup: (chapter: Chapter) => Node;
  select: (index: number) => void;
  fail: (reason: 'webgl' | 'worker' | 'style', detail?: string) => void;
}

let workerUrl: string | undefined;
let sheet: CSSStyleSheet | undefined;

const still = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

export class MapView {
  map?: MapLibre;
  private popup?: Popup;
  private markers = new Map<number, Marker>();
  private shown = new Map<number, Marker>();
  private failed = false;
  private onViolation = (e: SecurityPolicyViolationEvent) => {
    if (/^(worker|script|child)-src|trusted-types/.test(e.effectiveDirective) && /^blob/.test(e.blockedURI || 'blob')) {
      this.fail('worker', e.effectiveDirective);
    }
  };

  /**
   * Starts the map once `workerAllowed` (the element's probe: may a `blob:` worker run
   * here?) says yes; with a no, maplibre is never tried, so a strict page sees one report.
   */
  static async create(o: MapViewOptions, workerAllowed: Promise<boolean>): Promise<MapView> {
    const view = new MapView(o);
    document.addEventListener('securitypolicyviolation', view.onViolation);
    if (await workerAllowed) view.start();
    else view.fail('worker', 'the page does not allow blob: workers');
    return view;
  }

  /** The style URL the element asked for (the map may have fallen back from it). */
  private requested?: string;

  private constructor(private o: MapViewOptions) {
    this.requested = o.styleUrl;
  }

  private start() {
    performance.mark('chapter-map:start');
    const o = this.o;
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(mapCss);
    if (!o.root.adoptedStyleSheets.includes(sheet)) o.root.adoptedStyleSheets = [...o.root.adoptedStyleSheets, sheet];
    setWorkerUrl((workerUrl ??= URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }))));
    const options: MapOptions = {
      container: o.container,
      style: o.styleUrl ?? basemapStyle(),
      cooperativeGestures: true,
      attributionControl: { compact: true },
      locale: o.locale,
      renderWorldCopies: false,
      ...(o.center
        ? { center: o.center, zoom: o.zoom ?? 9 }
        : o.chapters.length
          ? { bounds: bounds(o.chapters), fitBoundsOptions: { padding: 40, maxZoom: o.zoom ?? 10 } }
          : { center: [0, 20], zoom: o.zoom ?? 1 }),
    };
    try {
      this.map = new MapLibre(options);
    } catch (e) {
      this.fail('webgl', String(e));
      return;
    }
    const map = this.map;
    // A user-timing mark for the benchmark (and for a webmaster's own monitoring).
    map.once('idle', () => performance.mark('chapter-map:idle'));
    map.addControl(new NavigationControl({ showCompass: false }));
    map.on('style.load', () => this.addLayers());
    map.on('error', (e) => {
      const error = e.error as (Error & { url?: string }) | undefined;
      const message = String(error?.message ?? error ?? '');
      if (/worker/i.test(message)) this.fail('worker', message);
      else if (o.styleUrl && (error?.url === o.styleUrl || (error instanceof SyntaxError && !map.isStyleLoaded()))) {
        // A style that cannot be loaded leaves the built-in basemap, not a blank map.
        o.fail('style', message);
        o.styleUrl = undefined;
        map.setStyle(basemapStyle());
      }
    });
    map.on('click', POINT_LAYER, (e) => {
      const i = e.features?.[0]?.properties?.i;
      if (typeof i === 'number') o.select(i);
    });
    const canvas = map.getCanvas();
    map.on('mouseenter', POINT_LAYER, () => (canvas.style.cursor = 'pointer'));
    map.on('mouseleave', POINT_LAYER, () => (canvas.style.cursor = ''));
    const update = () => {
      if (map.getLayer(CLUSTER_LAYER) && map.isSourceLoaded(CHAPTER_SOURCE)) this.updateClusters();
    };
    map.on('idle', update);
    map.on('moveend', update);
  }

  private fail(reason: 'webgl' | 'worker', detail: string) {
    if (this.failed) return;
    this.failed = true;
    this.destroy();
    this.o.fail(reason, detail);
  }

  private addLayers() {
    const map = this.map!;
    if (map.getSource(CHAPTER_SOURCE)) return;
    map.addSource(CHAPTER_SOURCE, chapterSource(this.o.chapters));
    for (const layer of chapterLayers(this.o.accent)) map.addLayer(layer);
    this.shown.forEach((m) => m.remove());
    this.shown.clear();
    this.markers.clear();
  }

  /** Applies a new `style-url`, `center` or `zoom` set after the map started. */
  update({ styleUrl, center, zoom }: Pick<MapViewOptions, 'styleUrl' | 'center' | 'zoom'>): void {
    const map = this.map;
    if (!map) return;
    if (styleUrl !== this.requested) {
      this.requested = this.o.styleUrl = styleUrl;
      map.setStyle(styleUrl ?? basemapStyle()); // 'style.load' adds the chapters again
    }
    if (center?.join() !== this.o.center?.join() || zoom !== this.o.zoom) {
      Object.assign(this.o, { center, zoom });
      if (center || zoom !== undefined) map.jumpTo({ center: center ?? map.getCenter(), zoom: zoom ?? map.getZoom() });
    }
  }

  get chapters(): Chapter[] {
    return this.o.chapters;
  }

  /** Replaces the chapters shown and, unless the page chose a center, fits the view to them. */
  setChapters(chapters: Chapter[]): void {
    this.o.chapters = chapters;
    this.popup?.remove();
    if (!this.o.center && chapters.length) this.map?.fitBounds(bounds(chapters), { padding: 40, maxZoom: this.o.zoom ?? 10, animate: false });
    const source = this.map?.getSource<GeoJSONSource>(CHAPTER_SOURCE);
    if (!source) return;
    source.setData(chapterSource(chapters).data as GeoJSON.FeatureCollection);
    this.shown.forEach((m) => m.remove());
    this.shown.clear();
    this.markers.clear();
  }

  /** Cluster counts are buttons over the cluster circles: click or Enter zooms to where the cluster splits. */
  private updateClusters() {
    const map = this.map!;
    const next = new Map<number, Marker>();
    for (const f of map.queryRenderedFeatures({ layers: [CLUSTER_LAYER] })) {
      const p = f.properties;
      if (!p?.cluster || next.has(p.cluster_id)) continue;
      const id = p.cluster_id as number;
      let marker = this.markers.get(id);
      if (!marker) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'cluster';
        button.part.add('cluster');
        button.textContent = String(p.point_count_abbreviated ?? p.point_count);
        button.dataset.count = String(p.point_count);
        button.setAttribute('aria-label', this.o.clusterLabel(p.point_count));
        const at = (f.geometry as GeoJSON.Point).coordinates as [number, number];
        button.addEventListener('click', (e) => {
          e.stopPropagation();
          this.zoomToCluster(id, at);
        });
        marker = new Marker({ element: button }).setLngLat(at);
        this.markers.set(id, marker);
      }
      next.set(id, marker);
      if (!this.shown.has(id)) marker.addTo(map);
    }
    for (const [id, m] of this.shown) if (!next.has(id)) m.remove();
    this.shown = next;
  }

  async zoomToCluster(id: number, center: [number, number]): Promise<void> {
    const map = this.map!;
    const zoom = await map.getSource<GeoJSONSource>(CHAPTER_SOURCE)!.getClusterExpansionZoom(id);
    map.easeTo({ center, zoom, duration: still() ? 0 : 500 });
  }

  /** Moves to a chapter and opens its popup. */
  select(chapter: Chapter): void {
    const map = this.map;
    if (!map) return;
    const center: [number, number] = [chapter.lng, chapter.lat];
    const zoom = Math.max(map.getZoom(), 11);
    if (still()) map.jumpTo({ center, zoom });
    else map.flyTo({ center, zoom });
    this.popup?.remove();
    this.popup = new Popup({ offset: 12, maxWidth: '18rem', focusAfterOpen: false })
      .setLngLat(center)
      .setDOMContent(this.o.popup(chapter))
      .addTo(map);
  }

  destroy(): void {
    document.removeEventListener('securitypolicyviolation', this.onViolation);
    this.map?.remove();
    this.map = undefined;
  }
}

function bounds(chapters: Chapter[]): [number, number, number, number] {
  let w = 180, s = 90, e = -180, n = -90;
  for (const c of chapters) {
    w = Math.min(w, c.lng);
    e = Math.max(e, c.lng);
    s = Math.min(s, c.lat);
    n = Math.max(n, c.lat);
  }
  return [w, s, e, n];
}
