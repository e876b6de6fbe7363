import { expect } from '@open-wc/testing';
import { englishWholeNumber, formatNumber, pluralCategory } from './number-format.js';

describe('number-format', () => {
  it('writes English whole numbers and dollars without Intl exactly as Intl does', () => {
    const dollars = { style: 'currency', currency: 'USD', minimumFractionDigits: 0 } as const;
    for (const lang of ['en', 'en-US']) {
      for (const n of [0, 7, 999, 1000, 20000, 1234567]) {
        expect(englishWholeNumber(lang, n)).to.equal(new Intl.NumberFormat(lang).format(n));
        expect(englishWholeNumber(lang, n, dollars)).to.equal(new Intl.NumberFormat(lang, dollars).format(n));
      }
    }
  });

  it('leaves to Intl what the fast path cannot write', () => {
    expect(englishWholeNumber('en', 12.5)).to.equal(undefined);
    expect(englishWholeNumber('en-IN', 1234567)).to.equal(undefined);
    expect(englishWholeNumber('en', 5, { style: 'currency', currency: 'EUR' })).to.equal(undefined);
    expect(formatNumber('fr', 8450)).to.equal(new Intl.NumberFormat('fr').format(8450));
    expect(formatNumber('en-IN', 1234567)).to.equal('12,34,567');
    expect(formatNumber('not a language!', 1000)).to.equal('1,000');
  });

  it('chooses plural categories as Intl.PluralRules does', () => {
    for (const [lang, n] of [
      ['en', 1],
      ['en', 0],
      ['en-GB', 2],
      ['en', 1.5],
      ['fr', 0],
      ['fr', 1.5],
      ['fr', 2],
    ] as const) {
      expect(pluralCategory(lang, n), `${lang} ${n}`).to.equal(new Intl.PluralRules(lang).select(n));
    }
  });
});
