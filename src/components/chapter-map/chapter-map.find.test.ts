import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chaptersFeed, haversine, manyUrl, sampleChapters, until } from '../../../test/fixtures/chapters-feed.js';
import { manyChapters } from '../../../test/fixtures/chapters-many.mjs';
import { input, mapFrom, mockPosition, names, options, root, resetPage } from './chapter-map.test-kit.js';

describe('<chapter-map> search and near me', () => {
  beforeEach(resetPage);

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
});
