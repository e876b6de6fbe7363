import { expect } from '@open-wc/testing';
import type { SolidarityEvent } from './feed-types.js';
import { idFromHash } from './hash-link.js';
import { ASSUMED_LENGTH_MS, nextChange, upcomingEvents } from './event-schedule.js';

const at = (id: string, starts: string, ends?: string, chapter?: string): SolidarityEvent => ({
  id,
  title: id,
  starts,
  ends,
  chapter,
  timezone: 'UTC',
  online_url: 'https://meet.example',
});

const now = Date.parse('2027-01-10T12:00:00Z');
const list = [
  at('later', '2027-01-20T10:00:00Z', undefined, 'b'),
  at('past', '2027-01-09T10:00:00Z', '2027-01-09T11:00:00Z'),
  at('in-progress', '2027-01-10T11:00:00+00:00', '2027-01-10T13:00:00Z', 'a'),
  at('soon', '2027-01-10T08:00:00-06:00', undefined, 'a'),
  at('no-end-started', '2027-01-10T11:30:00Z'),
  at('no-end-over', '2027-01-10T10:59:00Z'),
];

describe('event schedule', () => {
  it('keeps events not yet over, soonest first by instant (whatever their offset)', () => {
    expect(upcomingEvents(list, { now }).map((e) => e.id)).to.deep.equal([
      'in-progress',
      'no-end-started',
      'soon',
      'later',
    ]);
  });

  it('takes an event without an end to last an hour', () => {
    expect(ASSUMED_LENGTH_MS).to.equal(3600_000);
    const ids = upcomingEvents(list, { now }).map((e) => e.id);
    expect(ids).to.include('no-end-started');
    expect(ids).not.to.include('no-end-over');
  });

  it('filters by chapter and limits', () => {
    expect(upcomingEvents(list, { now, chapter: 'a' }).map((e) => e.id)).to.deep.equal(['in-progress', 'soon']);
    expect(upcomingEvents(list, { now, limit: 1 }).map((e) => e.id)).to.deep.equal(['in-progress']);
    // A deep link's event shows past the limit, in its place; a past or other chapter's event does not come back.
    expect(upcomingEvents(list, { now, limit: 1, linked: 'later' }).map((e) => e.id)).to.deep.equal([
      'in-progress',
      'later',
    ]);
    expect(upcomingEvents(list, { now, limit: 1, linked: 'past' }).map((e) => e.id)).to.deep.equal(['in-progress']);
    expect(upcomingEvents(list, { now, chapter: 'a', linked: 'later' }).map((e) => e.id)).to.deep.equal([
      'in-progress',
      'soon',
    ]);
  });

  it('wakes the list when the first shown event ends', () => {
    expect(nextChange(upcomingEvents(list, { now }))).to.equal(Date.parse('2027-01-10T12:30:00Z'));
    expect(nextChange([])).to.equal(undefined);
  });

  it('reads #event-<id> links, a malformed escape as written', () => {
    expect(idFromHash('#event-chicago%20meeting', 'event')).to.equal('chicago meeting');
    expect(idFromHash('#event-100%', 'event')).to.equal('100%');
    expect(idFromHash('#event-', 'event')).to.equal(undefined);
    expect(idFromHash('#chapter-x', 'event')).to.equal(undefined);
  });
});
