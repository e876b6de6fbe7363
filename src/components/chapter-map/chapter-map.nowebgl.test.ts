/**
 * Without WebGL (or where the map's worker is refused) the list and search still
 * work, the widget says the map cannot be shown, and nothing reaches the page.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { chaptersFeed, until } from '../../../test/fixtures/chapters-feed.js';
import { jsonUrl } from '../../../test/fixtures/feed.js';
import { ChapterMap } from './chapter-map.js';

ChapterMap.define('chapter-map');

const state = (el: ChapterMap) => el.panel?.engine.state;

describe('<chapter-map> without a map', () => {
  const errors: unknown[] = [];
  const warnings: string[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error ?? e.message);
  let warn: typeof console.warn;
  beforeEach(() => {
    errors.length = 0;
    warnings.length = 0;
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
    warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
  });
  afterEach(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
    console.warn = warn;
  });

  async function check(el: ChapterMap) {
    await until(() => state(el) === 'failed', 'the map gives up', { timeout: 15000 });
    const root = el.shadowRoot!;
    await until(() => root.querySelector('[part=map] .message'), 'the widget says so');
    expect(root.querySelector('[part=map] .message')!.textContent).to.contain('cannot be shown here');
    expect(warnings.filter((w) => /map cannot be shown/.test(w))).to.have.length(1);
    await expect(el).shadowDom.to.be.accessible();
    // Search still works, by keyboard.
    root.querySelector<HTMLInputElement>('input[type=search]')!.focus();
    await sendKeys({ type: '482' });
    const selected = oneEvent(el, 'chapter-select');
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.chapter.id).to.equal('detroit');
    await el.updateComplete;
    expect(root.querySelector('[part=details]')!.textContent).to.contain('Detroit');
    expect(errors).to.deep.equal([]);
  }

  it('without WebGL', async () => {
    const proto = HTMLCanvasElement.prototype;
    const getContext = proto.getContext;
    proto.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return /webgl/.test(type) ? null : getContext.call(this, type as '2d', ...(rest as []));
    } as typeof getContext;
    try {
      await check(await fixture<ChapterMap>(html`<chapter-map feed=${jsonUrl(chaptersFeed)}></chapter-map>`));
    } finally {
      proto.getContext = getContext;
    }
  });

  it('when the page refuses the map worker (Trusted Types, CSP)', async () => {
    const Worker = window.Worker;
    window.Worker = class {
      constructor() {
        throw new TypeError("Failed to construct 'Worker': This document requires 'TrustedScriptURL' assignment.");
      }
    } as unknown as typeof Worker;
    try {
      await check(await fixture<ChapterMap>(html`<chapter-map feed=${jsonUrl(chaptersFeed)}></chapter-map>`));
    } finally {
      window.Worker = Worker;
    }
  });
});
