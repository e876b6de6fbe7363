// The console's events section against the real server, on SQLite and Postgres: the events with
// their live counts and the members' numbers, and both CSV exports, each one in the audit log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Organizers } from '../console/organizers.js';
import { eventsFeed, joinUs, rsvp } from './action-helpers.js';
import { backends, parseCsv, request, signature, startServer, type TestServer } from './helpers.js';

const EMAIL = 'ana@party.example';
const PASSWORD = 'a long enough passphrase';

for (const backend of backends) {
  describe(`console events (${backend.name})`, { skip: backend.skip }, () => {
    let srv: TestServer;
    let cookie = '';
    before(async () => {
      srv = await startServer(backend, {
        feedJson: eventsFeed(),
        seed: async (store) => void (await new Organizers(store.sql()).add(EMAIL, PASSWORD)),
      });
      const res = await request(srv.base, 'POST', '/api/admin/session', {
        json: { email: EMAIL, password: PASSWORD },
        headers: { origin: srv.base },
      });
      cookie = String(res.headers['set-cookie']).split(';')[0];
    });
    after(() => srv.close());
    const get = (path: string, withSession = true) =>
      request(srv.base, 'GET', path, { headers: withSession ? { cookie } : {} });

    it("lists the feed's events with going, waitlisted and capacity, and counts the members", async () => {
      for (const i of [1, 2, 3, 4]) await rsvp(srv.base, 'small', signature({ email: `c${i}@example.org` }));
      const consent = { granted: true, text: 'Welcome me as a member.' };
      await joinUs(srv.base, signature({ email: 'm@example.org', postal_code: '60614', consent }));
      const r = await get('/api/admin/events');
      assert.equal(r.status, 200, r.text);
      const { events, members } = r.json();
      assert.deepEqual(
        events.map((e: { id: string }) => e.id),
        ['meeting', 'small', 'race', 'past', 'no-rsvp'],
      );
      assert.deepEqual(events[1], {
        id: 'small',
        title: 'Steward training',
        starts: '2999-02-01T10:00:00-06:00',
        capacity: 3,
        going: 3,
        waitlisted: 1,
      });
      assert.deepEqual(members, { members: 1, pending: 0 });
      assert.equal((await get('/api/admin/events', false)).status, 401);
    });

    it('exports RSVPs and members as CSV, and the audit log says so', async () => {
      const rsvps = await get('/api/admin/events/small/rsvps.csv');
      assert.equal(rsvps.status, 200);
      assert.equal(parseCsv(rsvps.text.replace(/^\uFEFF/, '')).length, 5);
      const members = await get('/api/admin/join/members.csv');
      const rows = parseCsv(members.text.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows[1].slice(1, 3), ['chicago-north', 'Chicago North Side']);
      assert.equal((await get('/api/admin/events/nope/rsvps.csv')).status, 404);
      const audit = (await get('/api/admin/audit')).json().entries as { action: string; detail: string }[];
      const exports = audit.filter((e) => e.action === 'export').map((e) => e.detail);
      assert.deepEqual(exports.sort(), ['RSVPs of event small', 'members']);
    });
  });
}
