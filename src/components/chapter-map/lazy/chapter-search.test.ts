import { expect } from '@open-wc/testing';
import { sampleChapters } from '../../../../test/fixtures/chapters-feed.js';
import { ChapterIndex } from './chapter-index.js';
import { searchChapters, searchPick } from './chapter-search.js';
import { localeFor } from '../locale.fixture.js';

const index = new ChapterIndex(sampleChapters);
const ids = (rows?: number[]) => rows?.map((i) => sampleChapters[i].id);

describe('chapter-search', () => {
  it('an empty query lists every chapter and says nothing', async () => {
    const t = await localeFor('en-US');
    expect(searchChapters(index, '  ', t)).to.deep.equal({ postal: [], status: '' });
  });

  it('a postal code lists its chapter first, in the reader\'s country, and a submit picks it', async () => {
    const t = await localeFor('en-US');
    const result = searchChapters(index, '482', t);
    expect(ids(result.rows)).to.deep.equal(['detroit']);
    expect(result.status).to.equal('1 chapter found.');
    expect(sampleChapters[searchPick(result)].id).to.equal('detroit');
    // 101 is New York's and Berlin's: an en-US reader gets New York only.
    expect(ids(searchChapters(index, '101', t).rows)).to.deep.equal(['nyc']);
  });

  it('names pick only when one chapter answers; none says so', async () => {
    const t = await localeFor('en');
    const two = searchChapters(index, 'chicago', t);
    expect(ids(two.rows)).to.deep.equal(['chicago', 'chicago-north']);
    expect(two.status).to.equal('2 chapters found.');
    expect(searchPick(two)).to.equal(-1);
    expect(searchPick(searchChapters(index, 'berl', t))).to.equal(sampleChapters.findIndex((c) => c.id === 'berlin'));
    const none = searchChapters(index, 'atlantis', t);
    expect(none.rows).to.deep.equal([]);
    expect(none.status).to.equal('No chapter matches “atlantis”.');
  });
});
