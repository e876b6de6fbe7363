import { expect, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { chaptersFeed, manyUrl, sampleChapters, until } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { feedFixture } from '../../../test/util.js';
import {
  chaptersOnMap,
  idle,
  internals,
  mapFrom,
  mapReady,
  names,
  options,
  panelReady,
  root,
  withWarnings,
  resetPage,
} from './chapter-map.test-kit.js';

describe('<chapter-map>', () => {
  beforeEach(resetPage);

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
});
