// A feed nested absurdly deep (issue 15.11): refused by `check`, at start and on reload, with its
// JSON path; /feed.json keeps serving the last good feed instead of failing with a 500.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildApp } from '../app.js';
import { FeedSource } from '../feed.js';
import { feedDepthProblem, MAX_FEED_DEPTH } from '../feed-depth.js';
import { backends, FIXTURE_FEED, refusedOrServed, request, runCli, tempDir } from './helpers.js';

/** JSON text of an object `levels` deep: { a: { a: … {} } } (JSON.stringify itself would overflow). */
const nestedText = (levels: number) => '{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1);
const nested = (levels: number) => JSON.parse(nestedText(levels));

/** The fixture feed with an unknown key holding `levels` levels of nesting. */
function deepFeed(levels: number, extraPetition?: string): string {
  const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
  if (extraPetition) feed.petitions.push({ id: extraPetition, title: 'Deep', fields: ['email'] });
  return JSON.stringify(feed).replace(/}$/, `,"extra":${nestedText(levels)}}`);
}

const expectedPath = `$.extra${'.a'.repeat(MAX_FEED_DEPTH - 1)}`;

describe('feed depth', () => {
  it('finds the first object nested past the limit, iteratively, with its JSON path', () => {
    assert.equal(feedDepthProblem(nested(MAX_FEED_DEPTH)), null);
    assert.equal(feedDepthProblem({ list: [[1, 2], { x: [null, 'a'] }] }), null);
    assert.deepEqual(feedDepthProblem(nested(MAX_FEED_DEPTH + 1))?.path, `$${'.a'.repeat(MAX_FEED_DEPTH)}`);
    const deep = feedDepthProblem({ ok: [], 'odd key': [[nested(200)]] }, 4);
    assert.equal(deep?.path, '$["odd key"][0][0].a');
    assert.match(deep!.message, /nested 5 levels deep.*at most 4/);
    assert.equal(feedDepthProblem(nested(100_000))?.path, `$${'.a'.repeat(MAX_FEED_DEPTH)}`);
  });

  it('check FEED refuses it with the path and exits 1', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'deep.json');
    fs.writeFileSync(file, deepFeed(8000));
    const cli = runCli(['check', file]);
    assert.equal(await cli.exited, 1, cli.output());
    assert.ok(cli.output().includes(`${file}: ${expectedPath}: is nested 65 levels deep`), cli.output());
  });

  it('serve refuses it at start, naming the path', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'deep.json');
    fs.writeFileSync(file, deepFeed(8000));
    const { code, out } = await refusedOrServed(
      runCli(['serve', '--feed', file, '--db', path.join(dir, 'db'), '--host', '127.0.0.1', '--port', '0']),
    );
    assert.equal(code, 1, out);
    assert.match(out, /is not a usable feed/);
    assert.ok(out.includes(`${expectedPath}: is nested 65 levels deep`), out);
  });

  it('a reload to such a feed is refused: /feed.json keeps serving the last good feed', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'feed.json');
    fs.copyFileSync(FIXTURE_FEED, file);
    const logged: string[] = [];
    const feed = new FeedSource(file, (m) => logged.push(m));
    const db = await backends[0].open();
    const app = buildApp({ feed, store: db.store, rateLimit: 0, log: () => {} });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    try {
      fs.writeFileSync(`${file}.tmp`, deepFeed(8000, 'deep-added'));
      fs.renameSync(`${file}.tmp`, file);
      // The feed is re-read on the first request after the file changes: wait until it was.
      for (let i = 0; i < 100 && !logged.some((m) => m.includes('feed change ignored')); i++) {
        assert.equal((await request(base, 'GET', '/feed.json')).status, 200);
        await new Promise((ok) => setTimeout(ok, 50));
      }
      const ignored = logged.find((m) => m.includes('feed change ignored'));
      assert.ok(ignored?.includes(`${expectedPath}: is nested 65 levels deep`), logged.join('\n'));
      const r = await request(base, 'GET', '/feed.json');
      assert.equal(r.status, 200);
      assert.equal(r.json().extra, undefined, 'the previous feed');
      assert.equal((await request(base, 'GET', '/api/petitions/deep-added')).status, 404);
    } finally {
      await app.close();
      feed.close();
      await db.cleanup();
    }
  });
});
