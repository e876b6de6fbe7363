// The organizers' side of events and members (issue 21), on both databases: the CSV exports
// behind the admin token, the erasure of one address everywhere, and retention.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Member, Rsvp } from '../storage/action-types.js';
import type { SignatureStore } from '../storage/types.js';
import { eventsFeed, joinUs, rsvp } from './action-helpers.js';
import { auth, backends, parseCsv, request, signature, startServer, type TestServer } from './helpers.js';

const CONSENT = 'Welcome me as a member.';
const member = (overrides: Record<string, unknown> = {}) =>
  signature({ consent: { granted: true, text: CONSENT }, ...overrides });

async function csv(s: TestServer, path: string): Promise<{ raw: string; rows: string[][] }> {
  const r = await request(s.base, 'GET', path, { headers: auth });
  assert.equal(r.status, 200, r.text);
  assert.match(String(r.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.match(String(r.headers['content-disposition']), /^attachment; filename="[\w.-]+\.csv"$/);
  return { raw: r.text, rows: parseCsv(r.text.replace(/^\uFEFF/, '')) };
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86400_000).toISOString();
const blank = { given_name: null, family_name: null, postal_code: null, country: null, phone: null, comment: null };
const signer = { ...blank, source: null, origin: null, consent_sha256: null };

/** Writes an RSVP and a member straight to the store, as they were stored `days` ago. */
async function seedOld(store: SignatureStore, email: string, days: number, status: Member['status']) {
  const at = daysAgo(days);
  const r: Rsvp = { ...signer, email, event: 'meeting', status: 'going', rsvped_at: at };
  await store.actions().rsvp({
    rsvp: r,
    event: 'meeting',
    capacity: null,
    idem: null,
    now: new Date(at),
    events: () => [],
    answer: () => '',
  });
  const m: Member = { ...signer, email, chapter: 'chicago', status, lang: 'en', joined_at: at, confirmed_at: null };
  await store.actions().join({ member: m, idem: null, now: new Date(at), events: () => [], answer: () => '' });
}

for (const backend of backends) {
  describe(`events and members, organizers: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend, { feedJson: eventsFeed() })));
    after(async () => s?.close());

    it("exports an event's RSVPs as the signatures' CSV: BOM, CRLF, a fixed header, formulas defused", async () => {
      await rsvp(s.base, 'small', signature({ email: 'a@example.org', given_name: '=HYPERLINK("x")' }));
      for (const i of [1, 2, 3]) await rsvp(s.base, 'small', signature({ email: `b${i}@example.org` }));
      const { raw, rows } = await csv(s, '/api/events/small/rsvps.csv');
      assert.ok(raw.startsWith('\uFEFFrsvped_at,'));
      assert.ok(raw.endsWith('\r\n') && !/[^\r]\n/.test(raw), 'CRLF line ends only');
      assert.deepEqual(rows[0], [
        'rsvped_at',
        'given_name',
        'family_name',
        'email',
        'postal_code',
        'country',
        'phone',
        'comment',
        'source',
        'origin',
        'consent_sha256',
        'status',
      ]);
      assert.equal(rows[1][1], `'=HYPERLINK("x")`);
      assert.deepEqual(
        rows.slice(1).map((r) => [r[3], r[11]]),
        [
          ['a@example.org', 'going'],
          ['b1@example.org', 'going'],
          ['b2@example.org', 'going'],
          ['b3@example.org', 'waitlisted'],
        ],
      );
      const unknown = await request(s.base, 'GET', '/api/events/nope/rsvps.csv', { headers: auth });
      assert.equal(unknown.status, 404);
    });

    it('exports the members with their chapter id and name', async () => {
      await joinUs(s.base, member({ email: 'north@example.org', postal_code: '60614' }));
      await joinUs(s.base, member({ email: 'choice@example.org', chapter: 'toronto', postal_code: 'M5V 2T6' }));
      const { rows } = await csv(s, '/api/join/members.csv');
      assert.deepEqual(rows[0].slice(0, 4), ['joined_at', 'chapter', 'chapter_name', 'given_name']);
      assert.deepEqual(rows[0].slice(-3), ['consent_sha256', 'status', 'confirmed_at']);
      const byEmail = new Map(rows.slice(1).map((r) => [r[5], r]));
      assert.deepEqual(byEmail.get('north@example.org')!.slice(1, 3), ['chicago-north', 'Chicago North Side']);
      assert.deepEqual(byEmail.get('choice@example.org')!.slice(1, 3), ['toronto', 'Toronto']);
      assert.equal(byEmail.get('north@example.org')![rows[0].indexOf('status')], 'member');
    });

    it('both exports need the admin token', async () => {
      for (const path of ['/api/events/small/rsvps.csv', '/api/join/members.csv']) {
        const r = await request(s.base, 'GET', path);
        assert.equal(r.status, 401, path);
        assert.equal(r.json().error.code, 'unauthorized');
      }
    });

    it('erasing an address removes its RSVPs (freeing their seats) and its membership, with their keys', async () => {
      const email = 'gone@example.org';
      await rsvp(s.base, 'meeting', signature({ email }), { 'idempotency-key': 'gone-1' });
      await rsvp(s.base, 'race', signature({ email }));
      await joinUs(s.base, member({ email, postal_code: '60601' }));
      const before = (await request(s.base, 'GET', '/api/events/race')).json().going;
      const r = await request(s.base, 'DELETE', `/api/people?email=${encodeURIComponent(' GONE@example.org')}`, {
        headers: auth,
      });
      assert.equal(r.status, 200, r.text);
      assert.deepEqual(r.json(), { erased: 3 });
      assert.equal((await request(s.base, 'GET', '/api/events/race')).json().going, before - 1);
      for (const table of ['rsvps', 'members']) {
        assert.deepEqual(await s.query(`SELECT * FROM ${table} WHERE email = '${email}'`), [], table);
      }
      const keys = await s.query("SELECT * FROM idempotency_keys WHERE key = 'gone-1'");
      assert.deepEqual(keys, []);
      const again = await request(s.base, 'DELETE', `/api/people?email=${email}`, { headers: auth });
      assert.deepEqual(again.json(), { erased: 0 });
      const missing = await request(s.base, 'DELETE', '/api/people', { headers: auth });
      assert.deepEqual([missing.status, missing.json().error.field], [400, 'email']);
      assert.equal((await request(s.base, 'DELETE', `/api/people?email=${email}`)).status, 401);
    });

    it("an erased RSVP's seat goes to the first on the waiting list", async () => {
      for (let i = 0; i < 7; i++) await rsvp(s.base, 'race', signature({ email: `p${i}@example.org` }));
      const erased = await request(s.base, 'DELETE', '/api/people?email=p2@example.org', { headers: auth });
      assert.deepEqual(erased.json(), { erased: 1 });
      const rows = await s.query("SELECT email, status FROM rsvps WHERE event = 'race' ORDER BY email");
      assert.deepEqual(
        rows.map((r) => `${r.email} ${r.status}`),
        ['p0', 'p1', 'p3', 'p4', 'p5', 'p6'].map((p) => `${p}@example.org ${p === 'p6' ? 'waitlisted' : 'going'}`),
      );
      const live = (await request(s.base, 'GET', '/api/events/race')).json();
      assert.deepEqual([live.going, live.waitlisted], [5, 1]);
    });
  });

  it(
    `retention (${backend.name}): unconfirmed members go after 30 days; --retain-days takes RSVPs and members`,
    {
      skip: backend.skip,
    },
    async () => {
      const s = await startServer(backend, {
        feedJson: eventsFeed(),
        retainDays: 60,
        seed: async (store) => {
          await seedOld(store, 'pending-old@example.org', 40, 'pending');
          await seedOld(store, 'pending-new@example.org', 10, 'pending');
          await seedOld(store, 'member-old@example.org', 90, 'member');
          await seedOld(store, 'member-mid@example.org', 40, 'member');
        },
      });
      try {
        const members = await s.query('SELECT email FROM members ORDER BY email');
        assert.deepEqual(
          members.map((m) => m.email),
          ['member-mid@example.org', 'pending-new@example.org'],
        );
        const rsvps = await s.query("SELECT email FROM rsvps WHERE event = 'meeting' ORDER BY email");
        assert.deepEqual(
          rsvps.map((m) => m.email),
          ['member-mid@example.org', 'pending-new@example.org', 'pending-old@example.org'],
        );
        assert.equal((await request(s.base, 'GET', '/api/events/meeting')).json().going, 3, 'recounted');
      } finally {
        await s.close();
      }
    },
  );
}
