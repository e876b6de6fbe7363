/**
 * The map engine is fetched only when the map nears the viewport (its own page:
 * nothing else in this file loads the map before the first test looks).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chaptersFeed, until } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { ChapterMap } from './chapter-map.js';

ChapterMap.define('chapter-map');

const mapRequests = () => performance.getEntriesByType('resource').filter((e) => /maplibre|map-view/.test(e.name));
const state = (el: ChapterMap) => (el.panel as unknown as { mapState: string } | undefined)?.mapState;

describe('<chapter-map> lazy map', () => {
  it('loads no map chunk while far below the fold, and loads it when scrolled to', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <div style="block-size: 5000px">A long article.</div>
      <chapter-map feed=${jsonUrl(chaptersFeed)}></chapter-map>
    </div>`);
    const el = wrap.querySelector('chapter-map')!;
    await until(() => el.shadowRoot!.querySelector('[role=option]'), 'the list shows');
    await new Promise((r) => setTimeout(r, 500));
    expect(mapRequests(), 'no maplibre request yet').to.deep.equal([]);
    expect(state(el)).to.equal('idle');
    el.scrollIntoView();
    await until(() => state(el) === 'ready', 'the map loads once in view', { timeout: 15000 });
    expect(mapRequests().length).to.be.greaterThan(0);
  });

  it('far below the fold, is skipped by the browser layout yet reached and typed in by keyboard, about as tall as when shown', async () => {
    window.scrollTo(0, 0); // the test before scrolled down
    const wrap = await fixture<HTMLElement>(html`<div>
      <div style="block-size: 5000px">A long article.</div>
      <chapter-map feed=${jsonUrl(chaptersFeed)} list="below"></chapter-map>
      <chapter-map feed=${jsonUrl(chaptersFeed)}></chapter-map>
    </div>`);
    const [below, side] = [...wrap.querySelectorAll('chapter-map')];
    const skipped = (el: ChapterMap) => getComputedStyle(el).contentVisibility === 'auto';
    await until(() => side.shadowRoot!.querySelector('[role=option]') && below.shadowRoot!.querySelector('[role=option]'), 'the lists are there');
    for (const el of [below, side]) expect(skipped(el), 'skipped while far').to.be.true;
    const farHeights = [below, side].map((el) => el.getBoundingClientRect().height);
    await expect(below).shadowDom.to.be.accessible();

    // Keyboard only: the first Tab on the page lands in the first map's search field, which comes into view.
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(below.shadowRoot!.activeElement?.id).to.equal('q');
    await until(() => !skipped(below), 'shown in full once near');
    await sendKeys({ type: 'Berl' });
    expect(below.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value, 'typed in order').to.equal('Berl');
    await sendKeys({ press: 'Enter' });
    await until(() => /Berlin/.test(below.shadowRoot!.querySelector('[role=option]')?.textContent ?? ''), 'the search works');
    await expect(below).shadowDom.to.be.accessible();

    side.scrollIntoView();
    await until(() => !skipped(side), 'the second map shown once near');
    const heights = [below, side].map((el) => el.getBoundingClientRect().height);
    heights.forEach((h, i) => expect(Math.abs(h - farHeights[i]) / h, `reserved ${farHeights[i]} px for ${h} px`).to.be.lessThan(0.2));
  });

  it('with Save-Data on, waits for a tap on "Show map"', async () => {
    Object.defineProperty(navigator, 'connection', { value: { saveData: true }, configurable: true });
    try {
      const el = await fixture<ChapterMap>(html`<chapter-map feed=${jsonUrl(chaptersFeed)}></chapter-map>`);
      await until(() => state(el) === 'tap', 'offers the map');
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button.show')!;
      expect(button.textContent).to.equal('Show map');
      expect(el.shadowRoot!.querySelector('[role=option]')).to.exist;
      await expect(el).shadowDom.to.be.accessible();
      button.click();
      await until(() => state(el) === 'ready', 'the map loads after the tap', { timeout: 15000 });
    } finally {
      delete (navigator as { connection?: unknown }).connection;
    }
  });
});
