import { expect } from '@open-wc/testing';
import { distanceText } from './near-me.js';
import { localeFor } from '../locale.fixture.js';

describe('near-me', () => {
  it('gives distances in miles where they are used, else kilometers, one decimal under ten', async () => {
    expect(distanceText(1.609344 * 3.25, await localeFor('en-US'))).to.equal('3.3 mi');
    expect(distanceText(12.4, await localeFor('en-CA'))).to.equal('12 km');
    expect(distanceText(2.25, await localeFor('fr'))).to.match(/^2,3\s?km$/);
  });
});
