import { expect, fixture, html } from '@open-wc/testing';
import { sampleChapters, until } from '../../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../../test/fixtures/feed.js';
import type { ChapterMap } from '../chapter-map.js';
import '../locale.fixture.js';

const status = (el: ChapterMap) => el.panel?.source.srcState?.status;

describe('chapter-source', () => {
  it('takes the chapters property first (src is not fetched), checked once, bad ones skipped with one warning', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const chapters = [...sampleChapters, { id: 'bad', name: 'No place', lat: 100, lng: 0 }];
      const el = await fixture<ChapterMap>(
        html`<chapter-map .chapters=${chapters} src="/never-fetched.json"></chapter-map>`,
      );
      await until(() => el.panel, 'the panel loads');
      const source = el.panel!.source;
      expect(source.chapters!.map((c) => c.id)).to.deep.equal(sampleChapters.map((c) => c.id));
      expect(source.chapters, 'the same checked list every time').to.equal(source.chapters);
      expect(source.srcStatus).to.equal('none');
      expect(status(el), 'src is not fetched').to.equal(undefined);
      expect(warnings.filter((w) => /lat/.test(w))).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it("fetches src with options a host page's Object.prototype cannot change (an inherited signal would abort it)", async () => {
    // The map starts first (from the chapters property), and the page's addition is there only while src is
    // asked for: MapLibre, another library, breaks on it, and that is not what this test is about.
    const el = await fixture<ChapterMap>(
      html`<chapter-map .chapters=${sampleChapters} src=${jsonUrl(sampleChapters)}></chapter-map>`,
    );
    await until(() => ['ready', 'failed'].includes(el.panel?.engine.state ?? ''), 'the map starts', { timeout: 15000 });
    const proto = Object.prototype as Record<string, unknown>;
    proto.signal = AbortSignal.abort();
    try {
      el.chapters = undefined; // now src is fetched: fetch reads its options when called, during this update
      await el.updateComplete;
    } finally {
      delete proto.signal;
    }
    await until(() => status(el) === 'ready' || status(el) === 'error', 'src answers');
    expect(status(el)).to.equal('ready');
    expect(el.panel!.source.chapters).to.have.length(sampleChapters.length);
    expect(el.panel!.source.base).to.contain('/test-feed');
  });
});
