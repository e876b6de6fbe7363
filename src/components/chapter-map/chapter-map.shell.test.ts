/**
 * What a reader sees before the panel's chunk arrives (its own page: nothing in this
 * file has fetched the panel before the first test looks). The chunk failing to load
 * is tested against the built script in test/host/chapter-map.test.mjs.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { chaptersFeed, until } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { ChapterMap } from './chapter-map.js';

ChapterMap.define('chapter-map');

const fallback = html`<ul>
  <li>Chicago: <a href="mailto:chicago@workers.example">chicago@workers.example</a></li>
  <li>Detroit: <a href="mailto:detroit@workers.example">detroit@workers.example</a></li>
</ul>`;

/** The light-DOM list is shown through a slot of the shadow tree, and takes up room. */
function fallbackShown(el: ChapterMap) {
  const slot = el.shadowRoot!.querySelector('slot');
  const ul = el.querySelector('ul')!;
  return !!slot && slot.assignedElements().includes(ul) && ul.checkVisibility() && ul.offsetHeight > 0;
}

const rem = () => parseFloat(getComputedStyle(document.documentElement).fontSize);

describe('<chapter-map> before its code arrives', () => {
  it('keeps the page\'s fallback list readable in a box about as tall as the map, until the chapters arrive', async () => {
    // Far below the fold, so the panel's code is not fetched until the test scrolls there
    // (a map in view fetches it at once, so its absence could not be looked at reliably).
    // The feed answers late, so each state before the chapters can be looked at.
    const wrap = await fixture<HTMLElement>(html`<div style="inline-size: 900px">
      <chapter-map>${fallback}</chapter-map>
      <div style="block-size: 5000px">A long article.</div>
      <chapter-map feed=${jsonUrl(chaptersFeed, { delay: 8000 })}>${fallback}</chapter-map>
    </div>`);
    const [plain, el] = [...wrap.querySelectorAll('chapter-map')];
    await until(() => el.near === false, 'the observer finds the map far');
    await Promise.all([el.updateComplete, plain.updateComplete]);
    // A boolean, not the panel: a failing assertion on the panel itself makes the runner
    // serialize the element, the map and the page behind it, and the run hangs.
    expect(el.panel === undefined, 'the panel has not arrived yet').to.equal(true);
    expect(fallbackShown(el), 'the fallback list is readable').to.equal(true);
    // Reserved height: at least the map's (26rem by default), so the page does not jump.
    expect(el.getBoundingClientRect().height).to.be.at.least(26 * rem() - 1);
    // With nothing to load, nothing is reserved: the light DOM is the content.
    expect(fallbackShown(plain)).to.equal(true);
    expect(plain.getBoundingClientRect().height).to.be.below(10 * rem());
    expect(el.shadowRoot!.querySelector('[part~=message]'), 'no message yet').to.equal(null);
    await expect(el).shadowDom.to.be.accessible();

    // Near, the panel arrives while the feed still loads: the fallback stays under "Loading…".
    el.scrollIntoView();
    await until(() => el.panel, 'the panel loads');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=panel]')!.textContent).to.contain('Loading');
    expect(fallbackShown(el)).to.equal(true);
    await expect(el).shadowDom.to.be.accessible();
    expect(fallbackShown(plain)).to.equal(true);
    window.scrollTo(0, 0);
  });

  it('replaces the fallback list with the real one when the chapters arrive', async () => {
    const el = await fixture<ChapterMap>(html`<chapter-map feed=${jsonUrl(chaptersFeed)}>${fallback}</chapter-map>`);
    await until(() => el.shadowRoot!.querySelector('[role=option]'), 'the real list shows');
    expect(fallbackShown(el)).to.equal(false);
  });

  it('keeps the fallback list when the feed fails, under the message', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await fixture<ChapterMap>(html`<chapter-map feed=${jsonUrl({}, { status: 404 })}>${fallback}</chapter-map>`);
      await until(() => el.shadowRoot!.querySelector('.message.error')?.textContent, 'the failure shows');
      expect(el.shadowRoot!.querySelector('.message.error')!.textContent).to.contain('not found');
      expect(fallbackShown(el)).to.equal(true);
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });
});
