/**
 * A far-off map fetches none of its code (its panel nor its engine) until it nears
 * the viewport or a reader tabs into it (its own page: nothing else in this file
 * loads the map before the first test looks).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chaptersFeed, until } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { ChapterMap } from './chapter-map.js';

ChapterMap.define('chapter-map');

// Every module request counts (the default buffer of 250 entries would fill with the test's own).
performance.setResourceTimingBufferSize(100000);
const requests = () => performance.getEntriesByType('resource');
const mapRequests = () => requests().filter((e) => /maplibre|map-view/.test(e.name));
/** Requests for the map's lazy modules (the panel, the map, the index…), all under chapter-map/lazy/. */
const lazyRequests = () => requests().filter((e) => /chapter-map\/lazy\//.test(e.name));

const fallback = html`<ul><li>Chicago: <a href="mailto:chicago@workers.example">chicago@workers.example</a></li></ul>`;
const state = (el: ChapterMap) => el.panel?.engine.state;

describe('<chapter-map> lazy map', () => {
  it('far below the fold, requests none of its code, not even the panel; near, the panel and the map', async () => {
    const wrap = await fixture<HTMLElement>(html`<div>
      <div style="block-size: 5000px">A long article.</div>
      <chapter-map feed=${jsonUrl(chaptersFeed)}>${fallback}</chapter-map>
    </div>`);
    const el = wrap.querySelector('chapter-map')!;
    await until(() => el.near === false, 'the observer finds it far');
    await until(() => el.feedState.state?.status === 'ready', 'the feed is in');
    await new Promise((r) => setTimeout(r, 500));
    expect(lazyRequests(), 'no request for a lazy module of the map').to.deep.equal([]);
    // Booleans, not the panel: a failing assertion on it would have the runner serialize the whole page.
    expect(el.panel === undefined, 'no panel').to.equal(true);
    expect(el.matches(':state(far)')).to.equal(true);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0].checkVisibility(), 'the fallback list is there').to.equal(true);
    el.scrollIntoView();
    await until(() => el.shadowRoot!.querySelector('[role=option]'), 'the list shows once near');
    expect(el.matches(':state(far)')).to.equal(false);
    await until(() => state(el) === 'ready', 'the map loads once in view', { timeout: 15000 });
    expect(lazyRequests().some((e) => /chapter-panel/.test(e.name))).to.equal(true);
    expect(mapRequests().length).to.be.greaterThan(0);
  });

  it('far below the fold, its search field is reached and typed in by keyboard; the panel takes over what was typed', async () => {
    window.scrollTo(0, 0); // the test before scrolled down
    const wrap = await fixture<HTMLElement>(html`<div>
      <div style="block-size: 5000px">A long article.</div>
      <chapter-map feed=${jsonUrl(chaptersFeed)} list="below"></chapter-map>
      <chapter-map feed=${jsonUrl(chaptersFeed)}></chapter-map>
    </div>`);
    const [below, side] = [...wrap.querySelectorAll('chapter-map')];
    await until(() => below.near === false && side.near === false, 'both found far');
    await until(() => below.feedState.state?.status === 'ready', 'the feed is in');
    for (const el of [below, side]) expect(el.panel === undefined, 'no panel while far').to.equal(true);
    const farHeights = [below, side].map((el) => el.getBoundingClientRect().height);
    await expect(below).shadowDom.to.be.accessible();

    // Keyboard only: the first Tab on the page lands in the first map's search field, which comes into view.
    (document.activeElement as HTMLElement | null)?.blur();
    await sendKeys({ press: 'Tab' });
    expect(below.shadowRoot!.activeElement?.id).to.equal('q');
    // Typed at once, while the panel may still be on its way: nothing is lost, the order is kept.
    await sendKeys({ type: 'Ber' });
    await until(() => below.panel && below.shadowRoot!.querySelector('[role=option]'), 'the panel arrives');
    expect(below.shadowRoot!.activeElement?.id, 'the panel\'s field has the focus').to.equal('q');
    await sendKeys({ type: 'l' });
    expect(below.shadowRoot!.querySelector<HTMLInputElement>('#q')!.value, 'typed in order').to.equal('Berl');
    await sendKeys({ press: 'Enter' });
    const first = () => below.shadowRoot!.querySelector('[role=option]')?.textContent ?? '';
    await until(() => /Berlin/.test(first()), 'the search works');
    await expect(below).shadowDom.to.be.accessible();

    side.scrollIntoView();
    await until(() => side.shadowRoot!.querySelector('[role=option]'), 'the second map shown once near');
    // While far, each reserved at least the map's height (26rem); the rest comes while it is
    // still 300 px from view, so what the reader sees does not move.
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    farHeights.forEach((h) => expect(h, `reserved ${h} px`).to.be.at.least(26 * rem - 1));
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
