// GET /events.ics against a real server: the upcoming events (one in progress too, the past one
// not), in start order, one chapter's with ?chapter=, parsed with ical.js as a calendar would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { eventsFeed } from './action-helpers.js';
import { backends, request, startServer, type TestServer } from './helpers.js';

const sqlite = backends.find((b) => b.name === 'sqlite')!;
const hoursFromNow = (h: number) => new Date(Date.now() + h * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The VEVENTs of a calendar: uid, summary, DTSTART as a UTC instant. */
function eventsOf(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, start: e.startDate.toJSDate().toISOString() };
  });
}

describe('events.ics', () => {
  let s: TestServer;
  before(async () => {
    const feed = eventsFeed();
    // In progress: started an hour ago, ends in an hour.
    feed.events.push({
      id: 'now',
      title: 'Picket, now',
      starts: hoursFromNow(-1),
      ends: hoursFromNow(1),
      timezone: 'UTC',
      location: { name: 'Gate 1' },
      chapter: 'chicago',
    });
    s = await startServer(sqlite, { feedJson: feed });
  });
  after(async () => s?.close());

  it('is a text/calendar of the upcoming events in start order, with the right DTSTART, not the past', async () => {
    const r = await request(s.base, 'GET', '/events.ics');
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.equal(r.headers['access-control-allow-origin'], '*');
    assert.ok(r.text.startsWith('BEGIN:VCALENDAR\r\n'));
    const events = eventsOf(r.text);
    assert.deepEqual(
      events.map((e) => e.uid.split('@')[0]),
      ['now', 'no-rsvp', 'meeting', 'small', 'race'],
    );
    const meeting = events.find((e) => e.uid.startsWith('meeting@'))!;
    assert.equal(meeting.start, '2999-01-15T01:00:00.000Z', '19:00 in Chicago (UTC−6) is 01:00 UTC the next day');
    assert.equal(meeting.summary, 'Branch meeting');
    const race = events.find((e) => e.uid.startsWith('race@'))!;
    assert.equal(race.start, '2999-03-01T04:30:00.000Z', '10:00 in Kolkata (UTC+5:30)');
    assert.match(r.text, /X-WR-CALNAME:Test Local 1\r\n/);
  });

  it("?chapter= keeps one chapter's events and names the chapter; ?lang= picks the texts", async () => {
    const r = await request(s.base, 'GET', '/events.ics?chapter=chicago&lang=es');
    assert.deepEqual(
      eventsOf(r.text).map((e) => [e.uid.split('@')[0], e.summary]),
      [
        ['now', 'Picket, now'],
        ['meeting', 'Reunión'],
      ],
    );
    assert.match(r.text, /X-WR-CALNAME:Test Local 1 · Chicago\r\n/);
    const unknown = await request(s.base, 'GET', '/events.ics?chapter=atlantis');
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.json().error, {
      code: 'chapter_not_found',
      message: 'There is no chapter "atlantis".',
      field: 'chapter',
    });
  });
});
