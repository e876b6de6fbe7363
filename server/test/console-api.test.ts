// The organizers' console API against the real server on 127.0.0.1, on SQLite and Postgres:
// sign-in and its limits, the session cookie, the same-origin and CSRF checks, the dashboard's
// numbers, signer search, export, erasure, the audit log and the feed save.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Organizers } from '../console/organizers.js';
import { backends, parseCsv, request, sign, signature, startServer, type TestServer } from './helpers.js';

const EMAIL = 'ana@party.example';
const PASSWORD = 'a long enough passphrase';
const ALLIES = ['https://ally-one.example', 'https://ally-two.example'];

interface Signed {
  cookie: string;
  csrf: string;
  setCookie: string;
}

for (const backend of backends) {
  describe(`console API (${backend.name})`, { skip: backend.skip }, () => {
    let srv: TestServer;
    before(async () => {
      srv = await startServer(backend, {
        allowOrigins: ALLIES,
        publishCountsMs: 0,
        seed: async (store) => void (await new Organizers(store.sql()).add(EMAIL, PASSWORD)),
      });
    });
    after(() => srv.close());

    const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
      request(srv.base, 'POST', '/api/admin/session', {
        json: { email, password },
        headers: { origin: srv.base, ...headers },
      });

    async function session(headers: Record<string, string> = {}): Promise<Signed> {
      const res = await signIn(EMAIL, PASSWORD, headers);
      assert.equal(res.status, 200, res.text);
      const setCookie = String(res.headers['set-cookie']);
      return { cookie: setCookie.split(';')[0], csrf: res.json().csrf, setCookie };
    }

    const get = (s: Signed | null, path: string) =>
      request(srv.base, 'GET', path, { headers: s ? { cookie: s.cookie } : {} });
    const change = (s: Signed, method: string, path: string, json: unknown, headers: Record<string, string> = {}) =>
      request(srv.base, method, path, {
        json,
        headers: { cookie: s.cookie, origin: srv.base, 'x-csrf-token': s.csrf, ...headers },
      });

    it('signs in with the right password; the cookie is HttpOnly, SameSite=Strict, scoped to the console', async () => {
      const s = await session();
      assert.match(s.setCookie, /^sw_console=[\w-]{43}; /);
      assert.match(s.setCookie, /; HttpOnly/);
      assert.match(s.setCookie, /; SameSite=Strict/);
      assert.match(s.setCookie, /; Path=\/api\/admin/);
      assert.doesNotMatch(s.setCookie, /Secure/, 'plain HTTP cannot carry a Secure cookie');
      const me = await get(s, '/api/admin/session');
      assert.equal(me.status, 200);
      assert.deepEqual(me.json(), { email: EMAIL, csrf: s.csrf });
      assert.equal(me.headers['access-control-allow-origin'], undefined);
      assert.equal(me.headers['cache-control'], 'no-store');
    });

    it('answers 401 without a session, 403 cross-origin or without the CSRF token', async () => {
      assert.equal((await get(null, '/api/admin/petitions')).status, 401);
      assert.equal(
        (await get({ cookie: 'sw_console=forged', csrf: '', setCookie: '' }, '/api/admin/petitions')).status,
        401,
      );
      const s = await session();
      const body = { email: 'someone@example.org' };
      const cross = await change(s, 'POST', '/api/admin/petitions/open/erasures', body, {
        origin: 'https://evil.example',
      });
      assert.equal(cross.status, 403);
      assert.equal(cross.json().error.code, 'cross_origin');
      assert.equal(cross.headers['access-control-allow-origin'], undefined);
      const noOrigin = await request(srv.base, 'POST', '/api/admin/petitions/open/erasures', {
        json: body,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      assert.equal(noOrigin.status, 403);
      const noCsrf = await change(s, 'POST', '/api/admin/petitions/open/erasures', body, { 'x-csrf-token': 'wrong' });
      assert.equal(noCsrf.status, 403);
      assert.equal(noCsrf.json().error.code, 'csrf_token');
      const crossSignIn = await signIn(EMAIL, PASSWORD, { origin: 'https://evil.example' });
      assert.equal(crossSignIn.status, 403);
    });

    it('shows per petition, per day, per source and per site counts; searches, exports and erases', async () => {
      const signers = [];
      for (const [i, origin] of [ALLIES[0], ALLIES[0], ALLIES[1], ALLIES[1], ALLIES[1]].entries()) {
        const sig = signature({ source: i % 2 ? 'newsletter' : 'homepage', given_name: `Signer${i}` });
        const res = await sign(srv.base, sig, { origin });
        assert.equal(res.status, 201, res.text);
        signers.push(sig);
      }
      const s = await session();
      const list = (await get(s, '/api/admin/petitions')).json().petitions;
      const open = list.find((p: { id: string }) => p.id === 'open');
      assert.equal(open.count, 5);
      assert.equal(open.goal, 100);
      assert.ok(open.last_signed_at);
      assert.equal(list.find((p: { id: string }) => p.id === 'plain').count, 0);

      const stats = (await get(s, '/api/admin/petitions/open/stats')).json();
      assert.equal(stats.count, 5);
      assert.deepEqual(stats.per_day, [{ day: new Date().toISOString().slice(0, 10), count: 5 }]);
      assert.deepEqual(stats.per_source, [
        { key: 'homepage', count: 3 },
        { key: 'newsletter', count: 2 },
      ]);
      assert.deepEqual(stats.per_site, [
        { key: ALLIES[1], count: 3 },
        { key: ALLIES[0], count: 2 },
      ]);

      const found = (await get(s, '/api/admin/petitions/open/signers?q=signer3&offset=0')).json();
      assert.equal(found.total, 1);
      assert.equal(found.signers[0].email, signers[3].email);
      const none = (await get(s, '/api/admin/petitions/open/signers?q=100%25')).json();
      assert.equal(none.total, 0, 'LIKE wildcards in the query are taken literally');
      const paged = (await get(s, '/api/admin/petitions/open/signers?q=&offset=3')).json();
      assert.deepEqual([paged.total, paged.signers.length, paged.offset], [5, 2, 3]);

      const csv = await get(s, '/api/admin/petitions/open/signatures.csv');
      assert.equal(csv.status, 200);
      const [header, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
      const emails = rows.map((r) => r[header.indexOf('email')]);
      for (const sig of signers) assert.ok(emails.includes(String(sig.email)), `${sig.email} in the CSV`);

      const erased = await change(s, 'POST', '/api/admin/petitions/open/erasures', { email: signers[0].email });
      assert.equal(erased.status, 200, erased.text);
      assert.deepEqual(erased.json(), { erased: 1 });
      assert.equal((await get(s, '/api/admin/petitions/open/stats')).json().count, 4);

      const log = (await get(s, '/api/admin/audit')).json().entries;
      const actions = log.map((e: { action: string }) => e.action);
      assert.ok(actions.includes('erase') && actions.includes('export') && actions.includes('sign_in'));
      const erase = log.find((e: { action: string }) => e.action === 'erase');
      assert.equal(erase.actor, EMAIL);
      assert.equal(erase.detail, 'open: 1 signature');
      assert.ok(!JSON.stringify(log).includes(String(signers[0].email)), 'the erased address is not in the log');
    });

    it('saves a checked feed atomically, keeping the previous one; refuses a broken one field by field', async () => {
      const s = await session();
      const before = fs.readFileSync(srv.feedFile, 'utf8');
      const feed = (await get(s, '/api/admin/feed')).json();
      feed.platform[0].title = 'A wage to live on';
      const saved = await change(s, 'PUT', '/api/admin/feed', feed);
      assert.equal(saved.status, 200, saved.text);
      assert.equal(JSON.parse(fs.readFileSync(srv.feedFile, 'utf8')).platform[0].title, 'A wage to live on');
      assert.equal(fs.readFileSync(`${srv.feedFile}.1`, 'utf8'), before);
      for (;;) {
        const pub = (await request(srv.base, 'GET', '/feed.json')).json();
        if (pub.platform[0].title === 'A wage to live on') break;
        await new Promise((r) => setTimeout(r, 100));
      }

      feed.platform[0].title = '';
      const broken = await change(s, 'PUT', '/api/admin/feed', feed);
      assert.equal(broken.status, 422);
      assert.equal(broken.json().error.code, 'feed_invalid');
      assert.ok(broken.json().problems.some((p: { path: string }) => p.path.startsWith('$.platform[0]')));
      assert.equal(JSON.parse(fs.readFileSync(srv.feedFile, 'utf8')).platform[0].title, 'A wage to live on');
      const log = (await get(s, '/api/admin/audit')).json().entries;
      assert.equal(log.filter((e: { action: string }) => e.action === 'feed_save').length, 1);

      const huge = await change(s, 'PUT', '/api/admin/feed', { ...feed, padding: 'x'.repeat(4 * 1024 * 1024) });
      assert.equal(huge.status, 413);
      assert.equal(huge.json().error.message, 'The body is larger than 4096 KiB.');
    });

    it('signing out ends the session on the server', async () => {
      const s = await session();
      const out = await change(s, 'DELETE', '/api/admin/session', undefined);
      assert.equal(out.status, 200, out.text);
      assert.match(String(out.headers['set-cookie']), /Max-Age=0/);
      assert.equal((await get(s, '/api/admin/petitions')).status, 401, 'the old cookie opens nothing');
    });

    it('gives one answer for an unknown email and a wrong password, then 429 with when to retry', async () => {
      const unknown = await signIn('nobody@party.example', PASSWORD);
      const wrong = await signIn(EMAIL, 'not the password at all');
      assert.equal(unknown.status, 401);
      assert.equal(wrong.status, 401);
      assert.deepEqual(unknown.json(), wrong.json());
      // Five failures from this address (two accounts): the sixth attempt waits, even with the right password.
      for (let i = 0; i < 3; i++) assert.equal((await signIn(EMAIL, `wrong password ${i}`)).status, 401);
      const limited = await signIn(EMAIL, PASSWORD);
      assert.equal(limited.status, 429);
      assert.equal(limited.json().error.code, 'too_many_attempts');
      assert.match(limited.json().error.message, /Try again at \d\d:\d\d UTC \(in 15 minutes\)/);
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(retryAfter > 14 * 60 && retryAfter <= 15 * 60, String(retryAfter));
      const log = (await get(await sessionAfterReset(), '/api/admin/audit')).json().entries;
      const failed = log.filter((e: { action: string }) => e.action === 'sign_in_failed');
      assert.deepEqual(
        new Set(failed.map((e: { actor: string }) => e.actor)),
        new Set(['nobody@party.example', EMAIL]),
      );
      assert.ok(failed.length >= 5);
    });

    /** A session despite the lock: the limits are in the database, so the test clears them there. */
    async function sessionAfterReset(): Promise<Signed> {
      await srv.query('DELETE FROM sign_in_failures RETURNING at');
      return session();
    }
  });
}

describe('console API behind a proxy', () => {
  it('limits failed sign-ins per account, whatever address they come from', async () => {
    const srv = await startServer(backends[0], {
      trustProxy: true,
      seed: async (store) => void (await new Organizers(store.sql()).add(EMAIL, PASSWORD)),
    });
    try {
      const attempt = (password: string, address: string) =>
        request(srv.base, 'POST', '/api/admin/session', {
          json: { email: EMAIL, password },
          headers: { origin: srv.base, 'x-forwarded-for': address },
        });
      for (let i = 1; i <= 5; i++) assert.equal((await attempt('wrong password here', `192.0.2.${i}`)).status, 401);
      const limited = await attempt(PASSWORD, '192.0.2.99');
      assert.equal(limited.status, 429);
      assert.match(limited.json().error.message, /Too many failed sign-ins\. Try again at/);
    } finally {
      await srv.close();
    }
  });

  it('sets Secure on the cookie when the proxy says the request came over HTTPS', async () => {
    const srv = await startServer(backends[0], {
      trustProxy: true,
      publicUrl: 'https://party.example',
      seed: async (store) => void (await new Organizers(store.sql()).add(EMAIL, PASSWORD)),
    });
    try {
      const res = await request(srv.base, 'POST', '/api/admin/session', {
        json: { email: EMAIL, password: PASSWORD },
        headers: { origin: 'https://party.example', 'x-forwarded-proto': 'https' },
      });
      assert.equal(res.status, 200, res.text);
      assert.match(String(res.headers['set-cookie']), /; Secure/);
    } finally {
      await srv.close();
    }
  });
});
