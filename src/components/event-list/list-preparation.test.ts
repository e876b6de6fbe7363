/**
 * ListPreparation: a list's first render waits until its pieces have run, each in a task of its own
 * after Intl was readied; then the host renders once. A failing piece or a newer feed never leaves the
 * list loading.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ListPreparation } from './list-preparation.js';

/** A host that counts its render requests. */
const host = () => ({
  renders: 0,
  locale: { lang: 'fr' },
  requestUpdate() {
    this.renders += 1;
  },
  addController() {},
  removeController() {},
  updateComplete: Promise.resolve(true),
});

/** Calls `onYield` at each yield to the page (scheduler.yield, where the browser has it) while `run` goes on. */
async function countingYields(onYield: () => void, run: () => Promise<void>): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const original = scheduler?.yield;
  if (scheduler && original)
    scheduler.yield = () => {
      onYield();
      return original.call(scheduler);
    };
  try {
    await run();
  } finally {
    if (scheduler && original) scheduler.yield = original;
  }
}

describe('ListPreparation', () => {
  it('runs each piece in a task of its own, not in the render that asked, then asks for one render', async () => {
    const h = host();
    const done: string[] = [];
    const yieldsAt: number[] = [];
    let yields = 0;
    const feed = {};
    const preparation = new ListPreparation<object>(h, function* () {
      for (const piece of ['check', 'first event', 'second event']) {
        done.push(piece);
        yieldsAt.push(yields);
        yield;
      }
    });
    await countingYields(
      () => (yields += 1),
      async () => {
        expect(preparation.ready(feed)).to.equal(false);
        expect(done, 'nothing runs in the render itself').to.deep.equal([]);
        expect(preparation.ready(feed), 'asked again while readying').to.equal(false);
        await preparation.pending;
      },
    );
    expect(done).to.deep.equal(['check', 'first event', 'second event']);
    if ('scheduler' in globalThis) {
      expect(yieldsAt[0], 'Intl readied first, a part per task').to.be.at.least(1);
      expect(yieldsAt[1] - yieldsAt[0]).to.equal(1);
      expect(yieldsAt[2] - yieldsAt[1]).to.equal(1);
    }
    expect(h.renders).to.equal(1);
    expect(preparation.ready(feed)).to.equal(true);
    expect(preparation.pending).to.equal(undefined);
  });

  it('is ready after a piece throws, so the render shows the problem rather than loading for ever', async () => {
    const h = host();
    const feed = {};
    const preparation = new ListPreparation<object>(h, function* () {
      yield;
      throw new Error('a bad event');
    });
    expect(preparation.ready(feed)).to.equal(false);
    await preparation.pending;
    expect(preparation.ready(feed)).to.equal(true);
    expect(h.renders).to.equal(1);
  });

  it('drops a feed replaced while it was readied, and readies the new one', async () => {
    const h = host();
    const seen: string[] = [];
    const [old, fresh] = [{ name: 'old' }, { name: 'new' }];
    const preparation: ListPreparation<{ name: string }> = new ListPreparation(h, function* (feed) {
      seen.push(`${feed.name} 1`);
      if (feed === old) preparation.ready(fresh); // the feed changes between two pieces
      yield;
      seen.push(`${feed.name} 2`);
    });
    preparation.ready(old);
    await waitUntil(() => seen.includes('new 2'));
    await preparation.pending;
    expect(seen).to.deep.equal(['old 1', 'new 1', 'new 2']);
    expect(h.renders).to.equal(1);
    expect(preparation.ready(fresh)).to.equal(true);
    expect(preparation.ready(old), 'the old one was not readied').to.equal(false);
  });
});
