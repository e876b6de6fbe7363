// Proof of work (issue 19): GET /api/challenge, and signature POSTs that must carry a solved,
// fresh, unused challenge in `altcha`. Against the real server and database, both backends.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { Challenges, solves } from '../challenge.js';
import { SqliteStore } from '../storage/sqlite.js';
import { solved } from './altcha-client.js';
import {
  auth,
  backends,
  refusedOrServed,
  request,
  runCli,
  sign,
  signature,
  startServer,
  tempDir,
  FIXTURE_FEED,
} from './helpers.js';
import type { Res, TestServer } from './helpers.js';

const KEY = 'challenge-key-for-tests-0123456789abcdef';
const MINUTE = 60_000;

const encode = (payload: object) => Buffer.from(JSON.stringify(payload)).toString('base64');

/** A payload made without the server, with a known answer: `number` solves it by construction. */
async function made(hmacKey: string, expires: Date): Promise<string> {
  const c = await createChallenge({ hmacKey, number: 42, maxnumber: 100, expires });
  return encode({ algorithm: c.algorithm, challenge: c.challenge, number: 42, salt: c.salt, signature: c.signature });
}

const codeOf = (r: Res) => (r.status === 201 ? 'created' : `${r.status} ${r.json().error.code}`);

async function signatureRows(s: TestServer): Promise<number> {
  return Number((await s.query('SELECT count(*) AS n FROM signatures'))[0].n);
}

for (const backend of backends) {
  describe(`proof of work: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend, { proofOfWork: true, challengeKey: KEY })));
    after(async () => s?.close());

    it('GET /api/challenge gives an ALTCHA v1 challenge that expires within 10 minutes, readable from any page', async () => {
      const r = await request(s.base, 'GET', '/api/challenge', { headers: { origin: 'https://anywhere.example' } });
      assert.equal(r.status, 200);
      assert.equal(r.headers['access-control-allow-origin'], '*');
      assert.match(String(r.headers['cache-control']), /no-store/);
      const c = r.json();
      assert.deepEqual(Object.keys(c).sort(), ['algorithm', 'challenge', 'maxnumber', 'salt', 'signature']);
      assert.equal(c.algorithm, 'SHA-256');
      const expires = Number(new URLSearchParams(c.salt.split('?')[1]).get('expires')) * 1000;
      assert.ok(expires > Date.now() && expires <= Date.now() + 10 * MINUTE + 1000, c.salt);
    });

    it('a client that solves challenges signs; its challenge then cannot sign again', async () => {
      const altcha = await solved(s.base);
      const before = await signatureRows(s);
      const ok = await sign(s.base, signature({ altcha }));
      assert.equal(ok.status, 201, ok.text);
      assert.equal(await signatureRows(s), before + 1);
      const again = await sign(s.base, signature({ altcha }));
      assert.equal(codeOf(again), '400 challenge_invalid');
      assert.match(again.json().error.message, /already used/);
      assert.equal(again.json().error.field, 'altcha');
      assert.equal(await signatureRows(s), before + 1);
    });

    it('one challenge sent by 20 requests at once signs exactly once', async () => {
      const altcha = await solved(s.base);
      const all = await Promise.all(Array.from({ length: 20 }, () => sign(s.base, signature({ altcha }))));
      assert.equal(all.filter((r) => r.status === 201).length, 1);
      assert.ok(all.every((r) => r.status === 201 || codeOf(r) === '400 challenge_invalid'));
    });

    it('1,000 POSTs without, with forged, expired and replayed challenges store nothing', async () => {
      const replayed = await solved(s.base);
      assert.equal((await sign(s.base, signature({ altcha: replayed }))).status, 201);
      const rowsBefore = await signatureRows(s);
      const now = Date.now();
      const kinds: [string, () => Promise<unknown>, string][] = [
        ['missing', async () => undefined, '400 challenge_required'],
        ['empty', async () => '', '400 challenge_required'],
        ['not text', async () => 12345, '400 challenge_invalid'],
        ['not base64', async () => 'this is not base64!', '400 challenge_invalid'],
        ['not JSON', async () => Buffer.from('{nope').toString('base64'), '400 challenge_invalid'],
        [
          'another key',
          () => made('some-other-key-the-attacker-chose-000', new Date(now + 5 * MINUTE)),
          '400 challenge_invalid',
        ],
        ['expired', () => made(KEY, new Date(now - MINUTE)), '400 challenge_invalid'],
        ['too far ahead', () => made(KEY, new Date(now + 60 * MINUTE)), '400 challenge_invalid'],
        ['replayed', async () => replayed, '400 challenge_invalid'],
        [
          'wrong answer',
          async () =>
            encode({
              ...JSON.parse(Buffer.from(await made(KEY, new Date(now + MINUTE)), 'base64').toString()),
              number: 7,
            }),
          '400 challenge_invalid',
        ],
      ];
      const emails: string[] = [];
      for (let batch = 0; batch < 1000; batch += 50) {
        const answers = await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            const [name, altcha, expected] = kinds[(batch + i) % kinds.length];
            const body = signature({ altcha: await altcha() });
            emails.push(body.email as string);
            const r = await sign(s.base, body);
            return [name, codeOf(r), expected];
          }),
        );
        for (const [name, got, expected] of answers) assert.equal(got, expected, name);
      }
      assert.equal(await signatureRows(s), rowsBefore);
      const dump = await s.dump();
      assert.ok(!emails.some((e) => dump.includes(e)), 'no address of a refused POST is stored');
    });

    it('a request with the admin token signs without a challenge (server-side integrations)', async () => {
      const r = await sign(s.base, signature(), auth);
      assert.equal(r.status, 201, r.text);
      const wrong = await sign(s.base, signature(), { authorization: 'Bearer not-the-token-0123456789-abcdefghij' });
      assert.equal(codeOf(wrong), '400 challenge_required');
    });

    it('a mistyped form does not spend the challenge', async () => {
      const altcha = await solved(s.base);
      const bad = await sign(s.base, signature({ altcha, email: 'not-an-address' }));
      assert.equal(codeOf(bad), '400 invalid_field');
      assert.equal((await sign(s.base, signature({ altcha }))).status, 201);
    });
  });

  describe(`proof of work, key kept in the database: ${backend.name}`, { skip: backend.skip }, () => {
    it('without SOLIDARITY_CHALLENGE_KEY a key is made, stored once and used', async () => {
      const s = await startServer(backend, { proofOfWork: true });
      try {
        const keys = await s.query('SELECT value FROM server_secrets');
        assert.equal(keys.length, 1);
        assert.match(String(keys[0].value), /^[0-9a-f]{64}$/);
        assert.equal((await sign(s.base, signature({ altcha: await solved(s.base) }))).status, 201);
        const forged = await sign(s.base, signature({ altcha: await made(KEY, new Date(Date.now() + MINUTE)) }));
        assert.equal(codeOf(forged), '400 challenge_invalid');
      } finally {
        await s.close();
      }
    });
  });
}

describe('proof of work: checking a solution', () => {
  const decoded = (altcha: string) => JSON.parse(Buffer.from(altcha, 'base64').toString());

  it("gives altcha-lib's verdict on solved, forged and altered payloads", async () => {
    const expires = new Date(Date.now() + 5 * MINUTE);
    const good = decoded(await made(KEY, expires));
    const unexpiring = await createChallenge({ hmacKey: KEY, number: 9, maxnumber: 100, salt: 'no-params' });
    const cases = {
      solved: good,
      'salt without its closing &': { ...unexpiring, number: 9 },
      'another key': decoded(await made('some-other-key-the-attacker-chose-000', expires)),
      'wrong number': { ...good, number: 43 },
      'altered salt': { ...good, salt: good.salt.replace('?', '?x=1&') },
      'altered challenge': { ...good, challenge: 'f'.repeat(64) },
      'altered signature': { ...good, signature: '0'.repeat(64) },
    };
    for (const [name, payload] of Object.entries(cases)) {
      assert.equal(solves(payload, KEY), await verifySolution(payload, KEY, false), name);
    }
    assert.equal(solves(good, KEY), true);
    assert.equal(solves(cases['salt without its closing &'], KEY), true);
  });

  it('checks in line, without a WebCrypto call (each one a round trip through the thread pool)', async () => {
    const store = new SqliteStore(path.join(tempDir(), 'check.db'));
    await store.init();
    const challenges = new Challenges(store, KEY);
    await challenges.load();
    const altcha = await made(KEY, new Date(Date.now() + 5 * MINUTE));
    const subtle = globalThis.crypto.subtle;
    const calls: string[] = [];
    const spies = (['digest', 'sign', 'importKey'] as const).map((name) => {
      const original = subtle[name];
      subtle[name] = ((...args: unknown[]) => {
        calls.push(name);
        return (original as (...a: unknown[]) => unknown).apply(subtle, args);
      }) as never;
      return () => (subtle[name] = original as never);
    });
    try {
      const spent = await challenges.check(altcha);
      assert.equal(spent.signature, decoded(altcha).signature);
      await assert.rejects(challenges.check(encode({ ...decoded(altcha), number: 7 })), /not solved/);
    } finally {
      for (const restore of spies) restore();
      await store.close();
    }
    assert.deepEqual(calls, []);
  });
});

describe('proof of work: CLI', () => {
  it('--proof-of-work takes on or off; anything else is a usage error', async () => {
    const { code, out } = await refusedOrServed(runCli(['serve', '--feed', FIXTURE_FEED, '--proof-of-work', 'maybe']));
    assert.equal(code, 2);
    assert.match(out, /--proof-of-work must be "on" or "off", not "maybe"/);
  });

  it('a short SOLIDARITY_CHALLENGE_KEY is refused at start', async () => {
    const cli = runCli(['serve', '--feed', FIXTURE_FEED, '--port', '0'], { SOLIDARITY_CHALLENGE_KEY: 'short' });
    const { code, out } = await refusedOrServed(cli);
    assert.equal(code, 1);
    assert.match(out, /SOLIDARITY_CHALLENGE_KEY is 5 characters long; it must have at least 32/);
  });
});
