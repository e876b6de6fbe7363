// The HTTP API against a real server on 127.0.0.1 and a real database, for both databases.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sha256 } from '../validate.js';
import {
  auth,
  backends,
  CONSENT_EN,
  CONSENT_ES,
  parseCsv,
  request,
  sign,
  signature,
  startServer,
  tempDir,
  TOKEN,
  type Res,
  type TestServer,
  storedSignature,
} from './helpers.js';

/** Headers that must not differ between a new signer, a repeat and a honeypot hit. */
const shape = (r: Res) => {
  const headers = { ...r.headers };
  delete headers.date;
  delete headers['content-length']; // the count's digits may differ
  return { status: r.status, headers, keys: Object.keys(r.json()) };
};

async function exportCsv(s: TestServer, petition = 'open'): Promise<string[][]> {
  const r = await request(s.base, 'GET', `/api/petitions/${petition}/signatures.csv`, { headers: auth });
  assert.equal(r.status, 200, r.text);
  return parseCsv(r.text.replace(/^\uFEFF/, ''));
}

const errorOf = (r: Res) => r.json().error as { code: string; message: string; field?: string };

for (const backend of backends) {
  describe(`api: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend, { allowOrigins: ['https://ally.example'] })));
    after(async () => s?.close());

    it('201 { count } for a new signer; the same person again is answered alike and not counted', async () => {
      const first = await sign(s.base, signature({ email: 'Jo.Hill@Bücher.Example' }));
      assert.equal(first.status, 201);
      assert.deepEqual(Object.keys(first.json()), ['count']);
      // Same address: spaces, other case, decomposed ü (NFD) and the punycode domain.
      for (const email of ['  jo.hill@bu\u0308cher.example ', 'JO.HILL@xn--bcher-kva.example']) {
        const again = await sign(s.base, signature({ email, given_name: 'Joe' }));
        assert.deepEqual(shape(again), shape(first));
        assert.deepEqual(again.json(), first.json(), 'the published count, whoever signs');
      }
      assert.equal(await s.store.count('open'), 1);
      const rows = await exportCsv(s);
      assert.equal(rows.length, 2);
      assert.equal(rows[1][3], 'jo.hill@xn--bcher-kva.example');
      assert.equal(rows[1][1], 'Rosa', 'the first signature is kept');
    });

    it('a filled honeypot gets an ordinary 201 and nothing is stored', async () => {
      const real = await sign(s.base, signature());
      const bot = await sign(s.base, signature({ email: 'bot@spam.example', website: 'http://spam.example' }));
      assert.deepEqual(shape(bot), shape(real));
      assert.equal(bot.json().count, real.json().count);
      assert.ok(!(await s.dump()).includes('bot@spam.example'));
    });

    it('requires email, consent.granted === true and the petition fields', async () => {
      const cases: [Record<string, unknown>, number, string, string?][] = [
        [signature({ email: undefined }), 400, 'invalid_field', 'email'],
        [signature({ email: 'not-an-address' }), 400, 'invalid_field', 'email'],
        [signature({ email: 42 }), 400, 'invalid_field', 'email'],
        [signature({ consent: undefined }), 400, 'consent_required', 'consent'],
        [signature({ consent: { granted: false, text: CONSENT_EN } }), 400, 'consent_required', 'consent'],
        [signature({ consent: { granted: 'true', text: CONSENT_EN } }), 400, 'consent_required', 'consent'],
        [signature({ postal_code: '' }), 400, 'invalid_field', 'postal_code'],
        [signature({ family_name: undefined }), 400, 'invalid_field', 'family_name'],
        [signature({ given_name: ['Rosa'] }), 400, 'invalid_field', 'given_name'],
        [signature({ comment: 'x'.repeat(4001) }), 400, 'invalid_field', 'comment'],
        [signature({ given_name: 'Ro\u0000sa' }), 400, 'invalid_field', 'given_name'],
        [signature({ given_name: 'Ro\ud800sa' }), 400, 'invalid_field', 'given_name'],
        [signature({ consent: { granted: true, text: 'I agree to anything.' } }), 400, 'invalid_field', 'consent.text'],
        [signature({ consent: { granted: true } }), 400, 'invalid_field', 'consent.text'],
      ];
      for (const [body, status, code, field] of cases) {
        const r = await sign(s.base, body);
        assert.equal(r.status, status, JSON.stringify(body));
        assert.equal(errorOf(r).code, code, JSON.stringify(body));
        assert.equal(errorOf(r).field, field, JSON.stringify(body));
        assert.ok(errorOf(r).message.length > 10);
      }
    });

    it('accepts the consent text in any of its translations, and stores its SHA-256', async () => {
      const email = 'consent.es@example.org';
      assert.equal(
        (await sign(s.base, signature({ email, consent: { granted: true, text: CONSENT_ES } }))).status,
        201,
      );
      const row = (await exportCsv(s)).find((r) => r[3] === email)!;
      assert.equal(row[10], sha256(CONSENT_ES));
    });

    it('without a consent text in the feed, any text is taken; only the petition fields are required', async () => {
      const r = await sign(
        s.base,
        { email: 'plain@example.org', consent: { granted: true, text: 'Built-in consent' } },
        {},
        'plain',
      );
      assert.equal(r.status, 201, r.text);
    });

    it('stores fields, consent hash, time, origin and source, never the IP address', async () => {
      const before = Date.now();
      const r = await sign(
        s.base,
        signature({ email: 'stored@example.org', source: 'newsletter', comment: '=1+1', phone: '+1 555 0100' }),
        { origin: 'https://ally.example' },
      );
      assert.equal(r.status, 201);
      const [header, ...rows] = await exportCsv(s);
      const row = Object.fromEntries(header.map((h, i) => [h, rows.find((x) => x[3] === 'stored@example.org')![i]]));
      assert.equal(row.source, 'newsletter');
      assert.equal(row.origin, 'https://ally.example');
      assert.equal(row.comment, "'=1+1");
      assert.equal(row.phone, "'+1 555 0100");
      assert.equal(row.consent_sha256, sha256(CONSENT_EN));
      assert.ok(Date.parse(row.signed_at) >= before - 1000 && Date.parse(row.signed_at) <= Date.now() + 1000);
      assert.ok(!(await s.dump()).includes('127.0.0.1'), 'no client address in the database');
    });

    it('idempotency: replay for the same body, 422 for another, 409 while in progress, errors not stored', async () => {
      const body = signature();
      const key = { 'idempotency-key': 'key-replay-1' };
      const first = await sign(s.base, body, key);
      assert.equal(first.status, 201);
      await sign(s.base, signature()); // the count moves on…
      const replay = await sign(s.base, body, key);
      assert.deepEqual([replay.status, replay.text], [first.status, first.text]); // …the replay does not
      const other = await sign(s.base, { ...body, given_name: 'Other' }, key);
      assert.equal(other.status, 422);
      assert.equal(errorOf(other).code, 'idempotency_key_reused');

      // A 400 is not stored: the corrected body goes through under the same key.
      const bad = signature({ postal_code: '' });
      const k2 = { 'idempotency-key': 'key-corrected' };
      assert.equal((await sign(s.base, bad, k2)).status, 400);
      assert.equal((await sign(s.base, { ...bad, postal_code: '10001' }, k2)).status, 201);

      // A key another request is working on.
      const raw = JSON.stringify(signature());
      await s.store.claim({ petition: 'open', key: 'busy', bodySha256: sha256(raw) }, new Date());
      const busy = await request(s.base, 'POST', '/api/petitions/open/signatures', {
        body: raw,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'busy' },
      });
      assert.equal(busy.status, 409);
      assert.equal(errorOf(busy).code, 'in_progress');
      await s.store.release({ petition: 'open', key: 'busy', bodySha256: sha256(raw) });

      // Keys are per petition.
      const plain = await sign(s.base, { email: 'k@example.org', consent: { granted: true, text: 'x' } }, key, 'plain');
      assert.equal(plain.status, 201);
    });

    it('404 unknown petition, 410 closed petition', async () => {
      const nf = await sign(s.base, signature(), {}, 'no-such-petition');
      assert.deepEqual([nf.status, errorOf(nf).code], [404, 'petition_not_found']);
      const closed = await sign(s.base, { email: 'late@example.org', consent: { granted: true } }, {}, 'closed');
      assert.deepEqual([closed.status, errorOf(closed).code], [410, 'petition_closed']);
      assert.equal((await request(s.base, 'GET', '/api/petitions/nope')).status, 404);
    });

    it('400 invalid_json, 413 too_large, 415 unsupported_media_type', async () => {
      const post = (body: string | Buffer, headers: Record<string, string>) =>
        request(s.base, 'POST', '/api/petitions/open/signatures', { body, headers });
      const json = { 'content-type': 'application/json' };
      for (const body of ['{"email":', '', 'null', '[1]', '"text"', Buffer.from([0x7b, 0xff, 0x7d])]) {
        const r = await post(body, json);
        assert.deepEqual([r.status, errorOf(r).code], [400, 'invalid_json'], String(body));
      }
      const big = JSON.stringify(signature({ comment: 'é'.repeat(9000) }));
      const r413 = await post(big, json);
      assert.deepEqual([r413.status, errorOf(r413).code], [413, 'too_large']);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const r = await post('email=a%40b.org', { 'content-type': type });
        assert.deepEqual([r.status, errorOf(r).code], [415, 'unsupported_media_type'], type);
      }
      const none = await post('{}', {});
      assert.deepEqual([none.status, errorOf(none).code], [415, 'unsupported_media_type']);
      const charset = await post(JSON.stringify(signature()), { 'content-type': 'application/json; charset=utf-8' });
      assert.equal(charset.status, 201);
    });

    it('CORS: signatures from allowed origins only; feed and counts from anywhere; admin without CORS', async () => {
      const ally = await sign(s.base, signature(), { origin: 'https://ally.example' });
      assert.equal(ally.status, 201);
      assert.equal(ally.headers['access-control-allow-origin'], 'https://ally.example');
      assert.match(String(ally.headers.vary), /Origin/);

      const own = await sign(s.base, signature(), { origin: s.base });
      assert.equal(own.status, 201);
      assert.equal(own.headers['access-control-allow-origin'], s.base);

      const noOrigin = await sign(s.base, signature());
      assert.equal(noOrigin.status, 201);

      for (const origin of ['https://evil.example', 'null', 'https://ally.example.evil.example']) {
        const r = await sign(s.base, signature(), { origin });
        assert.deepEqual([r.status, errorOf(r).code], [403, 'origin_not_allowed'], origin);
        // The refusal is readable by the page that asked (not by an opaque origin).
        assert.equal(r.headers['access-control-allow-origin'], origin === 'null' ? undefined : origin);
      }

      const pre = await request(s.base, 'OPTIONS', '/api/petitions/open/signatures', {
        headers: {
          origin: 'https://ally.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      assert.equal(pre.status, 204);
      assert.equal(pre.headers['access-control-allow-origin'], 'https://ally.example');
      assert.match(String(pre.headers['access-control-allow-headers']), /Idempotency-Key/i);
      assert.ok(Number(pre.headers['access-control-max-age']) > 0);
      assert.match(String(pre.headers.vary), /Origin/);
      const preNull = await request(s.base, 'OPTIONS', '/api/petitions/open/signatures', {
        headers: { origin: 'null', 'access-control-request-method': 'POST' },
      });
      assert.equal(preNull.status, 403);
      assert.equal(preNull.headers['access-control-allow-origin'], undefined);

      for (const p of ['/feed.json', '/api/petitions/open']) {
        const r = await request(s.base, 'GET', p, { headers: { origin: 'https://anyone.example' } });
        assert.equal(r.status, 200);
        assert.equal(r.headers['access-control-allow-origin'], '*');
        assert.equal(r.headers['access-control-allow-credentials'], undefined);
      }
      const csv = await request(s.base, 'GET', '/api/petitions/open/signatures.csv', {
        headers: { ...auth, origin: 'https://ally.example' },
      });
      const del = await request(s.base, 'DELETE', '/api/petitions/open/signatures?email=x@example.org', {
        headers: { ...auth, origin: 'https://ally.example' },
      });
      for (const r of [csv, del]) {
        assert.equal(r.status, 200);
        assert.ok(!Object.keys(r.headers).some((h) => h.startsWith('access-control-')), JSON.stringify(r.headers));
      }
    });

    it('GET /api/petitions/:id and /feed.json carry the published count', async () => {
      const before = (await request(s.base, 'GET', '/api/petitions/open')).json();
      assert.deepEqual(Object.keys(before).sort(), ['closes', 'consent', 'count', 'fields', 'goal', 'id', 'title']);
      // What a widget without the feed needs to ask for what will be required.
      assert.ok(Array.isArray(before.fields));
      assert.ok(before.consent, 'the consent text the server checks against');
      assert.equal(before.goal, 100);
      // Published once a minute (privacy.test.ts): a signature does not show at once.
      await sign(s.base, signature());
      const after = (await request(s.base, 'GET', '/api/petitions/open')).json();
      assert.equal(after.count, before.count);
      const feed = (await request(s.base, 'GET', '/feed.json')).json();
      assert.equal(feed.petitions.find((p: { id: string }) => p.id === 'open').count, after.count);
      assert.equal(feed.petitions.find((p: { id: string }) => p.id === 'closed').count, 0);
    });

    it('export: 401 with WWW-Authenticate without the right token; CSV exactly as specified', async () => {
      for (const headers of <Record<string, string>[]>[
        {},
        { authorization: 'Bearer wrong' },
        { authorization: `Basic ${TOKEN}` },
        { authorization: `Bearer ${TOKEN}x` },
      ]) {
        const r = await request(s.base, 'GET', '/api/petitions/open/signatures.csv', { headers });
        assert.deepEqual([r.status, errorOf(r).code], [401, 'unauthorized']);
        assert.match(String(r.headers['www-authenticate']), /^Bearer/);
      }
      await sign(
        s.base,
        signature({
          email: 'csv@example.org',
          given_name: '@admin',
          family_name: 'O"Brien, Jr.',
          comment: 'line one\nline two',
          country: '-',
          postal_code: '+44',
        }),
      );
      const r = await request(s.base, 'GET', '/api/petitions/open/signatures.csv', { headers: auth });
      assert.match(String(r.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.ok(r.body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'UTF-8 BOM');
      assert.ok(
        r.text.startsWith(
          '\uFEFFsigned_at,given_name,family_name,email,postal_code,country,phone,comment,source,origin,consent_sha256,confirmed_at\r\n',
        ),
      );
      assert.ok(r.text.endsWith('\r\n'));
      assert.ok(!/[^\r]\n/.test(r.text.replace('line one\nline two', '')), 'every line ends in CRLF');
      const line = r.text.split('\r\n').find((l) => l.includes('csv@example.org'))!;
      assert.ok(line.includes(`'@admin,"O""Brien, Jr.",csv@example.org,'+44,'-,,"line one\nline two"`), line);
      assert.equal((await request(s.base, 'GET', '/api/petitions/nope/signatures.csv', { headers: auth })).status, 404);
    });

    it('DELETE …/signatures?email= erases one signer', async () => {
      await sign(s.base, signature({ email: 'erase.me@example.org' }));
      const count = await s.store.count('open');
      const unauth = await request(s.base, 'DELETE', '/api/petitions/open/signatures?email=erase.me@example.org');
      assert.equal(unauth.status, 401);
      const r = await request(s.base, 'DELETE', '/api/petitions/open/signatures?email=%20Erase.Me@EXAMPLE.org', {
        headers: auth,
      });
      assert.deepEqual([r.status, r.json()], [200, { erased: 1 }]);
      assert.equal(await s.store.count('open'), count - 1);
      assert.ok(!(await exportCsv(s)).some((row) => row[3] === 'erase.me@example.org'));
      assert.ok(!(await s.dump()).includes('erase.me@example.org'));
      const missing = await request(s.base, 'DELETE', '/api/petitions/open/signatures', { headers: auth });
      assert.deepEqual([missing.status, errorOf(missing).field], [400, 'email']);
    });

    it('/healthz answers 200 when the database does', async () => {
      const r = await request(s.base, 'GET', '/healthz');
      assert.equal(r.status, 200);
    });

    it('re-reads the feed file when it changes', async () => {
      const feed = JSON.parse(fs.readFileSync(s.feedFile, 'utf8'));
      feed.petitions.push({ id: 'brand-new', title: 'Added later', fields: ['email'] });
      const tmp = `${s.feedFile}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify(feed));
      fs.renameSync(tmp, s.feedFile); // how deploy tools replace files
      let r: Res | undefined;
      for (let i = 0; i < 50 && r?.status !== 200; i++) {
        await new Promise((ok) => setTimeout(ok, 100));
        r = await request(s.base, 'GET', '/api/petitions/brand-new');
      }
      assert.equal(r!.status, 200);
      // A broken edit keeps the last good feed.
      fs.writeFileSync(s.feedFile, '{ not json');
      await new Promise((ok) => setTimeout(ok, 300));
      assert.equal((await request(s.base, 'GET', '/api/petitions/brand-new')).status, 200);
    });
  });

  describe(`api settings: ${backend.name}`, { skip: backend.skip }, () => {
    it('rate limit: 429 rate_limited with Retry-After past N per minute per address', async () => {
      const s = await startServer(backend, { rateLimit: 3 });
      try {
        for (let i = 0; i < 3; i++) assert.equal((await sign(s.base, signature())).status, 201);
        const r = await sign(s.base, signature());
        assert.deepEqual([r.status, errorOf(r).code], [429, 'rate_limited']);
        const wait = Number(r.headers['retry-after']);
        assert.ok(wait >= 1 && wait <= 60, String(wait));
        // Without --trust-proxy, X-Forwarded-For is ignored.
        assert.equal((await sign(s.base, signature(), { 'x-forwarded-for': '198.51.100.7' })).status, 429);
      } finally {
        await s.close();
      }
    });

    it('--trust-proxy counts per X-Forwarded-For address, which is never stored', async () => {
      const s = await startServer(backend, { rateLimit: 2, trustProxy: true });
      try {
        const from = (ip: string) => sign(s.base, signature(), { 'x-forwarded-for': ip });
        assert.equal((await from('203.0.113.77')).status, 201);
        assert.equal((await from('203.0.113.77')).status, 201);
        assert.equal((await from('203.0.113.77')).status, 429);
        assert.equal((await from('203.0.113.88')).status, 201);
        assert.equal((await from('10.9.9.9, 203.0.113.99')).status, 201, 'the nearest hop counts');
        // IPv6 counts per /64: a client cannot dodge the limit by changing its interface id.
        assert.equal((await from('2001:db8:1:2::1')).status, 201);
        assert.equal((await from('2001:db8:1:2::2')).status, 201);
        assert.equal((await from('2001:db8:1:2::3')).status, 429);
        assert.equal((await from('2001:db8:1:3::1')).status, 201);
        const dump = await s.dump();
        assert.ok(!/203\.0\.113\.|127\.0\.0\.1|2001:db8/.test(dump));
      } finally {
        await s.close();
      }
    });

    it('export and erase answer 404 when the token is unset or shorter than 32 characters', async () => {
      for (const adminToken of [undefined, 'short-token']) {
        const s = await startServer(backend, { adminToken });
        try {
          const h = { authorization: `Bearer ${adminToken ?? TOKEN}` };
          assert.equal(
            (await request(s.base, 'GET', '/api/petitions/open/signatures.csv', { headers: h })).status,
            404,
          );
          assert.equal(
            (await request(s.base, 'DELETE', '/api/petitions/open/signatures?email=a@b.org', { headers: h })).status,
            404,
          );
        } finally {
          await s.close();
        }
      }
    });

    it('--retain-days deletes signatures older than N days at start', async () => {
      const at = (daysAgo: number, email: string) =>
        storedSignature({ email, signed_at: new Date(Date.now() - daysAgo * 86400_000).toISOString() });
      const s = await startServer(backend, {
        retainDays: 30,
        seed: async (store) => {
          await store.sign(at(40, 'old@example.org'), 'open', null, new Date());
          await store.sign(at(1, 'recent@example.org'), 'open', null, new Date());
        },
      });
      try {
        assert.equal(await s.store.count('open'), 1);
        assert.deepEqual(
          (await exportCsv(s)).slice(1).map((r) => r[3]),
          ['recent@example.org'],
        );
      } finally {
        await s.close();
      }
    });

    it('serves dist/ with CORS and cache headers, and the demo page', async () => {
      const dist = tempDir();
      fs.mkdirSync(path.join(dist, 'chunks'));
      fs.mkdirSync(path.join(dist, 'docs'));
      fs.writeFileSync(path.join(dist, 'solidarity-widgets.js'), 'export {};');
      fs.writeFileSync(path.join(dist, 'chunks', 'map-abc123.js'), 'export {};');
      fs.writeFileSync(path.join(dist, 'docs', 'index.html'), '<title>docs</title>');
      const demo = path.join(dist, 'demo.html');
      fs.writeFileSync(demo, '<title>demo</title>');
      const s = await startServer(backend, { distDir: dist, demoFile: demo });
      try {
        const entry = await request(s.base, 'GET', '/solidarity-widgets.js');
        assert.equal(entry.status, 200);
        assert.equal(entry.headers['access-control-allow-origin'], '*');
        assert.match(String(entry.headers['content-type']), /javascript/);
        assert.match(String(entry.headers['cache-control']), /max-age=\d{1,4}\b/);
        const chunk = await request(s.base, 'GET', '/chunks/map-abc123.js');
        assert.match(String(chunk.headers['cache-control']), /immutable/);
        assert.equal(chunk.headers['access-control-allow-origin'], '*');
        assert.equal((await request(s.base, 'GET', '/docs/')).text, '<title>docs</title>');
        assert.equal((await request(s.base, 'GET', '/docs')).status, 301);
        assert.equal((await request(s.base, 'GET', '/')).text, '<title>demo</title>');
        for (const p of ['/../package.json', '/%2e%2e/package.json', '/chunks/../../etc/passwd', '/nothing.js']) {
          assert.equal((await request(s.base, 'GET', p)).status, 404, p);
        }
      } finally {
        await s.close();
        fs.rmSync(dist, { recursive: true, force: true });
      }
    });
  });
}
