// Issue 15, point 1: the server does not tell whether an address has signed. A repeat is
// answered like a new signer (same status, headers and body; storage.test.ts shows it commits
// a write too), and the counts anyone can read are published at intervals, so a single probe
// does not show in them at once.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  backends,
  FIXTURE_FEED,
  request,
  runCli,
  serveCli,
  sign,
  signature,
  startServer,
  tempDir,
  type Res,
  type TestServer,
} from './helpers.js';

/** Everything a prober sees of an answer, but its Date. */
const seen = (r: Res) => {
  const { date, ...headers } = r.headers;
  return { status: r.status, headers, body: r.text };
};

const openCount = (petitions: { id: string; count: number }[]) => petitions.find((p) => p.id === 'open')!.count;

const publicCounts = async (s: Pick<TestServer, 'base'>) => ({
  api: (await request(s.base, 'GET', '/api/petitions/open')).json().count,
  feed: openCount((await request(s.base, 'GET', '/feed.json')).json().petitions),
});

for (const backend of backends) {
  describe(`privacy: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend)));
    after(async () => s?.close());

    it('a repeat signature gets the very answer a new signer gets', async () => {
      const target = signature({ email: 'target@example.org' });
      assert.equal((await sign(s.base, target)).status, 201);
      // A prober's sequence: a fresh address of their own, the target, another fresh address.
      const answers = [
        await sign(s.base, signature()),
        await sign(s.base, { ...target, given_name: 'Probe' }),
        await sign(s.base, signature()),
        await sign(s.base, { ...target, given_name: 'Probe' }, { 'idempotency-key': 'probe-1' }),
        await sign(s.base, signature(), { 'idempotency-key': 'probe-2' }),
      ];
      assert.equal(answers[0].status, 201);
      for (const a of answers.slice(1)) assert.deepEqual(seen(a), seen(answers[0]));
      assert.equal(await s.store.count('open'), 4, 'the new signers were stored, the repeats not');
    });

    it('one probe does not show in the counts anyone can read', async () => {
      const before = await publicCounts(s);
      assert.equal((await sign(s.base, signature())).status, 201);
      assert.deepEqual(await publicCounts(s), before);
    });
  });

  describe(`privacy, count publication: ${backend.name}`, { skip: backend.skip }, () => {
    it('counts are published after the interval: in the API, the feed and the next answer', async () => {
      const s = await startServer(backend, { publishCountsMs: 50 });
      try {
        assert.deepEqual(await publicCounts(s), { api: 0, feed: 0 });
        await sign(s.base, signature());
        await sign(s.base, signature());
        let counts = await publicCounts(s);
        for (const deadline = Date.now() + 20_000; counts.api !== 2 && Date.now() < deadline;) {
          await new Promise((ok) => setTimeout(ok, 25));
          counts = await publicCounts(s);
        }
        assert.equal(counts.api, 2);
        const feed = (await publicCounts(s)).feed;
        const answer = (await sign(s.base, signature())).json().count;
        assert.ok(feed >= 2 && answer >= 2, `feed ${feed}, answer ${answer}`);
      } finally {
        await s.close();
      }
    });
  });
}

describe('privacy: the CLI', () => {
  it('publishes counts every minute by default; --publish-counts 0 is live and says what it costs', async () => {
    const dir = tempDir();
    try {
      for (const [flag, moves] of [
        [[], false],
        [['--publish-counts', '0'], true],
      ] as const) {
        const db = path.join(dir, `${moves}.db`);
        const cli = await serveCli(['--feed', FIXTURE_FEED, '--db', db, '--rate-limit', '0', ...flag]);
        try {
          const before = await publicCounts(cli);
          const answer = await sign(cli.base, signature());
          assert.equal(answer.json().count, before.api + (moves ? 1 : 0));
          assert.deepEqual(await publicCounts(cli), moves ? { api: 1, feed: 1 } : before);
          assert.equal(/live counts tell anyone/.test(cli.output()), moves);
        } finally {
          cli.proc.kill('SIGTERM');
          await cli.exited;
        }
      }
      const bad = runCli(['serve', '--feed', FIXTURE_FEED, '--db', path.join(dir, 'x.db'), '--publish-counts', 'soon']);
      assert.equal(await bad.exited, 2);
      assert.match(bad.output(), /--publish-counts must be a whole number/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
