/**
 * The map engine is fetched only when the map nears the viewport (its own page:
 * nothing else in this file loads the map before the first test looks).
 */
import { expect, fixture, html } from '@open-wc/testing';
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
