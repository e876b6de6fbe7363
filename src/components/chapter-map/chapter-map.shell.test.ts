/**
 * What a reader sees before the panel's chunk arrives (its own page: the first test
 * renders before anything in this file has fetched the panel). The chunk failing to
 * load is tested against the built script in test/host/chapter-map.test.mjs.
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
  it('keeps the page\'s fallback list readable in a box as tall as the map, until the chapters arrive', async () => {
    // The feed answers late, so each state before the chapters can be looked at.
    const wrap = await fixture<HTMLElement>(html`<div style="inline-size: 900px">
      <chapter-map feed=${jsonUrl(chaptersFeed, { delay: 8000 })}>${fallback}</chapter-map>
      <chapter-map>${fallback}</chapter-map>
    </div>`);
    const [el, plain] = [...wrap.querySelectorAll('chapter-map')];
    await Promise.all([el.updateComplete, plain.updateComplete]);
    expect(el.panel, 'the panel has not arrived yet').to.equal(undefined);
    expect(fallbackShown(el), 'the fallback list is readable').to.equal(true);
    // Reserved height: the map's (26rem by default), so the page does not jump.
    expect(el.getBoundingClientRect().height).to.be.at.least(26 * rem() - 1);
    // With nothing to load, nothing is reserved: the light DOM is the content.
    expect(fallbackShown(plain)).to.equal(true);
    expect(plain.getBoundingClientRect().height).to.be.below(10 * rem());
    expect(el.shadowRoot!.querySelector('[part~=message]'), 'no message yet').to.equal(null);
    await expect(el).shadowDom.to.be.accessible();

    // The panel arrives while the feed still loads: the fallback stays under "Loading…".
    await until(() => el.panel, 'the panel loads');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=panel]')!.textContent).to.contain('Loading');
    expect(fallbackShown(el)).to.equal(true);
    await expect(el).shadowDom.to.be.accessible();
    expect(fallbackShown(plain)).to.equal(true);
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
