/** What the <chapter-map> browser tests share: fixtures that wait for the lazy panel and map, and lookups. */
import { expect, html } from '@open-wc/testing';
import type { Map as MapLibre } from 'maplibre-gl';
import { until } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { feedFixture } from '../../../test/util.js';
import { clearFeedCache } from '../../core/feed-loader.js';
import { ChapterMap } from './chapter-map.js';

ChapterMap.define('chapter-map');

type Internals = { state: string; view?: { map?: MapLibre } };
export const internals = (el: ChapterMap) => el.panel?.engine as unknown as Internals;

export async function mapFrom(feed: unknown, attrs = '', lang = 'en') {
  const url = typeof feed === 'string' ? feed : jsonUrl(feed);
  const el = await feedFixture<ChapterMap>(
    html`<div lang=${lang} style="inline-size: 900px"><chapter-map feed=${url} list=${attrs || 'side'}></chapter-map></div>`,
    'chapter-map',
  );
  return panelReady(el);
}

/** Waits for the lazily loaded list and search (fetched once the map is near the viewport). */
export async function panelReady(el: ChapterMap) {
  el.scrollIntoView();
  await until(() => el.panel, 'the panel loads', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

/** Waits until the lazy map is up and has rendered everything it will render. */
export async function mapReady(el: ChapterMap): Promise<MapLibre> {
  await until(() => internals(el).state === 'ready' || internals(el).state === 'failed', 'map loads', { timeout: 15000 });
  expect(internals(el).state).to.equal('ready');
  const map = internals(el).view!.map!;
  // The map may start before the chapters arrive: wait until they are drawn, then for rest.
  if (el.panel!.index?.chapters.length) {
    await until(() => map.queryRenderedFeatures({ layers: ['chapter-clusters', 'chapter-points'] }).length, 'the chapters are drawn', {
      timeout: 15000,
    });
  }
  await idle(map);
  return map;
}

export async function idle(map: MapLibre) {
  if (!map.loaded() || !map.areTilesLoaded() || map.isMoving()) await new Promise((r) => map.once('idle', r));
  await new Promise((r) => requestAnimationFrame(r));
}

export const root = (el: ChapterMap) => el.shadowRoot!;
export const input = (el: ChapterMap) => root(el).querySelector<HTMLInputElement>('input[type=search]')!;
export const options = (el: ChapterMap) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')];
export const names = (el: ChapterMap) => options(el).map((o) => o.querySelector('.name')!.textContent!.trim());

/** Sum of cluster counts on the map plus the single chapters drawn. */
export function chaptersOnMap(el: ChapterMap, map: MapLibre): number {
  const clusters = [...root(el).querySelectorAll<HTMLElement>('.cluster')].reduce((n, b) => n + Number(b.dataset.count), 0);
  const singles = new Set(map.queryRenderedFeatures({ layers: ['chapter-points'] }).map((f) => f.properties.i));
  return clusters + singles.size;
}

/** Runs `fn` with console.warn captured (and silenced). */
export async function withWarnings<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    return { value: await fn(), warnings };
  } finally {
    console.warn = warn;
  }
}

export function mockPosition(lng: number, lat: number) {
  const geo = navigator.geolocation;
  const original = geo.getCurrentPosition;
  geo.getCurrentPosition = (ok) => ok({ coords: { longitude: lng, latitude: lat, accuracy: 10 } } as GeolocationPosition);
  return () => (geo.getCurrentPosition = original);
}

/** Before each test: feeds fetched afresh, no deep link left in the address. */
export function resetPage() {
  clearFeedCache();
  history.replaceState(null, '', location.pathname + location.search);
}
