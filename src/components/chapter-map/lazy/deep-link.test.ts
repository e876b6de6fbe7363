import { expect } from '@open-wc/testing';
import { chapterIdFromHash } from './deep-link.js';

describe('deep-link', () => {
  it('reads the chapter id from #chapter-<id>, percent-decoded', () => {
    expect(chapterIdFromHash('#chapter-detroit')).to.equal('detroit');
    expect(chapterIdFromHash('#chapter-new%20york')).to.equal('new york');
  });

  it('ignores other hashes and keeps a malformed escape as written, never throwing', () => {
    for (const hash of ['', '#', '#chapters', '#chapter-', '#top']) expect(chapterIdFromHash(hash), hash).to.equal(undefined);
    expect(chapterIdFromHash('#chapter-100%')).to.equal('100%');
  });
});
