import { expect } from '@open-wc/testing';
import type { Chapter } from '../../../core/feed-types.js';
import { chapterInfo, placeOf, popupNode } from './chapter-info.js';
import { localeFor } from '../locale.fixture.js';

const chapter: Chapter = {
  id: 'x',
  name: 'X',
  city: 'Chicago',
  region: 'IL',
  lat: 0,
  lng: 0,
  email: 'x@workers.example',
  url: 'chapters/x.html',
  meets: { en: 'Mondays', es: 'Lunes' },
};

describe('chapter-info', () => {
  it('lists where, when, email and website; a relative website resolves against the chapters\' document', async () => {
    const lines = chapterInfo(chapter, await localeFor('en'), 'https://party.example/feed/feed.json');
    expect(lines).to.deep.equal([
      { kind: 'city', text: 'Chicago, IL' },
      { kind: 'meets', text: 'Meets: Mondays' },
      { kind: 'email', text: 'x@workers.example', href: 'mailto:x@workers.example' },
      { kind: 'url', text: 'Website', href: 'https://party.example/feed/chapters/x.html' },
    ]);
    expect(placeOf({ ...chapter, region: undefined, country: 'US' })).to.equal('Chicago, US');
  });

  it('leaves out a javascript: website', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const lines = chapterInfo({ ...chapter, url: 'javascript:alert(1)' }, await localeFor('en'), undefined);
      expect(lines.map((l) => l.kind)).to.deep.equal(['city', 'meets', 'email']);
    } finally {
      console.warn = warn;
    }
  });

  it('builds the popup from text only', () => {
    const node = popupNode('<img src=x onerror=alert(1)>', [{ kind: 'city', text: '<b>bold</b>' }]) as HTMLElement;
    expect(node.querySelector('img, b')).to.equal(null);
    expect(node.querySelector('strong')!.textContent).to.equal('<img src=x onerror=alert(1)>');
    expect(node.querySelector('p')!.textContent).to.equal('<b>bold</b>');
  });
});
