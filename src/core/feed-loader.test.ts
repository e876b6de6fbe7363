import { expect } from '@open-wc/testing';
import { jsonUrl } from '../../test/fixtures/feed.js';
import { clearFeedCache, FeedError, loadFeed } from './feed-loader.js';

/** Runs `fn` with console.warn recorded. */
async function withWarnings<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (message: string) => void warnings.push(message);
  try {
    return { value: await fn(), warnings };
  } catch (error) {
    return { error, warnings };
  } finally {
    console.warn = original;
  }
}

describe('loadFeed: a feed’s problems in words (their words come in a chunk of their own)', () => {
  beforeEach(clearFeedCache);

  it('warns of a bad plank field in words, with its path, and keeps the rest of the feed', async () => {
    const src = jsonUrl({ version: 1, platform: [{ id: 'a', title: 'A', number: 'one' }, { title: 'B' }] });
    const { value, warnings } = await withWarnings(() => loadFeed(src));
    expect(value!.feed.platform.map((p) => p.id)).to.deep.equal(['a']);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.match(
      /^solidarity-widgets: feed http.*: \$\.platform\[0\]\.number must be a number, got a string$/,
    );
    expect(warnings[1]).to.match(/: \$\.platform\[1\]\.id is required$/);
  });

  it('an unusable feed is a bad-shape error whose message says why, in words', async () => {
    const { error, warnings } = await withWarnings(() => loadFeed(jsonUrl({ version: 2 })));
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).code).to.equal('bad-shape');
    expect((error as FeedError).message).to.equal(
      'the feed is not in the expected format: $.version must be 1 (this feed says 2)',
    );
    expect(warnings[0]).to.match(/: \$\.version must be 1 \(this feed says 2\)$/);
  });

  it('a good feed warns of nothing', async () => {
    const { value, warnings } = await withWarnings(() =>
      loadFeed(jsonUrl({ version: 1, platform: [{ id: 'a', title: 'A' }] })),
    );
    expect(value!.feed.platform).to.have.length(1);
    expect(warnings).to.deep.equal([]);
  });
});
