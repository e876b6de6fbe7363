import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chaptersFeed, sampleChapters, until } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { feedFixture } from '../../../test/util.js';
import type { Chapter } from '../../core/feed-types.js';
import type { ChapterMap } from './chapter-map.js';
import {
  input,
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

describe('<chapter-map> chapter sources, attributes, layout and language', () => {
  beforeEach(resetPage);

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
