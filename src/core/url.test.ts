import { expect, html, waitUntil } from '@open-wc/testing';
import { feedFixture, nextFrame } from '../../test/util.js';
import { jsonUrl, sampleFeed } from '../../test/fixtures/feed.js';
import { PlatformPlank } from '../components/platform-plank/platform-plank.js';
import { safeColor } from './url.js';

PlatformPlank.define('platform-plank');

describe('safeColor', () => {
  it('keeps colors and refuses what could hold a URL', () => {
    for (const ok of ['#b71c1c', 'rebeccapurple', 'rgb(10 20 30 / 50%)', 'oklch(60% 0.1 30)'])
      expect(safeColor(ok)).to.equal(ok);
    for (const bad of [
      'var(--x, url(http://tracker.example/a.png))',
      'var(--x)',
      'env(--y, red)',
      'url(http://tracker.example/a.png)',
      'red; background: url(x)',
      '\\76 ar(--x, red)',
      'not a color',
    ]) {
      expect(safeColor(bad), bad).to.equal(null);
    }
  });

  it('a feed whose org.color is var(--x, url(…)) makes no request and sets no accent', async () => {
    const tracker = `${location.origin}/tracker-${Math.random().toString(36).slice(2)}.png`;
    const feed = { ...sampleFeed, org: { ...sampleFeed.org, color: `var(--x, url(${tracker}))` } };
    const el = await feedFixture<PlatformPlank>(
      html`<platform-plank feed=${jsonUrl(feed)} plank="1"></platform-plank>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('[part=number]'), 'the plank renders');
    await nextFrame();
    await nextFrame();
    expect(el.style.getPropertyValue('--_feed-accent')).to.equal('');
    expect(performance.getEntriesByType('resource').filter((r) => r.name === tracker)).to.deep.equal([]);
  });
});
