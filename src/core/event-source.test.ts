/** event-source: what a page reads of a feed's events and chapters before (and while) they are checked. */
import { expect } from '@open-wc/testing';
import { askZones, chapterIds } from './event-source.js';
import type { PageFeed } from './feed-types.js';

const feed = (extra: object) => ({ org: { name: 'Org' }, ...extra }) as unknown as PageFeed;

describe('event-source', () => {
  it("asks about each zone the feed's events name once, a zone per yield, passing over what is not a zone name", () => {
    const events = [
      { timezone: 'America/Chicago' },
      { timezone: 'Asia/Kolkata' },
      { timezone: 'America/Chicago' },
      { timezone: 42 },
      null,
      'not an event',
      { timezone: 'Not/A_Zone' },
    ];
    expect([...askZones(feed({ events }))], 'one yield per distinct name').to.have.length(3);
    expect([...askZones(feed({ events: 'not a list' }))]).to.have.length(0);
    expect([...askZones(feed({}))]).to.have.length(0);
  });

  it("reads the chapters' ids and nothing else", () => {
    const chapters = [{ id: 'chicago' }, { id: 7 }, null, { name: 'no id' }, { id: 'austin' }];
    expect([...chapterIds(feed({ chapters }))]).to.deep.equal(['chicago', 'austin']);
    expect(chapterIds(feed({ chapters: {} })).size).to.equal(0);
  });
});
