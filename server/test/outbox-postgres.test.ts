// Issue 20: two servers on one Postgres deliver every event, and no event twice as 2xx to the
// same receiver: each takes its events with FOR UPDATE SKIP LOCKED and a lease.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { buildApp } from '../app.js';
import { FeedSource } from '../feed.js';
import { PostgresStore } from '../storage/postgres.js';
import { backends, FIXTURE_FEED, sign, signature, tempDir } from './helpers.js';
import { deliveredIds, eventually, SECRET, startReceiver } from './receiver.js';

const postgres = backends.find((b) => b.name === 'postgres')!;

it('two servers on one Postgres: every event delivered, none twice as 2xx', { skip: postgres.skip }, async () => {
  // Answers after a pause, and fails a third of the first attempts, so both servers retry and
  // their polls overlap while events are in flight.
  let n = 0;
  const receiver = await startReceiver(async (req, all) => {
    await new Promise((ok) => setTimeout(ok, n++ % 7));
    const tries = all.filter((r) => r.headers['webhook-id'] === req.headers['webhook-id']).length;
    return tries === 0 && n % 3 === 0 ? 503 : 200;
  });
  const db = await postgres.open();
  const schema = String((await db.query('SELECT current_schema() AS s'))[0].s);
  const second = new PostgresStore(process.env.TEST_DATABASE_URL!, { schema });
  const dir = tempDir();
  const feedFile = path.join(dir, 'feed.json');
  fs.copyFileSync(FIXTURE_FEED, feedFile);
  const feed = new FeedSource(feedFile, () => {});
  const apps = [db.store, second].map((store) =>
    buildApp({
      feed,
      store,
      rateLimit: 0,
      distDir: null,
      log: () => {},
      outbox: {
        webhooks: [receiver.url],
        webhookSecret: SECRET,
        dispatch: { retryBaseMs: 10, maxDelayMs: 50, pollMs: 10 },
      },
    }),
  );
  try {
    const bases: string[] = [];
    for (const app of apps) {
      await app.listen({ host: '127.0.0.1', port: 0 });
      bases.push(`http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
    }
    const total = 60;
    await Promise.all(
      Array.from({ length: total }, async (_, i) => assert.equal((await sign(bases[i % 2], signature())).status, 201)),
    );
    await receiver.until((all) => deliveredIds(all).size === total, `${total} delivered events`, 60_000);
    const twice = [...deliveredIds(receiver.received)].filter(([, times]) => times > 1);
    assert.deepEqual(twice, [], 'no event answered 2xx twice');
    await eventually(async () => (await second.outbox.list()).length === 0, 'an empty outbox');
  } finally {
    for (const app of apps) await app.close();
    await second.close();
    feed.close();
    await db.cleanup();
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
