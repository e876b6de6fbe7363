// Issue 20: every signature reaches the organization's tools. Real servers on 127.0.0.1 with a
// real database (SQLite and Postgres) deliver to real local receivers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { backends, FIXTURE_FEED, auth, request, sign, signature, startServer } from './helpers.js';
import { deliveredIds, eventually, SECRET, startReceiver, type Answer } from './receiver.js';
import { sha256 } from '../validate.js';

/** Quick retries, so a test sees several attempts without waiting. */
const dispatch = { retryBaseMs: 20, maxDelayMs: 200, pollMs: 50 };
const allowOrigins = ['https://ally.example'];

const feedWith = (petition: Record<string, unknown>) => {
  const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
  feed.petitions[0] = { ...feed.petitions[0], ...petition };
  return feed;
};

/**
 * Action Network as their docs describe the Record Signature Helper: POST (JSON) to
 * /api/v2/petitions/ID/signatures/ with the key in OSDI-API-Token; 401 without a valid key.
 */
const actionNetworkStandIn =
  (apiKey: string): Answer =>
  (req) => {
    if (req.headers['osdi-api-token'] !== apiKey) return 401;
    if (req.method !== 'POST' || !/^\/api\/v2\/petitions\/[^/]+\/signatures\/$/.test(req.url)) return 404;
    if (req.headers['content-type'] !== 'application/json') return 400;
    return 200;
  };

for (const backend of backends) {
  describe(`outbox: ${backend.name}`, { skip: backend.skip }, () => {
    it('retries through 500s until 200: every event arrives once as 2xx, same id, verifiable', async () => {
      // Each event's first two attempts get 500.
      const receiver = await startReceiver((req, all) => {
        const id = req.headers['webhook-id'];
        return all.filter((r) => r.headers['webhook-id'] === id).length < 2 ? 500 : 200;
      });
      const logs: string[] = [];
      const server = await startServer(backend, {
        allowOrigins,
        outbox: { webhooks: [receiver.url], webhookSecret: SECRET, dispatch },
        log: (m) => logs.push(m),
      });
      try {
        const signers = Array.from({ length: 5 }, (_, i) => signature({ source: `src-${i}` }));
        for (const s of signers)
          assert.equal((await sign(server.base, s, { origin: 'https://ally.example' })).status, 201);
        // A repeat signer is not a new signature, so no new event.
        assert.equal((await sign(server.base, signers[0])).status, 201);
        await receiver.until((all) => deliveredIds(all).size === 5, '5 delivered events');

        const delivered = deliveredIds(receiver.received);
        assert.deepEqual([...delivered.values()], [1, 1, 1, 1, 1], 'each id answered 2xx exactly once');
        const verifier = new Webhook(SECRET);
        const emails = new Set<string>();
        for (const r of receiver.received) {
          assert.equal(r.method, 'POST');
          const body = verifier.verify(r.body, r.headers as Record<string, string>) as {
            type: string;
            timestamp: string;
            data: Record<string, unknown>;
          };
          assert.equal(body.type, 'signature.created');
          assert.equal(body.data.petition, 'open');
          assert.equal(body.data.origin, 'https://ally.example');
          assert.match(String(body.data.consent_sha256), /^[0-9a-f]{64}$/);
          emails.add(String(body.data.email));
        }
        assert.deepEqual([...emails].sort(), signers.map((s) => s.email).sort());
        for (const id of delivered.keys()) {
          const attempts = receiver.received.filter((r) => r.headers['webhook-id'] === id);
          assert.deepEqual(
            attempts.map((r) => r.status),
            [500, 500, 200],
            'the same id on every attempt',
          );
          assert.equal(new Set(attempts.map((r) => r.body)).size, 1, 'the same body on every attempt');
        }
        // Failures were said once when the endpoint began failing, not per attempt.
        assert.equal(logs.filter((l) => l.includes('is failing')).length >= 1, true);
        assert.ok(
          logs.filter((l) => l.includes('is failing')).length <= logs.filter((l) => l.includes('again')).length + 1,
        );
        // The 2xx is recorded just after the receiver answered it.
        await eventually(async () => (await server.store.outbox.list()).length === 0, 'an empty outbox');
      } finally {
        await server.close();
        await receiver.close();
      }
    });

    it('a 410 receiver is stopped and says so; its events wait for "outbox retry"', async () => {
      let goneStatus = 410;
      const gone = await startReceiver(() => goneStatus);
      const fine = await startReceiver(() => 200);
      const logs: string[] = [];
      const server = await startServer(backend, {
        outbox: { webhooks: [gone.url, fine.url], webhookSecret: SECRET, dispatch },
        log: (m) => logs.push(m),
      });
      try {
        assert.equal((await sign(server.base, signature())).status, 201);
        await gone.until((all) => all.length === 1, 'the 410');
        await fine.until((all) => all.length === 1, 'the first event at the working receiver');
        await eventually(async () => (await server.store.outbox.stopped()).size > 0, 'the stop recorded');
        const stopped = await server.store.outbox.stopped();
        assert.deepEqual([...stopped.keys()], [`webhook:${gone.url}`]);
        await eventually(async () => logs.some((l) => l.includes('410')), 'the stop in the log');
        assert.equal(logs.filter((l) => l.includes('410')).length, 1, logs.join('\n'));
        assert.match(
          logs.find((l) => l.includes('410'))!,
          /stopped.*outbox retry/,
        );

        assert.equal((await sign(server.base, signature())).status, 201);
        await fine.until((all) => all.length === 2, 'the second event at the working receiver');
        // Both destinations' rows of the second event were due in the same look-up; only one was sent.
        assert.equal(gone.received.length, 1, 'nothing more went to the stopped endpoint');
        await eventually(async () => (await server.store.outbox.list()).length === 2, 'the delivered event recorded');
        const waiting = await server.store.outbox.list();
        assert.deepEqual(
          waiting.map((e) => [e.destination, e.state]),
          [
            [`webhook:${gone.url}`, 'pending'],
            [`webhook:${gone.url}`, 'pending'],
          ],
        );

        goneStatus = 200;
        assert.equal(await server.store.outbox.retry(new Date()), 2);
        await gone.until((all) => deliveredIds(all).size === 2, 'both events after retry');
      } finally {
        await server.close();
        await gone.close();
        await fine.close();
      }
    });

    it('an erasure sends signature.erased with only a hash of the address', async () => {
      const receiver = await startReceiver(() => 200);
      const server = await startServer(backend, {
        outbox: { webhooks: [receiver.url], webhookSecret: SECRET, dispatch },
      });
      try {
        const s = signature();
        assert.equal((await sign(server.base, s)).status, 201);
        await receiver.until((all) => all.length === 1, 'signature.created');
        const email = String(s.email);
        const r = await request(server.base, 'DELETE', `/api/petitions/open/signatures?email=${email}`, {
          headers: auth,
        });
        assert.deepEqual(r.json(), { erased: 1 });
        await receiver.until((all) => all.length === 2, 'signature.erased');
        const erased = new Webhook(SECRET).verify(receiver.received[1].body, receiver.received[1].headers as never);
        assert.deepEqual((erased as { type: string; data: unknown }).type, 'signature.erased');
        assert.deepEqual((erased as { data: unknown }).data, { petition: 'open', email_sha256: sha256(email) });
        assert.ok(!receiver.received[1].body.includes(email.split('@')[0]), 'no address in the erasure');
      } finally {
        await server.close();
        await receiver.close();
      }
    });

    it('the Action Network stand-in receives each signature with the token and the person', async () => {
      const apiKey = 'an-key-' + randomBytes(8).toString('hex');
      const an = await startReceiver(actionNetworkStandIn(apiKey));
      const server = await startServer(backend, {
        allowOrigins,
        feedJson: feedWith({ action_network: 'https://actionnetwork.org/api/v2/petitions/abc-123' }),
        outbox: { actionNetwork: { url: new URL(an.url).origin, apiKey }, dispatch },
      });
      try {
        const s = signature({ source: 'newsletter' });
        assert.equal((await sign(server.base, s, { origin: 'https://ally.example' })).status, 201);
        await an.until((all) => all.length === 1, 'the Action Network POST');
        const [r] = an.received;
        assert.equal(r.method, 'POST');
        assert.equal(r.url, '/api/v2/petitions/abc-123/signatures/');
        assert.equal(r.headers['content-type'], 'application/json');
        assert.deepEqual(JSON.parse(r.body), {
          person: {
            given_name: 'Rosa',
            family_name: 'Parks',
            email_addresses: [{ address: s.email }],
            postal_addresses: [{ postal_code: '60601', country: 'US' }],
          },
          add_tags: ['newsletter'],
          'action_network:referrer_data': { source: 'newsletter', website: 'https://ally.example' },
        });
        assert.equal(r.status, 200);
      } finally {
        await server.close();
        await an.close();
      }
    });

    it('a wrong Action Network key is retried, not lost, and logged once', async () => {
      const an = await startReceiver(actionNetworkStandIn('the-right-key'));
      const logs: string[] = [];
      const server = await startServer(backend, {
        feedJson: feedWith({ action_network: 'abc-123' }),
        outbox: { actionNetwork: { url: new URL(an.url).origin, apiKey: 'a-wrong-key' }, dispatch },
        log: (m) => logs.push(m),
      });
      try {
        assert.equal((await sign(server.base, signature())).status, 201);
        await an.until((all) => all.length >= 3, 'three attempts');
        await eventually(async () => logs.length > 0, 'the failure logged');
        assert.deepEqual(logs, [
          'outbox: Action Network petition abc-123 is failing (HTTP 401: {"error":"no"}); ' +
            'its events are retried with backoff for up to 3 days',
        ]);
        const [waiting] = await server.store.outbox.list();
        assert.deepEqual([waiting.state, waiting.last_error], ['pending', 'HTTP 401: {"error":"no"}']);
      } finally {
        await server.close();
        await an.close();
      }
    });
  });
}
