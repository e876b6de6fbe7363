import { expect } from '@open-wc/testing';
import type { SolidarityEvent } from './feed-types.js';
import { eventTimes } from './event-time.js';

const squash = (s: string | undefined) => s?.replace(/\s+/g, ' ');
const chicago: SolidarityEvent = {
  id: 'm',
  title: 'M',
  starts: '2027-01-14T19:00:00-06:00',
  ends: '2027-01-14T21:00:00-06:00',
  timezone: 'America/Chicago',
  online_url: 'https://meet.example',
};
const now = Date.parse('2027-01-01T00:00:00Z');

describe('eventTimes', () => {
  it('names the event’s zone and gives the reader’s time, with their date when it is another day', () => {
    const t = eventTimes(chicago, 'en-US', 'Asia/Tokyo', now);
    expect(squash(t.own)).to.equal('Thu, Jan 14, 7:00 – 9:00 PM CST');
    expect(squash(t.reader)).to.equal('Fri, Jan 15, 10:00 AM – 12:00 PM');
  });

  it('gives only the time when the reader’s day is the event’s', () => {
    const t = eventTimes(chicago, 'en-US', 'America/New_York', now);
    expect(squash(t.reader)).to.equal('8:00 – 10:00 PM');
  });

  it('gives one time, unnamed, when the reader’s clock reads the same (even in another zone keeping Chicago’s time)', () => {
    for (const zone of ['America/Chicago', 'America/Menominee']) {
      const t = eventTimes(chicago, 'en-US', zone, now);
      expect(squash(t.own), zone).to.equal('Thu, Jan 14, 7:00 – 9:00 PM');
      expect(t.reader, zone).to.equal(undefined);
    }
  });

  it('falls back to the reader’s zone for a zone this browser does not know, and to English for a bad language', () => {
    const t = eventTimes({ ...chicago, timezone: 'Mars/Olympus' }, 'not a language!', 'America/Chicago', now);
    expect(squash(t.own)).to.equal('Thu, Jan 14, 7:00 – 9:00 PM');
  });

  it('is not swayed by a host page’s additions to Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { hour12: false, timeZoneName: 'long', era: 'long' });
    try {
      const t = eventTimes(chicago, 'en-US', 'Asia/Tokyo', now);
      expect(squash(t.own)).to.equal('Thu, Jan 14, 7:00 – 9:00 PM CST');
      expect(squash(t.reader)).to.equal('Fri, Jan 15, 10:00 AM – 12:00 PM');
    } finally {
      for (const k of ['hour12', 'timeZoneName', 'era']) delete proto[k];
    }
  });
});
