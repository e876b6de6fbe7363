import { expect } from '@open-wc/testing';
import ICAL from 'ical.js';
import type { SolidarityEvent } from './feed-types.js';
import {
  calendarEntry,
  escapeText,
  foldLine,
  googleCalendarUrl,
  utcStamp,
  writeCalendar,
  type CalendarEntry,
} from './calendar.js';

const chicago: SolidarityEvent = {
  id: 'branch-meeting',
  title: { en: 'Branch meeting', es: 'Reunión de la sección' },
  description: 'Bring a friend.\n\nAgenda: *rent*, strike fund; [minutes](https://party.example/minutes)',
  starts: '2027-01-14T19:00:00-06:00',
  ends: '2027-01-14T21:00:00-06:00',
  timezone: 'America/Chicago',
  location: { name: 'Union Hall', address: '123 Main St, Chicago, IL' },
};

const kolkata: SolidarityEvent = {
  id: 'webinar',
  title: 'Solidarity webinar',
  starts: '2027-01-20T18:30:00+05:30',
  timezone: 'Asia/Kolkata',
  online_url: 'https://meet.example/solidarity',
};

const now = new Date('2026-12-05T10:00:00Z');

function parse(text: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

const octets = (line: string): number => new TextEncoder().encode(line).length;

describe('calendar: RFC 5545 writer', () => {
  it('writes one event whose DTSTART and DTEND parse to the right instants', () => {
    const text = writeCalendar([calendarEntry(chicago, 'en', { domain: 'party.example' })], { now });
    const [event] = parse(text);
    expect(event.startDate.toJSDate().toISOString()).to.equal('2027-01-15T01:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).to.equal('2027-01-15T03:00:00.000Z');
    expect(event.startDate.zone.tzid).to.equal('UTC');
    expect(event.uid).to.equal('branch-meeting@party.example');
    expect(event.summary).to.equal('Branch meeting');
    expect(event.location).to.equal('Union Hall, 123 Main St, Chicago, IL');
    expect(event.description).to.equal(
      'Bring a friend.\n\nAgenda: rent, strike fund; minutes (https://party.example/minutes)',
    );
    expect(text).to.contain('DTSTART:20270115T010000Z\r\n');
    expect(text).to.contain('DTSTAMP:20261205T100000Z\r\n');
  });

  it('writes many events, each with its own DTSTART; an online one is located at its address', () => {
    const entries = [chicago, kolkata].map((e) => calendarEntry(e, 'es', { domain: 'party.example' }));
    const text = writeCalendar(entries, { now, name: 'Party events' });
    const events = parse(text);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).to.deep.equal([
      '2027-01-15T01:00:00.000Z',
      '2027-01-20T13:00:00.000Z',
    ]);
    expect(events[0].summary).to.equal('Reunión de la sección');
    expect(events[1].location).to.equal('https://meet.example/solidarity');
    expect(events[1].component.getFirstPropertyValue('url')).to.equal('https://meet.example/solidarity');
    expect(events[1].component.hasProperty('dtend')).to.equal(false);
    expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname')).to.equal('Party events');
  });

  it('ends every line with CRLF, folds at 75 octets without splitting a character, and round-trips hostile text', () => {
    const title = 'Grève générale; «solidarité», \\ tous ensemble 👩🏽‍🏭 '.repeat(6) + '\nBEGIN:VEVENT\r\nUID:evil';
    const entry: CalendarEntry = {
      uid: 'x@party.example',
      title,
      starts: chicago.starts,
      url: 'https://a.example/\r\nX:1',
    };
    const text = writeCalendar([entry], { now });
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(octets(line), line).to.be.at.most(75);
    expect(lines.some((l) => l.startsWith(' '))).to.equal(true);
    expect(lines.filter((l) => l.startsWith('BEGIN:VEVENT'))).to.have.length(1);
    const events = parse(text);
    expect(events).to.have.length(1);
    const [event] = events;
    expect(event.summary).to.equal(title.replace(/\r/g, ''));
    expect(event.component.getFirstPropertyValue('url')).to.equal('https://a.example/X:1');
  });

  it('escapes backslash, semicolon, comma and line breaks, and drops control characters', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\rg\u0007h\ti')).to.equal('a\\\\b\\;c\\,d\\ne\\nf\\ng' + 'h\ti');
  });

  it('folds a line of exactly 75 octets not at all, and one of 76 once', () => {
    expect(foldLine('x'.repeat(75))).to.equal('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).to.equal(`${'x'.repeat(75)}\r\n x`);
    // é is two octets: the fold comes before it rather than through it.
    expect(foldLine(`${'x'.repeat(74)}é`)).to.equal(`${'x'.repeat(74)}\r\n é`);
  });

  it('takes no option from a host page’s Object.prototype', () => {
    const proto = Object.prototype as Record<string, unknown>;
    Object.assign(proto, { name: 'Injected', now: 'not a date' });
    try {
      const text = writeCalendar([calendarEntry(chicago, 'en', { domain: 'party.example' })]);
      expect(text).not.to.contain('X-WR-CALNAME');
    } finally {
      delete proto.name;
      delete proto.now;
    }
  });

  it('names a start that is not a date', () => {
    expect(() => utcStamp('next Tuesday')).to.throw(RangeError, '"next Tuesday" is not a date and time');
  });
});

describe('calendar: Google Calendar link', () => {
  it('carries the title, UTC dates, place and the event zone', () => {
    const url = new URL(googleCalendarUrl(calendarEntry(chicago, 'en', { domain: 'party.example' })));
    expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).to.equal('TEMPLATE');
    expect(url.searchParams.get('text')).to.equal('Branch meeting');
    expect(url.searchParams.get('dates')).to.equal('20270115T010000Z/20270115T030000Z');
    expect(url.searchParams.get('location')).to.equal('Union Hall, 123 Main St, Chicago, IL');
    expect(url.searchParams.get('ctz')).to.equal('America/Chicago');
  });

  it('gives an event without an end the same start and end, and puts the page link in the details', () => {
    const entry = calendarEntry({ ...chicago, ends: undefined, description: undefined }, 'en', {
      domain: 'party.example',
      url: 'https://ally.example/events#event-branch-meeting',
    });
    const url = new URL(googleCalendarUrl(entry));
    expect(url.searchParams.get('dates')).to.equal('20270115T010000Z/20270115T010000Z');
    expect(url.searchParams.get('details')).to.equal('https://ally.example/events#event-branch-meeting');
  });

  it('does not take a non-http online address as the location or link', () => {
    const entry = calendarEntry({ ...kolkata, online_url: 'javascript:alert(1)' }, 'en', { domain: 'party.example' });
    expect(entry.location).to.equal(undefined);
    expect(entry.url).to.equal(undefined);
  });
});
