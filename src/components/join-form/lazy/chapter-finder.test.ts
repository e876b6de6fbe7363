import { expect } from '@open-wc/testing';
import type { Chapter } from '../../../core/feed-types.js';
import { sampleChapters } from '../../../../test/fixtures/chapters-feed.js';
import { chapterForPostal, distanceKm, nearestChapter } from './chapter-finder.js';

describe('chapter-finder', () => {
  it('a postal code picks the chapter with the longest matching prefix (the map’s and the server’s rule)', () => {
    expect(chapterForPostal(sampleChapters, '60614')?.id).to.equal('chicago-north');
    expect(chapterForPostal(sampleChapters, '60601')?.id).to.equal('chicago');
    expect(chapterForPostal(sampleChapters, ' 532-02 ')?.id).to.equal('milwaukee');
    expect(chapterForPostal(sampleChapters, '99999')).to.equal(undefined);
    expect(chapterForPostal(sampleChapters, '')).to.equal(undefined);
  });

  it('"near me" picks the nearest chapter by great-circle distance', () => {
    expect(Math.round(distanceKm([-87.63, 41.88], [-87.91, 43.04]))).to.be.within(125, 135);
    expect(nearestChapter(sampleChapters, [-87.9, 43.0])?.id).to.equal('milwaukee');
    expect(nearestChapter(sampleChapters, [-83.0, 42.3])?.id).to.equal('detroit');
    expect(nearestChapter([] as Chapter[], [0, 0])).to.equal(undefined);
  });
});
