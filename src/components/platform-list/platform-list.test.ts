import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { expect, html, waitUntil } from '@open-wc/testing';
import { feedFixture } from '../../../test/util.js';
import { clearFeedCache } from '../../core/feed-loader.js';
import { provideFeed } from '../../core/context.js';
import type { PageFeed } from '../../core/feed-types.js';
import { jsonUrl, sampleFeed } from '../../../test/fixtures/feed.js';
import { PlatformPlank } from '../platform-plank/platform-plank.js';
import { PlatformList } from './platform-list.js';

PlatformPlank.define('platform-plank');
PlatformList.define('platform-list');

/** The sample feed with `n` planks, numbered 1…n. */
const feedWith = (n: number) => ({
  ...sampleFeed,
  platform: Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    number: i + 1,
    title: `Plank ${i + 1}`,
    summary: 'S.',
    body: 'B.',
    tags: [i % 2 ? 'odd' : 'even'],
  })),
});

const planksOf = (el: PlatformList) =>
  [...el.shadowRoot!.querySelectorAll('ul[part=list] > li > platform-plank')] as PlatformPlank[];

describe('<platform-list>', () => {
  beforeEach(() => clearFeedCache());

  it('shows a bad limit or variant on its first render and warns once', async () => {
    await expectAttributeMessage(
      '<platform-list limit="many"></platform-list>',
      'The limit setting “many” is not valid. Use a positive whole number; showing every plank.',
      '<platform-list> limit="many": The limit',
    );
    await expectAttributeMessage(
      '<platform-list variant="grid"></platform-list>',
      'The variant setting “grid” is not valid. Use card or compact; showing cards.',
      '<platform-list> variant="grid": The variant',
    );
  });

  it('renders a platform of 5,000 planks in linear work: slices are appended, the list is not re-rendered for each', async function () {
    this.timeout(120000); // 5,000 planks in a browser shared with other suites
    let renders = 0;
    const render = PlatformList.prototype.render;
    PlatformList.prototype.render = function (this: PlatformList) {
      renders++;
      return render.call(this);
    };
    try {
      // Too big for a feed URL's query: given as an enclosing <org-feed> would give it (context.ts).
      const feed = feedWith(5000) as unknown as PageFeed;
      const holder = document.createElement('div');
      provideFeed(holder)({ status: 'ready', url: location.href, feed });
      const el = document.createElement('platform-list');
      holder.append(el);
      document.body.append(holder);
      const list = () => el.shadowRoot!.querySelector('ul[part=list]')!;
      await waitUntil(() => list()?.children.length === 5000, 'all 5,000 planks are in the list', { timeout: 60000 });
      const planks = planksOf(el);
      expect(planks[0].data!.id).to.equal('p1');
      expect(planks[4999].data!.id).to.equal('p5000');
      // Re-rendering the growing list each task went through every plank already shown:
      // ~1,250 renders of the list for 5,000 planks. Appending slices needs a handful.
      expect(renders, `${renders} renders of the list`).to.be.below(10);
      holder.remove();
    } finally {
      PlatformList.prototype.render = render;
    }
  });

  it('gives its planks level-2 headings unless heading-level says otherwise (no level skipped after an h1)', async () => {
    const page = await feedFixture<HTMLElement>(
      html`<div><h1>Our platform</h1><platform-list feed=${jsonUrl(sampleFeed)}></platform-list></div>`,
      'platform-list',
    );
    const el = page as unknown as PlatformList;
    await waitUntil(() => planksOf(el).length === sampleFeed.platform.length, 'every plank shows');
    await Promise.all(planksOf(el).map((p) => p.updateComplete));
    const levels = planksOf(el).map((p) => p.shadowRoot!.querySelector('[part=title]')!.getAttribute('aria-level'));
    expect(levels).to.deep.equal(sampleFeed.platform.map(() => '2'));
    el.headingLevel = 4;
    await el.updateComplete;
    await Promise.all(planksOf(el).map((p) => p.updateComplete));
    expect(planksOf(el)[0].shadowRoot!.querySelector('[part=title]')!.getAttribute('aria-level')).to.equal('4');
  });

  it('is accessible', async () => {
    const el = await feedFixture<PlatformList>(html`<platform-list feed=${jsonUrl(sampleFeed)}></platform-list>`);
    await waitUntil(() => planksOf(el).length === sampleFeed.platform.length, 'every plank shows');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows every plank of a long platform, in feed order, as items of one labelled list (rendered a few at a time)', async () => {
    const el = await feedFixture<PlatformList>(html`<platform-list feed=${jsonUrl(feedWith(11))}></platform-list>`);
    await waitUntil(() => planksOf(el).length === 11, 'all 11 planks show');
    const list = el.shadowRoot!.querySelector('ul[part=list]')!;
    expect(list.getAttribute('aria-label')).to.not.be.empty;
    expect(list.children.length).to.equal(11);
    expect([...list.children].every((li) => li.localName === 'li')).to.be.true;
    await Promise.all(planksOf(el).map((p) => p.updateComplete));
    expect(planksOf(el).map((p) => p.data!.id)).to.deep.equal(Array.from({ length: 11 }, (_, i) => `p${i + 1}`));
    planksOf(el).forEach((p, i) =>
      expect(p.shadowRoot!.querySelector('[part=title]')!.textContent).to.contain(`Plank ${i + 1}`),
    );
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows only the planks on its topics, up to its limit', async () => {
    const el = await feedFixture<PlatformList>(
      html`<platform-list feed=${jsonUrl(feedWith(11))} tags="odd" limit="4"></platform-list>`,
    );
    await waitUntil(() => planksOf(el).length === 4, 'four planks show');
    await new Promise((r) => setTimeout(r, 50));
    expect(planksOf(el).map((p) => p.data!.id)).to.deep.equal(['p2', 'p4', 'p6', 'p8']);
  });
});
