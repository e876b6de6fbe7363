// /healthz says whether a signature can be stored now (issue 15.12), against the real server and
// a database made unwritable from outside: writes refused (as on a full disk), or waiting on a lock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backends, request, sign, signature, startServer, type Res, type TestServer } from './helpers.js';

/** Polls /healthz until it answers `status` (results are kept for a moment, so it may take a few polls). */
async function healthUntil(s: TestServer, status: number): Promise<Res> {
  let r = await request(s.base, 'GET', '/healthz');
  for (let i = 0; i < 100 && r.status !== status; i++) {
    await new Promise((ok) => setTimeout(ok, 100));
    r = await request(s.base, 'GET', '/healthz');
  }
  return r;
}

for (const backend of backends) {
  describe(`health: ${backend.name}`, { skip: backend.skip }, () => {
    it('503 cannot_store with the reason while every write fails, 200 again once writes work', async () => {
      const s = await startServer(backend);
      try {
        const ok = await request(s.base, 'GET', '/healthz');
        assert.deepEqual([ok.status, ok.json()], [200, { status: 'ok', database: backend.name }]);
        const allow = await s.refuseWrites();
        const failing = await healthUntil(s, 503);
        assert.equal(failing.status, 503, failing.text);
        assert.equal(failing.json().error.code, 'cannot_store');
        const { message } = failing.json().error;
        assert.match(message, /Signatures cannot be stored now: a test write failed: .*no space left/);
        assert.equal(failing.headers['cache-control'], 'no-store');
        assert.equal((await sign(s.base, signature())).status, 500, 'signing fails too: the probe tells the truth');
        await allow();
        const back = await healthUntil(s, 200);
        assert.equal(back.status, 200, back.text);
        assert.equal((await sign(s.base, signature())).status, 201);
      } finally {
        await s.close();
      }
    });

    it('503 when a test write does not commit in time (the database is locked)', async () => {
      const s = await startServer(backend);
      try {
        assert.equal((await request(s.base, 'GET', '/healthz')).status, 200);
        const release = await s.holdWriteLock();
        let failing: Res;
        try {
          failing = await healthUntil(s, 503);
        } finally {
          await release();
        }
        assert.equal(failing.status, 503, failing.text);
        assert.equal(failing.json().error.code, 'cannot_store');
        // Postgres waits on the lock (the probe gives up); SQLite may give up first ("database is locked").
        assert.match(failing.json().error.message, /did not commit within \d+ s|database is locked/);
        assert.equal((await healthUntil(s, 200)).status, 200);
      } finally {
        await s.close();
      }
    });
  });
}
