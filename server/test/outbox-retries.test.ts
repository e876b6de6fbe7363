// Issue 20: the dispatcher's limits. A receiver that never answers is cut off after the timeout and
// retried with the same id, with no more attempts open at once than allowed; an event still
// failing when its 3 days are up is marked failed, and `outbox retry` sends it again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs } from '../outbox/dispatcher.js';
import { OutboxEvents } from '../outbox/events.js';
import { backends, sign, signature, startServer, storedSignature } from './helpers.js';
import { deliveredIds, eventually, SECRET, startReceiver } from './receiver.js';

it('backoff doubles from the base, stays in the upper half of each step, and is capped', () => {
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => backoffMs(n, 1000, 60_000, () => 0)),
    [500, 1000, 2000, 4000],
  );
  assert.deepEqual(
    [1, 2, 3, 4].map((n) => backoffMs(n, 1000, 60_000, () => 0.999999)),
    [1000, 2000, 4000, 8000],
  );
  assert.equal(
    backoffMs(40, 1000, 60_000, () => 1),
    60_000,
  );
});

for (const backend of backends) {
  describe(`outbox retries: ${backend.name}`, { skip: backend.skip }, () => {
    it('a receiver that never answers: cut off at the timeout, retried with the same id, bounded in flight', async () => {
      const receiver = await startReceiver(() => null);
      const logs: string[] = [];
      const server = await startServer(backend, {
        outbox: {
          webhooks: [receiver.url],
          webhookSecret: SECRET,
          dispatch: { timeoutMs: 300, maxInFlight: 2, retryBaseMs: 10, maxDelayMs: 20, pollMs: 20 },
        },
        log: (m) => logs.push(m),
      });
      try {
        for (let i = 0; i < 5; i++) assert.equal((await sign(server.base, signature())).status, 201);
        const ids = (all: typeof receiver.received) => new Set(all.map((r) => r.headers['webhook-id']));
        await receiver.until((all) => ids(all).size === 5 && all.length >= 7, 'every event tried, some twice');
        assert.ok(receiver.maxOpen <= 2, `at most 2 attempts open at once, saw ${receiver.maxOpen}`);
        const repeated = [...ids(receiver.received)].filter(
          (id) => receiver.received.filter((r) => r.headers['webhook-id'] === id).length > 1,
        );
        assert.ok(repeated.length > 0, 'a retry carries the same id');
        await eventually(async () => logs.some((l) => l.includes('no answer within 0.3 s')), 'the failure logged');
        assert.equal(logs.filter((l) => l.includes('is failing')).length, 1, 'logged once, not per attempt');

        receiver.answer = () => 200;
        await receiver.until((all) => deliveredIds(all).size === 5, 'all 5 delivered once it answers');
        await eventually(async () => logs.some((l) => l.includes('receiving events again')), 'the recovery logged');
      } finally {
        await server.close();
        await receiver.close();
      }
    });

    it('an event still failing after its 3 days is marked failed; outbox retry sends it again', async () => {
      const receiver = await startReceiver(() => 503);
      const logs: string[] = [];
      const server = await startServer(backend, {
        outbox: { webhooks: [receiver.url], webhookSecret: SECRET, dispatch: { retryBaseMs: 10, pollMs: 20 } },
        log: (m) => logs.push(m),
      });
      try {
        // An event written 3 days ago, through the store as the signing route writes it.
        const then = new Date(Date.now() - 3 * 24 * 3600_000 - 1000);
        const sig = storedSignature({ email: 'old@example.org', given_name: 'Old', signed_at: then.toISOString() });
        const events = new OutboxEvents({ webhooks: [receiver.url], actionNetwork: false }).created(
          sig,
          { id: 'open', title: 'Open' },
          then,
        );
        await server.store.sign(sig, 'open', null, then, events);
        await eventually(
          async () => (await server.store.outbox.list()).some((e) => e.state === 'failed'),
          'the event marked failed',
        );
        const [failed] = await server.store.outbox.list();
        assert.deepEqual([failed.state, failed.attempts, failed.last_error], ['failed', 1, 'HTTP 503: {"error":"no"}']);
        assert.ok(
          logs.some((l) => /still fails after 3 days .* outbox retry/.test(l)),
          logs.join('\n'),
        );

        receiver.answer = () => 200;
        assert.equal(await server.store.outbox.retry(new Date()), 1);
        await receiver.until((all) => deliveredIds(all).size === 1, 'the failed event delivered after retry');
        await eventually(async () => (await server.store.outbox.list()).length === 0, 'an empty outbox');
      } finally {
        await server.close();
        await receiver.close();
      }
    });
  });
}
