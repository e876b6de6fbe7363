import { expect } from '@open-wc/testing';
import { suggestEmail } from './email-suggest.js';

describe('suggestEmail', () => {
  it('suggests common domains for typos, and leaves good or unknown ones alone', () => {
    expect(suggestEmail('ana@gmial.com')).to.equal('ana@gmail.com');
    expect(suggestEmail('ana@gmail.con')).to.equal('ana@gmail.com');
    expect(suggestEmail('ana@hotmial.fr')).to.equal('ana@hotmail.fr');
    expect(suggestEmail('ana@yaho.com')).to.equal('ana@yahoo.com');
    expect(suggestEmail('ana@gmail.com')).to.be.null;
    expect(suggestEmail('ana@union-local-12.org')).to.be.null;
  });
});
