import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { Map as MapLibre } from 'maplibre-gl';
import { chaptersFeed, haversine, manyUrl, sampleChapters, until } from '../../../test/fixtures/chapters-feed.js';
import { manyChapters } from '../../../test/fixtures/chapters-many.mjs';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { feedFixture } from '../../../test/util.js';
import { clearFeedCache } from '../../core/feed-loader.js';
import type { Chapter } from '../../core/feed-types.js';
import { ChapterMap } from './chapter-map.js';

ChapterMap.define('chapter-map');

type Internals = { state: string; view?: { map?: MapLibre } };
const internals = (el: ChapterMap) => el.panel?.engine as unknown as Internals;

async function mapFrom(feed: unknown, attrs = '', lang = 'en') {
  const url = typeof feed === 'string' ? feed : jsonUrl(feed);
  const el = await feedFixture<ChapterMap>(
    html`<div lang=${lang} style="inline-size: 900px"><chapter-map feed=${url} list=${attrs || 'side'}></chapter-map></div>`,
    'chapter-map',
  );
  return panelReady(el);
}

/** Waits for the lazily loaded list and search (fetched once the map is near the viewport). */
async function panelReady(el: ChapterMap) {
  el.scrollIntoView();
  await until(() => el.panel, 'the panel loads', { timeout: 10000 });
  await el.updateComplete;
  return el;
}

/** Waits until the lazy map is up and has rendered everything it will render. */
async function mapReady(el: ChapterMap): Promise<MapLibre> {
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

async function idle(map: MapLibre) {
  if (!map.loaded() || !map.areTilesLoaded() || map.isMoving()) await new Promise((r) => map.once('idle', r));
  await new Promise((r) => requestAnimationFrame(r));
}

const root = (el: ChapterMap) => el.shadowRoot!;
const input = (el: ChapterMap) => root(el).querySelector<HTMLInputElement>('input[type=search]')!;
const options = (el: ChapterMap) => [...root(el).querySelectorAll<HTMLElement>('[role=option]')];
const names = (el: ChapterMap) => options(el).map((o) => o.querySelector('.name')!.textContent!.trim());

/** Sum of cluster counts on the map plus the single chapters drawn. */
function chaptersOnMap(el: ChapterMap, map: MapLibre): number {
  const clusters = [...root(el).querySelectorAll<HTMLElement>('.cluster')].reduce((n, b) => n + Number(b.dataset.count), 0);
  const singles = new Set(map.queryRenderedFeatures({ layers: ['chapter-points'] }).map((f) => f.properties.i));
  return clusters + singles.size;
}

/** Runs `fn` with console.warn captured (and silenced). */
async function withWarnings<T>(fn: () => Promise<T>): Promise<{ value: T; warnings: string[] }> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    return { value: await fn(), warnings };
  } finally {
    console.warn = warn;
  }
}

function mockPosition(lng: number, lat: number) {
  const geo = navigator.geolocation;
  const original = geo.getCurrentPosition;
  geo.getCurrentPosition = (ok) => ok({ coords: { longitude: lng, latitude: lat, accuracy: 10 } } as GeolocationPosition);
  return () => (geo.getCurrentPosition = original);
}

describe('<chapter-map>', () => {
  beforeEach(() => {
    clearFeedCache();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('is accessible: list, search and controls, with the map and a selection', async () => {
    const el = await mapFrom(chaptersFeed);
    await mapReady(el);
    await expect(el).shadowDom.to.be.accessible();
    options(el)[0].click();
    await el.updateComplete;
    await expect(el).shadowDom.to.be.accessible();
  });

  it('lists every chapter and shows a clustered map whose counts add up to the number of chapters', async () => {
    const el = await mapFrom(chaptersFeed);
    expect(names(el)).to.include('Chicago North Side');
    expect(options(el)[0].getAttribute('aria-setsize')).to.equal(String(sampleChapters.length));
    const map = await mapReady(el);
    expect(root(el).querySelectorAll('.cluster').length, 'some chapters are clustered').to.be.greaterThan(0);
    expect(chaptersOnMap(el, map)).to.equal(sampleChapters.length);
  });

  it('counts add up for two thousand chapters too', async () => {
    const el = await mapFrom(manyUrl(2000));
    const map = await mapReady(el);
    expect(chaptersOnMap(el, map)).to.equal(2000);
  });

  it('zooms in to where a cluster splits, on click and on Enter', async () => {
    const el = await mapFrom(chaptersFeed);
    const map = await mapReady(el);
    const before = map.getZoom();
    const cluster = root(el).querySelector<HTMLButtonElement>('.cluster')!;
    expect(cluster.getAttribute('aria-label')).to.match(/\d+ chapters here/);
    cluster.click();
    await until(() => map.getZoom() > before + 0.5, 'the map zoomed in');
    await idle(map);
    const after = map.getZoom();
    const next = root(el).querySelector<HTMLButtonElement>('.cluster');
    if (next) {
      next.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => map.getZoom() > after + 0.5, 'Enter on a cluster zooms in');
    }
  });

  it('selects the chapter covering a postal code: the longest prefix wins, in any case, spaces and hyphens', async () => {
    const el = await mapFrom(chaptersFeed);
    for (const [code, id, name] of [
      ['60614', 'chicago-north', 'Chicago North Side'],
      ['m5v-3l9', 'toronto', 'Toronto'],
    ]) {
      input(el).select();
      await sendKeys({ type: code });
      const selected = oneEvent(el, 'chapter-select');
      await sendKeys({ press: 'Enter' });
      expect((await selected).detail.chapter.id).to.equal(id);
      await el.updateComplete;
      expect(root(el).querySelector('[aria-selected=true] .name')!.textContent).to.equal(name);
      expect(root(el).querySelector('[part=details] h3')!.textContent).to.equal(name);
      expect(root(el).querySelector('[part=status]')!.textContent).to.contain(name);
    }
  });

  it('searches by name, city or region, ignoring case and accents', async () => {
    const el = await mapFrom(chaptersFeed);
    input(el).focus();
    await sendKeys({ type: 'montreal' });
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Montreal']);
    input(el).select();
    await sendKeys({ type: 'chi' });
    await el.updateComplete;
    expect(names(el)).to.have.members(['Chicago', 'Chicago North Side']);
    input(el).select();
    await sendKeys({ type: 'on' });
    await el.updateComplete;
    expect(names(el), 'words match from their start').to.deep.equal(['Toronto']);
    input(el).select();
    await sendKeys({ type: 'atlantis' });
    await el.updateComplete;
    expect(options(el)).to.have.length(0);
    expect(root(el).querySelector('[part=status]')!.textContent).to.contain('No chapter matches');
  });

  it('"Near me" lists the truly nearest chapters first, with distances in the reader\'s units', async () => {
    const chapters = manyChapters(3000, 7);
    const el = await mapFrom(manyUrl(3000, 7), 'side', 'en-US');
    const here = { lng: 2.3, lat: 48.8 };
    const restore = mockPosition(here.lng, here.lat);
    try {
      root(el).querySelector<HTMLButtonElement>('button.near')!.click();
      await until(() => options(el)[0]?.querySelector('.km'), 'distances are listed', { timeout: 5000 });
    } finally {
      restore();
    }
    const byDistance = [...chapters].sort((a, b) => haversine(here.lng, here.lat, a.lng, a.lat) - haversine(here.lng, here.lat, b.lng, b.lat));
    expect(names(el).slice(0, 3)).to.deep.equal(byDistance.slice(0, 3).map((c) => c.name));
    expect(options(el)[0].querySelector('.km')!.textContent).to.match(/mi/);
  });

  it('shows kilometers outside the mile countries', async () => {
    const el = await mapFrom(chaptersFeed, 'side', 'fr-FR');
    const restore = mockPosition(2.35, 48.9);
    try {
      root(el).querySelector<HTMLButtonElement>('button.near')!.click();
      await until(() => options(el)[0]?.querySelector('.km'), 'distances are listed', { timeout: 5000 });
    } finally {
      restore();
    }
    expect(names(el)[0]).to.equal('Paris');
    expect(options(el)[0].querySelector('.km')!.textContent).to.match(/km/);
    await expect(el).shadowDom.to.be.accessible();
    // Back to every chapter.
    root(el).querySelector<HTMLButtonElement>('button.all')!.click();
    await el.updateComplete;
    expect(options(el)[0].getAttribute('aria-setsize')).to.equal(String(sampleChapters.length));
    expect(root(el).querySelector('button.all')).to.equal(null);
  });

  it('says so when the reader\'s location is not available', async () => {
    const el = await mapFrom(chaptersFeed);
    const geo = navigator.geolocation;
    const original = geo.getCurrentPosition;
    geo.getCurrentPosition = (_ok, fail) => fail!({ code: 1, message: 'denied' } as GeolocationPositionError);
    try {
      root(el).querySelector<HTMLButtonElement>('button.near')!.click();
      await el.updateComplete;
    } finally {
      geo.getCurrentPosition = original;
    }
    expect(root(el).querySelector('[part=status]')!.textContent).to.contain('not available');
  });

  it('is keyboard navigable: Tab to the list, arrows, Enter selects, the map flies there and opens the popup', async () => {
    const el = await mapFrom(chaptersFeed);
    const map = await mapReady(el);
    const list = root(el).querySelector<HTMLElement>('[role=listbox]')!;
    list.focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const active = list.getAttribute('aria-activedescendant')!;
    expect(root(el).getElementById(active)!.textContent).to.contain('Chicago North Side');
    const selected = oneEvent(el, 'chapter-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.chapter.id).to.equal('chicago-north');
    await until(() => root(el).querySelector('.maplibregl-popup'), 'the popup opens');
    expect(root(el).querySelector('.maplibregl-popup strong')!.textContent).to.equal('Chicago North Side');
    await idle(map);
    expect(map.getCenter().lat).to.be.closeTo(41.95, 0.05);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(root(el).getElementById(list.getAttribute('aria-activedescendant')!)!.textContent).to.contain('Ciudad de México');
  });

  it('flies to a chapter, but jumps there when the reader prefers reduced motion', async () => {
    const el = await mapFrom(chaptersFeed);
    const map = await mapReady(el);
    options(el)[6].click(); // New York City
    expect(map.isMoving(), 'a flight').to.be.true;
    await idle(map);
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      options(el)[9].click(); // Ciudad de México
      expect(map.isMoving(), 'no animation').to.be.false;
      expect(map.getCenter().lat).to.be.closeTo(19.43, 0.01);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('uses a style-url for real tiles, falls back to the built-in basemap when it fails, and follows attribute changes', async () => {
    const style = { version: 8, sources: {}, layers: [{ id: 'custom-bg', type: 'background', paint: { 'background-color': '#eee' } }] };
    const { value: el, warnings } = await withWarnings(async () => {
      const wrap = await feedFixture<HTMLElement>(
        html`<div><chapter-map feed=${jsonUrl(chaptersFeed)} style-url=${jsonUrl(style)}></chapter-map></div>`,
      );
      return panelReady(wrap.querySelector('chapter-map')!);
    });
    let map = await mapReady(el);
    const layers = () => map.getStyle().layers.map((l) => l.id);
    expect(layers()).to.include.members(['custom-bg', 'chapter-clusters', 'chapter-points']);
    expect(layers()).not.to.include('land');
    // A style that cannot be loaded: the built-in basemap, one warning.
    await withWarnings(async () => {
      el.styleUrl = jsonUrl({}, { status: 404 });
      await until(() => layers().includes('land') && layers().includes('chapter-points'), 'back to the basemap');
    }).then(({ warnings: w }) => expect(w.filter((m) => /style/.test(m))).to.have.length(1));
    // center and zoom set later move the map.
    el.setAttribute('center', '2.35,48.86');
    el.setAttribute('zoom', '6');
    await el.updateComplete;
    map = internals(el).view!.map!;
    expect(map.getZoom()).to.be.closeTo(6, 0.01);
    expect(map.getCenter().lng).to.be.closeTo(2.35, 0.01);
    expect(warnings).to.deep.equal([]);
  });

  it('a click on a chapter dot selects it', async () => {
    const el = await mapFrom({ ...chaptersFeed, chapters: [sampleChapters[7]] });
    const map = await mapReady(el);
    const selected = oneEvent(el, 'chapter-select');
    const p = map.project([13.4, 52.52]);
    map.fire('click', { point: p, lngLat: map.unproject(p), originalEvent: new MouseEvent('click') });
    expect((await selected).detail.chapter.id).to.equal('berlin');
  });

  it('keeps fifty thousand rows fast: only the visible rows are in the DOM', async () => {
    const el = await mapFrom(manyUrl(50000));
    expect(options(el).length).to.be.lessThan(60);
    const list = root(el).querySelector<HTMLElement>('[role=listbox]')!;
    list.scrollTop = list.scrollHeight / 2;
    await until(() => names(el).some((n) => /Chapter 2\d{4}/.test(n)), 'rows follow the scroll');
    expect(options(el).length).to.be.lessThan(60);
    list.focus();
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(root(el).getElementById(list.getAttribute('aria-activedescendant')!)!.textContent).to.contain('Chapter 49999');
  });

  it('selects the chapter in a #chapter-<id> deep link, on load and on hashchange', async () => {
    history.replaceState(null, '', '#chapter-detroit');
    const first = oneEvent(document, 'chapter-select');
    const el = await mapFrom(chaptersFeed);
    expect((await first).detail.chapter.id).to.equal('detroit');
    const next = oneEvent(el, 'chapter-select');
    location.hash = '#chapter-toronto';
    expect((await next).detail.chapter.id).to.equal('toronto');
    await el.updateComplete;
    expect(root(el).querySelector('[part=details] h3')!.textContent).to.equal('Toronto');
  });

  it('checks the feed’s chapters itself (pages without a map never do): a bad one is skipped with one warning', async () => {
    const feed = { ...chaptersFeed, chapters: [sampleChapters[0], { ...sampleChapters[1], lat: 123 }, { id: 'nameless', lat: 1, lng: 2 }] };
    const { value: el, warnings } = await withWarnings(async () => {
      const el = await mapFrom(feed);
      await until(() => options(el).length, 'chapters listed');
      el.requestUpdate();
      await el.updateComplete;
      return el;
    });
    expect(options(el)).to.have.length(1);
    const about = warnings.filter((w) => /\$\[[12]\]/.test(w));
    expect(about).to.have.length(2);
    expect(about[0]).to.match(/^solidarity-widgets: feed http.*: \$\[1\]\.lat must be a number from -90 to 90, got 123$/);
    expect(about[1]).to.contain('$[2].name is required');
  });

  it('takes chapters from src as GeoJSON, skipping bad ones with a warning', async () => {
    const geojson = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'a', properties: { name: 'Alpha', city: 'Oslo', url: 'alpha.html' }, geometry: { type: 'Point', coordinates: [10.75, 59.91] } },
        { type: 'Feature', id: 'b', properties: { name: 'Bad lat' }, geometry: { type: 'Point', coordinates: [10, 123] } },
        { type: 'Feature', id: 'c', properties: { city: 'No name' }, geometry: { type: 'Point', coordinates: [10, 50] } },
        { type: 'Feature', id: 'd', properties: { name: 'Delta' }, geometry: { type: 'Point', coordinates: [11, 60] } },
      ],
    };
    const { value: el, warnings } = await withWarnings(async () => {
      const src = jsonUrl(geojson).replace('/test-feed?', '/test-feed/chapters/list?');
      const el = await fixture<ChapterMap>(html`<chapter-map src=${src}></chapter-map>`);
      await until(() => options(el).length, 'chapters load');
      return el;
    });
    expect(names(el)).to.deep.equal(['Alpha', 'Delta']);
    options(el)[0].click();
    await el.updateComplete;
    const link = root(el).querySelector<HTMLAnchorElement>('[part=details] a')!;
    expect(link.href, 'relative to the src document').to.equal(new URL('/test-feed/chapters/alpha.html', location.href).href);
    expect(warnings.some((w) => /lat/.test(w))).to.be.true;
    expect(warnings.some((w) => /name/.test(w))).to.be.true;
  });

  it('takes chapters set from script, checked like a feed', async () => {
    const chapters = [...sampleChapters.slice(0, 2), { id: 'bad', name: 'Nowhere', lat: 95, lng: 0 }];
    const { value: el, warnings } = await withWarnings(async () =>
      panelReady(await fixture<ChapterMap>(html`<chapter-map .chapters=${chapters}></chapter-map>`)),
    );
    expect(names(el)).to.deep.equal(['Chicago', 'Chicago North Side']);
    expect(warnings.filter((w) => /\$\[2\]\.lat/.test(w))).to.have.length(1);
  });

  it('says so politely when src cannot be loaded', async () => {
    const { value: el } = await withWarnings(async () => {
      const el = await fixture<ChapterMap>(html`<chapter-map src=${jsonUrl({}, { status: 500 })}></chapter-map>`);
      await until(() => root(el).querySelector('.message.error'), 'an error shows');
      return el;
    });
    expect(root(el).querySelector('.message.error')!.textContent).to.contain('could not be loaded');
  });

  it('starts the map while the feed loads, and drops it if the feed then fails', async () => {
    const { value: el } = await withWarnings(async () => {
      const el = await fixture<ChapterMap>(html`<chapter-map feed=${jsonUrl({}, { status: 500, delay: 5000 })}></chapter-map>`);
      await until(() => internals(el)?.state === 'ready', 'the map starts before the feed answers', { timeout: 15000 });
      expect(root(el).querySelector('[part=panel]')!.textContent).to.contain('Loading');
      await until(() => root(el).querySelector('.message.error'), 'the failure shows', { timeout: 15000 });
      return el;
    });
    expect(root(el).querySelector('.canvas')).to.equal(null);
    expect(internals(el).view === undefined, 'no map view').to.equal(true);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows each bad attribute in a visible, polite message with one warning (core/attribute-check.ts)', async () => {
    await expectAttributeMessage('<chapter-map center="north pole"></chapter-map>', 'longitude,latitude', 'center="north pole"');
    await expectAttributeMessage('<chapter-map zoom="99"></chapter-map>', 'from 0 to 22', 'zoom="99"');
    await expectAttributeMessage('<chapter-map list="top"></chapter-map>', 'side or below', 'list="top"');
  });

  it('reports bad attributes visibly and keeps working', async () => {
    const { value: el, warnings } = await withWarnings(async () =>
      panelReady(
        await feedFixture<ChapterMap>(
          html`<chapter-map feed=${jsonUrl(chaptersFeed)} center="north pole" zoom="99" list="top"></chapter-map>`,
        ),
      ),
    );
    const messages = [...root(el).querySelectorAll('.message.error')].map((m) => m.textContent);
    expect(messages).to.have.length(3);
    expect(warnings.length).to.equal(3);
    expect(options(el).length).to.equal(sampleChapters.length);
  });

  it('renders hostile chapter text as text in the list, details and popup', async () => {
    const hostile: Chapter = {
      id: 'x',
      name: '<img src=x onerror="window.__pwned=1">',
      city: '<script>window.__pwned=1</script>',
      lat: 10,
      lng: 10,
      email: 'x@y.example" onmouseover="window.__pwned=1',
      url: 'javascript:window.__pwned=1',
      meets: '<b>bold</b>',
    };
    const { value: el } = await withWarnings(async () => {
      const el = await mapFrom({ ...chaptersFeed, chapters: [hostile] });
      await mapReady(el);
      options(el)[0].click();
      await until(() => root(el).querySelector('.maplibregl-popup'), 'the popup opens');
      await el.updateComplete;
      return el;
    });
    for (const scope of [root(el).querySelector('[part=details]')!, root(el).querySelector('.maplibregl-popup')!]) {
      expect(scope.querySelector('img, script, b')).to.equal(null);
      expect(scope.textContent).to.contain('<img src=x');
      expect([...scope.querySelectorAll('a')].every((a) => /^(https?|mailto):/.test(a.href))).to.be.true;
      expect(scope.querySelector('a[href^="mailto"]')).to.equal(null);
    }
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('places the list beside the map, below it, below on narrow screens, and mirrored right to left', async () => {
    const place = async (width: number, list: string, dir = 'ltr') => {
      const wrap = await feedFixture<HTMLElement>(
        html`<div dir=${dir} style="inline-size:${width}px"><chapter-map feed=${jsonUrl(chaptersFeed)} list=${list}></chapter-map></div>`,
      );
      const el = await panelReady(wrap.querySelector('chapter-map')!);
      const map = root(el).querySelector('[part=map]')!.getBoundingClientRect();
      const panel = root(el).querySelector('[part=panel]')!.getBoundingClientRect();
      return panel.top >= map.bottom - 1 ? 'below' : panel.left >= map.right - 1 ? 'right' : panel.right <= map.left + 1 ? 'left' : 'overlap';
    };
    expect(await place(1000, 'side')).to.equal('right');
    expect(await place(1000, 'below')).to.equal('below');
    expect(await place(500, 'side')).to.equal('below');
    expect(await place(1000, 'side', 'rtl')).to.equal('left');
  });

  it('reaches search and the list by Tab before the map', async () => {
    const el = await mapFrom(chaptersFeed);
    await mapReady(el);
    const before = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    el.before(before);
    before.focus();
    const order: (Element | null)[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(root(el).activeElement);
    }
    expect(order).to.deep.equal([
      input(el),
      root(el).querySelector('button[type=submit]'),
      root(el).querySelector('button.near'),
      root(el).querySelector('[role=listbox]'),
    ]);
    before.remove();
  });

  it('speaks Spanish on a Spanish page', async () => {
    const el = await mapFrom(chaptersFeed, 'below', 'es-MX');
    await until(() => root(el).querySelector('button.near')!.textContent!.includes('Cerca'), 'Spanish strings load');
    expect(root(el).querySelector('label')!.textContent).to.equal('Buscar una sección');
    options(el)[0].click();
    await el.updateComplete;
    expect(root(el).querySelector('[part=details]')!.textContent).to.contain('Segundo martes');
  });

  it('shows its light-DOM content when it has no feed and no src', async () => {
    const el = await fixture<ChapterMap>(html`<chapter-map><ul><li>Chicago: chicago@workers.example</li></ul></chapter-map>`);
    await until(() => el.panel, 'the panel loads', { timeout: 10000 });
    await el.updateComplete;
    const slot = root(el).querySelector('slot')!;
    expect(slot.assignedElements()[0].textContent).to.contain('Chicago');
    expect(el.offsetHeight).to.be.greaterThan(0);
  });
});
