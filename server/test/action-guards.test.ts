// RSVPs and joins are guarded as signatures are (action-route.ts), on both databases: proof of
// work when on (one challenge acts once, in the action's own transaction), the signing origins,
// the rate limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { solved } from './altcha-client.js';
import { eventsFeed, joinUs, rsvp } from './action-helpers.js';
import { backends, request, signature, startServer, type Res, type TestServer } from './helpers.js';

const KEY = 'action-guards-test-key-0123456789abcdef';
const consent = { granted: true, text: 'Welcome me as a member.' };
const codeOf = (r: Res) => r.json().error?.code as string;

for (const backend of backends) {
  describe(`action guards: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(backend, {
        feedJson: eventsFeed(),
        proofOfWork: true,
        challengeKey: KEY,
        allowOrigins: ['https://ally.example'],
        rateLimit: 6,
      });
    });
    after(async () => s?.close());

    it('an RSVP and a join need a solved challenge, and each challenge acts once', async () => {
      const none = await rsvp(s.base, 'meeting', signature());
      assert.deepEqual([none.status, codeOf(none)], [400, 'challenge_required']);
      const altcha = await solved(s.base);
      const ok = await rsvp(s.base, 'meeting', signature({ altcha }));
      assert.equal(ok.status, 201, ok.text);
      const replay = await joinUs(s.base, signature({ altcha, consent, postal_code: '60601' }));
      assert.deepEqual([replay.status, codeOf(replay)], [400, 'challenge_invalid']);
      const joined = await joinUs(s.base, signature({ altcha: await solved(s.base), consent, postal_code: '60601' }));
      assert.deepEqual([joined.status, joined.json().chapter], [201, 'chicago']);
      assert.equal((await s.query('SELECT * FROM members')).length, 1);
    });

    it('a site not allowed to sign may not RSVP or join; an allowed one may', async () => {
      const evil = { origin: 'https://evil.example' };
      assert.equal((await rsvp(s.base, 'meeting', signature(), evil)).status, 403);
      assert.equal((await joinUs(s.base, signature({ consent }), evil)).status, 403);
      const pre = await request(s.base, 'OPTIONS', '/api/join', {
        headers: { origin: 'https://ally.example', 'access-control-request-method': 'POST' },
      });
      assert.equal(pre.headers['access-control-allow-origin'], 'https://ally.example');
    });

    it('past the rate limit, 429 with Retry-After', async () => {
      let limited: Res | undefined;
      for (let i = 0; i < 12 && !limited; i++) {
        const r = await rsvp(s.base, 'meeting', signature());
        if (r.status === 429) limited = r;
      }
      assert.ok(limited, 'a 429 within 12 RSVPs at 6 a minute');
      assert.equal(codeOf(limited), 'rate_limited');
      assert.match(limited.json().error.message, /Too many RSVPs from this address/);
      assert.match(String(limited.headers['retry-after']), /^\d+$/);
    });
  });
}
