import { expect } from '@open-wc/testing';
import { checkChapters } from './chapter-check.js';
import { checkFeed } from './feed-check.js';

const plank = { id: 'a', number: 1, title: 'A', tags: ['x'] };

describe('checkFeed', () => {
  it('reads only the feed’s own keys and builds objects without a prototype (a polluted Object.prototype adds nothing)', () => {
    const keys = ['summary', 'body', 'color', 'title', 'platform', 'donate', 'consent', 'fields', 'text'];
    for (const k of keys)
      Object.defineProperty(Object.prototype, k, {
        value: `junk-${k}`,
        enumerable: true,
        configurable: true,
        writable: true,
      });
    try {
      const { feed, problems } = checkFeed(
        JSON.parse('{"version":1,"org":{"name":"Org"},"platform":[{"id":"a","title":"A"}]}'),
      );
      expect(problems).to.deep.equal([]);
      const [p] = feed!.platform;
      expect([p.title, p.summary, p.body, feed!.org.color, feed!.org.consent, feed!.donate]).to.deep.equal([
        'A',
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(feed!.petitions).to.deep.equal([]);
      expect(Object.getPrototypeOf(p)).to.equal(null);
    } finally {
      for (const k of keys) delete (Object.prototype as Record<string, unknown>)[k];
    }
  });

  it('accepts a complete feed unchanged', () => {
    const feed = {
      version: 1,
      org: { name: { en: 'Org', es: 'Org' }, url: 'https://o.example', color: '#b71c1c', consent: 'OK' },
      platform: [plank],
      petitions: [{ id: 'p', title: 'P', goal: 10, closes: '2027-01-31T23:59:59Z', fields: ['email'], count: 3 }],
      chapters: [{ id: 'c', name: 'C', lat: 41.88, lng: -87.63, postal_codes: ['606'] }],
      donate: { provider: 'actblue', amounts: [10, 25], recurring: true, min: 1 },
    };
    const { feed: out, problems } = checkFeed(feed, checkChapters);
    expect(problems).to.deep.equal([]);
    expect(out).to.deep.equal(feed);
  });

  it('refuses what is not a version 1 feed, saying why', () => {
    expect(checkFeed('x')).to.deep.equal({
      feed: null,
      problems: [{ path: '$', message: 'must be a JSON object, got a string' }],
    });
    expect(checkFeed({ version: 2 }).problems[0]).to.deep.equal({
      path: '$.version',
      message: 'must be 1 (this feed says 2)',
    });
    expect(checkFeed([]).feed).to.equal(null);
  });

  it('skips one bad item with its JSON path and keeps the rest', () => {
    const { feed, problems } = checkFeed(
      {
        version: 1,
        platform: [{ id: 'b', number: 'one', title: 'B' }, plank, { number: 3, title: 'no id' }, 'junk', { ...plank }],
        chapters: [
          { id: 'c', name: 'C', lat: 95, lng: 0 },
          { id: 'd', name: 'D', lat: 1, lng: 2 },
        ],
      },
      checkChapters,
    );
    expect(feed!.platform.map((p) => p.id)).to.deep.equal(['b', 'a']);
    expect(feed!.platform[0].number).to.equal(1); // bad number dropped, then counted in order
    expect(feed!.chapters.map((c) => c.id)).to.deep.equal(['d']);
    expect(problems).to.deep.include({ path: '$.platform[0].number', message: 'must be a number, got a string' });
    expect(problems).to.deep.include({ path: '$.platform[2].id', message: 'is required' });
    expect(problems).to.deep.include({ path: '$.platform[3]', message: 'must be an object, got a string' });
    expect(problems).to.deep.include({ path: '$.platform[4].id', message: 'repeats the id "a"; skipped' });
    expect(problems).to.deep.include({ path: '$.chapters[0].lat', message: 'must be a number from -90 to 90, got 95' });
  });

  it('checks petition fields, dates and translations', () => {
    const { feed, problems } = checkFeed({
      version: 1,
      petitions: [{ id: 'p', title: { en: 'P', es: 5 }, closes: 'soon', fields: ['email', 'shoe_size'], goal: 0 }],
    });
    expect(feed!.petitions[0]).to.deep.equal({ id: 'p', title: { en: 'P' }, fields: ['email'] });
    expect(problems.map((p) => p.path)).to.deep.equal([
      '$.petitions[0].title.es',
      '$.petitions[0].goal',
      '$.petitions[0].closes',
      '$.petitions[0].fields[1]',
    ]);
  });

  it('reads chapters from a GeoJSON FeatureCollection of Points', () => {
    const { feed, problems } = checkFeed(
      {
        version: 1,
        chapters: {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              id: 'x',
              geometry: { type: 'Point', coordinates: [-87.6, 41.9] },
              properties: { name: 'X' },
            },
            { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { id: 'y', name: 'Y' } },
          ],
        },
      },
      checkChapters,
    );
    expect(feed!.chapters).to.deep.equal([{ id: 'x', name: 'X', lat: 41.9, lng: -87.6 }]);
    expect(problems).to.deep.equal([{ path: '$.chapters.features[1].geometry', message: 'must be a GeoJSON Point' }]);
  });

  it('leaves chapters as they came unless asked to check them (pages without a map never do)', () => {
    const chapters = [{ id: 'c', name: 'C', lat: 95, lng: 0 }];
    const { feed, problems } = checkFeed({ version: 1, chapters });
    expect(feed!.chapters).to.equal(chapters);
    expect(problems).to.deep.equal([]);
    expect(checkFeed({ version: 1, chapters }, checkChapters).feed!.chapters).to.deep.equal([]);
  });

  it('leaves events and join as they came (an event list or a join form checks them), and adds none', () => {
    const events = [{ id: 'e', title: 'E', starts: 'soon', timezone: 'Mars/Olympus' }];
    const join = { fields: ['shoe_size'] };
    const { feed, problems } = checkFeed({ version: 1, events, join });
    expect(feed!.events).to.equal(events);
    expect(feed!.join).to.equal(join);
    expect(problems).to.deep.equal([]);
    const keys = Object.keys(checkFeed({ version: 1 }).feed!);
    expect(keys).to.not.include('events');
    expect(keys).to.not.include('join');
  });

  it('ignores inherited junk on polluted prototypes', () => {
    (Object.prototype as any).title = 'junk';
    try {
      const { feed } = checkFeed({ version: 1, platform: [{ id: 'z', number: 1 }] });
      expect(feed!.platform.length).to.equal(0);
    } finally {
      delete (Object.prototype as any).title;
    }
  });
});
