// Ten thousand malformed requests to the action routes (signatures, RSVPs, joins), rate limiting
// off: no 5xx, and the server keeps serving.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { eventsFeed, joinUs, rsvp } from './action-helpers.js';
import { backends, CONSENT_EN, request, sign, signature, startServer, type TestServer } from './helpers.js';

const TOTAL = 10_000;
const CONCURRENCY = 48;

/** A small seeded generator, so a failing case can be replayed. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}

const ODD = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff',
  '\ufeff',
  '\u202e',
  '\u200b',
  'Z\u0351\u0352\u0353',
  '🏳️‍⚧️',
  '𝕳',
  '\r\n',
  "'; DROP TABLE signatures; --",
  "' OR '1'='1",
  '"); DELETE FROM petition_counts; --',
  '=HYPERLINK("http://x")',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  'null',
  'undefined',
  '__proto__',
  'a@b',
  '@',
  'x@[::1]',
  'ü@ü.ü',
  'a@xn--',
  'a@-.example',
  `${'a'.repeat(70)}@example.org`,
];
const FIELDS = [
  'given_name',
  'family_name',
  'email',
  'postal_code',
  'country',
  'phone',
  'comment',
  'source',
  'website',
  'consent',
  'chapter',
  'lang',
];

/** Where a request goes: a petition's signatures, an event's RSVPs (by id), or the join form. */
const ROUTES = [
  (id: string) => `/api/petitions/${id}/signatures`,
  (id: string) => `/api/events/${id}/rsvps`,
  () => '/api/join',
] as const;
const GOOD_IDS = ['open', 'meeting', 'small', 'race', 'past', 'no-rsvp', 'closed'];

function malformed(next: () => number): { path: string; headers: Record<string, string>; body: string | Buffer } {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const json = { 'content-type': 'application/json' };
  const value = (): unknown =>
    pick([
      () => pick(ODD),
      () => pick(ODD).repeat(1 + Math.floor(next() * 2000)),
      () => Math.floor(next() * 1e9) - 5e8,
      () => [pick(ODD)],
      () => ({ [pick(ODD)]: pick(ODD) }),
      () => null,
      () => next() < 0.5,
      () => 1e308 * 10,
    ])();
  const kind = Math.floor(next() * 8);
  const route = pick(ROUTES);
  let body: string | Buffer;
  let headers: Record<string, string> = json;
  let petition = pick(GOOD_IDS);
  const base: Record<string, unknown> = signature({
    email: pick(ODD) + '@' + pick(['example.org', 'ex ample.org', '']),
  });
  switch (kind) {
    case 0: // broken JSON
      body = JSON.stringify(base).slice(0, Math.floor(next() * 60));
      break;
    case 1: // random bytes
      body = Buffer.from(Array.from({ length: Math.floor(next() * 300) }, () => Math.floor(next() * 256)));
      break;
    case 2: // wrong types and odd strings
      for (const f of FIELDS) if (next() < 0.4) base[f] = value();
      if (next() < 0.3) base.consent = { granted: value(), text: value() };
      body = JSON.stringify(base);
      break;
    case 3: // missing fields
      for (const f of FIELDS) if (next() < 0.5) delete base[f];
      body = JSON.stringify(base);
      break;
    case 4: // wrong content types
      headers = {
        'content-type': pick([
          'text/plain',
          'application/xml',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          'application/jsonx',
          '',
        ]),
      };
      body = JSON.stringify(base);
      break;
    case 5: // too large, or nearly
      body = JSON.stringify({ ...base, comment: 'ꙮ'.repeat(3000 + Math.floor(next() * 5000)) });
      break;
    case 6: // odd petitions and events, odd chapters, and idempotency keys
      try {
        petition = encodeURIComponent(pick(ODD.filter(Boolean)));
      } catch {
        petition = '%ED%A0%80%'; // a lone surrogate has no UTF-8: send broken escapes instead
      }
      headers = { ...json, 'idempotency-key': pick(['', ' ', 'k'.repeat(300), 'ok-key', "'; --"]) };
      body = JSON.stringify({ ...base, chapter: pick([...ODD, 'chicago', 'toronto']) });
      break;
    default: // valid JSON that is not an object, or deep nesting
      body = pick([
        '[]',
        '"x"',
        '1',
        'true',
        'null',
        '{"consent":'.repeat(500) + '1' + '}'.repeat(500),
        '{"__proto__":{"x":1}}',
      ]);
  }
  return { path: route(petition), headers, body };
}

let s: TestServer;
before(async () => (s = await startServer(backends[0], { rateLimit: 0, feedJson: eventsFeed() })));
after(async () => s?.close());

it(`${TOTAL} malformed requests give no 5xx and the server keeps serving`, async () => {
  const next = rng(20260522);
  const statuses = new Map<number, number>();
  let i = 0;
  const worker = async () => {
    while (i < TOTAL) {
      const req = malformed(next);
      i++;
      const r = await request(s.base, 'POST', req.path, { headers: req.headers, body: req.body });
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      assert.ok(
        r.status < 500,
        `${r.status} for ${req.path} ${JSON.stringify(req.headers)} ${String(req.body).slice(0, 200)}: ${r.text}`,
      );
      if (r.status !== 201) assert.equal(typeof r.json().error?.code, 'string', `${r.status} ${r.text}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  assert.equal(
    [...statuses.values()].reduce((a, b) => a + b),
    TOTAL,
  );
  // Still serving, and nothing was dropped by an injected statement.
  const ok = await sign(
    s.base,
    signature({ email: 'after.fuzz@example.org', consent: { granted: true, text: CONSENT_EN } }),
  );
  assert.equal(ok.status, 201, ok.text);
  assert.equal((await request(s.base, 'GET', '/healthz')).status, 200);
  assert.equal((await request(s.base, 'GET', '/api/petitions/open')).json().count, ok.json().count);
  const seat = await rsvp(s.base, 'meeting', signature({ email: 'after.fuzz@example.org' }));
  assert.equal(seat.status, 201, seat.text);
  const live = (await request(s.base, 'GET', '/api/events/meeting')).json();
  assert.deepEqual([live.going, live.waitlisted], [seat.json().going, seat.json().waitlisted]);
  const consent = { granted: true, text: 'Welcome me as a member.' };
  const joined = await joinUs(s.base, signature({ email: 'after.fuzz@example.org', postal_code: '60614', consent }));
  assert.deepEqual([joined.status, joined.json().chapter], [201, 'chicago-north']);
  for (const status of [400, 404, 410, 415]) assert.ok(statuses.get(status), `some requests got ${status}`);
});
