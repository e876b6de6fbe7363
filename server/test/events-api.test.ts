// Events and RSVPs (issue 21) against a real server on 127.0.0.1 and a real database, for both
// databases: the live counts, repeats, capacity and its race, the signature's semantics.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventsFeed, rsvp } from './action-helpers.js';
import { backends, request, signature, startServer, type Res, type TestServer } from './helpers.js';

const feedJson = eventsFeed();
const errorOf = (r: Res) => r.json().error as { code: string; message: string; field?: string };

for (const backend of backends) {
  describe(`events api: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend, { feedJson, publishCountsMs: 0 })));
    after(async () => s?.close());

    it('GET /api/events/:id answers the event with its live counts; 404 for an unknown one', async () => {
      const r = await request(s.base, 'GET', '/api/events/small');
      assert.equal(r.status, 200);
      assert.equal(r.headers['access-control-allow-origin'], '*');
      assert.deepEqual(r.json(), {
        id: 'small',
        title: 'Steward training',
        starts: '2999-02-01T10:00:00-06:00',
        ends: null,
        capacity: 3,
        going: 0,
        waitlisted: 0,
        fields: [],
        consent: feedJson.org.consent,
      });
      const missing = await request(s.base, 'GET', '/api/events/nope');
      assert.equal(missing.status, 404);
      assert.equal(errorOf(missing).code, 'event_not_found');
    });

    it('an RSVP takes a seat; a repeat by the same address is answered alike and not counted twice', async () => {
      const first = await rsvp(s.base, 'meeting', signature({ email: 'Ana@Example.org' }));
      assert.equal(first.status, 201, first.text);
      assert.deepEqual(first.json(), { status: 'going', going: 1, waitlisted: 0, capacity: null });
      const again = await rsvp(s.base, 'meeting', signature({ email: ' ana@example.ORG ' }));
      assert.equal(again.status, 201);
      assert.deepEqual(again.json(), first.json());
      const rows = await s.query("SELECT email, status, given_name FROM rsvps WHERE event = 'meeting'");
      assert.deepEqual(
        rows.map((r) => ({ ...r })),
        [{ email: 'ana@example.org', status: 'going', given_name: 'Rosa' }],
      );
      const live = (await request(s.base, 'GET', '/api/events/meeting')).json();
      assert.deepEqual([live.going, live.waitlisted], [1, 0]);
    });

    it('past capacity, RSVPs join the waiting list, and a waitlisted repeat stays waitlisted', async () => {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await rsvp(s.base, 'small', signature({ email: `s${i}@example.org` }))).json());
      assert.deepEqual(
        statuses.map((a) => a.status),
        ['going', 'going', 'going', 'waitlisted', 'waitlisted'],
      );
      assert.deepEqual(statuses[4], { status: 'waitlisted', going: 3, waitlisted: 2, capacity: 3 });
      const repeat = (await rsvp(s.base, 'small', signature({ email: 's4@example.org' }))).json();
      assert.deepEqual(repeat, statuses[4]);
    });

    it('a race of 40 RSVPs for 5 seats admits exactly 5 and waitlists 35', async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => rsvp(s.base, 'race', signature({ email: `race${i}@example.org` }))),
      );
      assert.ok(
        answers.every((a) => a.status === 201),
        answers.map((a) => a.text).join(),
      );
      const going = answers.filter((a) => a.json().status === 'going');
      assert.equal(going.length, 5);
      const rows = await s.query("SELECT status, count(*) AS n FROM rsvps WHERE event = 'race' GROUP BY status");
      const byStatus = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
      assert.deepEqual(byStatus, { going: 5, waitlisted: 35 });
      const counts = await s.query("SELECT going, waitlisted FROM event_counts WHERE event = 'race'");
      assert.deepEqual([Number(counts[0].going), Number(counts[0].waitlisted)], [5, 35]);
    });

    it("checks the body as a signature's: the event's fields and consent, the honeypot keeps nothing", async () => {
      const noName = await rsvp(s.base, 'meeting', signature({ given_name: '' }));
      assert.equal(noName.status, 400);
      assert.deepEqual(errorOf(noName), {
        code: 'invalid_field',
        message: 'given_name is required for this event.',
        field: 'given_name',
      });
      const noConsent = await rsvp(s.base, 'meeting', signature({ consent: { granted: false } }));
      assert.equal(errorOf(noConsent).code, 'consent_required');
      const otherText = await rsvp(s.base, 'meeting', signature({ consent: { granted: true, text: 'Sure' } }));
      assert.match(errorOf(otherText).message, /event's consent text/);
      const bot = await rsvp(s.base, 'meeting', signature({ email: 'bot@example.org', website: 'spam' }));
      assert.equal(bot.status, 201);
      assert.equal(bot.json().status, 'going');
      assert.equal((await s.query("SELECT * FROM rsvps WHERE email = 'bot@example.org'")).length, 0);
    });

    it('404 for an event without RSVPs or unknown, 410 once it is over, 415 without JSON', async () => {
      const none = await rsvp(s.base, 'no-rsvp', signature());
      assert.deepEqual([none.status, errorOf(none).code], [404, 'rsvp_not_open']);
      const unknown = await rsvp(s.base, 'nope', signature());
      assert.deepEqual([unknown.status, errorOf(unknown).code], [404, 'event_not_found']);
      const past = await rsvp(s.base, 'past', signature());
      assert.deepEqual([past.status, errorOf(past).code], [410, 'event_over']);
      const text = await request(s.base, 'POST', '/api/events/meeting/rsvps', { body: 'x' });
      assert.equal(text.status, 415);
    });

    it('Idempotency-Key: a retry replays the first answer; another body with the key is 422', async () => {
      const key = { 'idempotency-key': 'rsvp-key-1' };
      const body = signature({ email: 'keyed@example.org' });
      const first = await rsvp(s.base, 'small', body, key);
      const retry = await rsvp(s.base, 'small', body, key);
      assert.equal(retry.status, 201);
      assert.equal(retry.text, first.text);
      const other = await rsvp(s.base, 'small', signature(), key);
      assert.deepEqual([other.status, errorOf(other).code], [422, 'idempotency_key_reused']);
      // The same key on another event is another request.
      assert.equal((await rsvp(s.base, 'meeting', body, key)).status, 201);
    });

    it("the served feed carries each event's going and waitlisted, and its ETag changes with them", async () => {
      const before = await request(s.base, 'GET', '/feed.json');
      const small = before.json().events.find((e: { id: string }) => e.id === 'small');
      const counts = await s.query("SELECT going, waitlisted FROM event_counts WHERE event = 'small'");
      assert.deepEqual([small.going, small.waitlisted], [Number(counts[0].going), Number(counts[0].waitlisted)]);
      assert.equal(before.json().petitions[0].count, 0, 'petitions keep their count');
      const same = await request(s.base, 'GET', '/feed.json', { headers: { 'if-none-match': before.headers.etag! } });
      assert.equal(same.status, 304);
      await rsvp(s.base, 'small', signature());
      const afterRsvp = await request(s.base, 'GET', '/feed.json', {
        headers: { 'if-none-match': before.headers.etag! },
      });
      assert.equal(afterRsvp.status, 200);
      const now = afterRsvp.json().events.find((e: { id: string }) => e.id === 'small');
      assert.equal(now.waitlisted, small.waitlisted + 1);
    });
  });
}

describe('events api: the served feed', () => {
  it('splices counts into events and petitions whichever comes first in the file', async () => {
    const { events, ...rest } = eventsFeed();
    const s = await startServer(backends[0], { feedJson: { events, ...rest }, publishCountsMs: 0 });
    try {
      await rsvp(s.base, 'small', signature());
      const text = (await request(s.base, 'GET', '/feed.json')).text;
      assert.ok(text.indexOf('"events"') < text.indexOf('"petitions"'), 'events first, as in the file');
      const feed = JSON.parse(text);
      assert.deepEqual(
        feed.events.map((e: { id: string; going: number }) => [e.id, e.going]),
        events.map((e: { id: string }) => [e.id, e.id === 'small' ? 1 : 0]),
      );
      assert.equal(feed.petitions[0].count, 0);
      assert.deepEqual(Object.keys(feed), Object.keys({ events, ...rest }));
    } finally {
      await s.close();
    }
  });
});
