// Issue 23: with DATABASE_URL every server serves the same feed, and a feed changed on one
// server (its file saved by the console's editor, or a feed saved to the database) is served by
// all within seconds, also by a server started later with an old copy of the file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { FeedError, FeedSource } from '../feed.js';
import { SharedFeed } from '../feed-store.js';
import { saveFeedAtomically } from '../feed-save.js';
import { FIXTURE_FEED, request, tempDir } from './helpers.js';
import { eventually } from './receiver.js';
import { postgres, startServers, type Rig } from './two-servers.js';

const fixture = () => JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
const named = (name: string) => JSON.stringify({ ...fixture(), org: { ...fixture().org, name } });
const orgName = async (base: string) => (await request(base, 'GET', '/feed.json')).json().org.name;
const servedEverywhere = (rig: Rig, name: string) =>
  eventually(
    async () => (await Promise.all(rig.bases.map(orgName))).every((n) => n === name),
    `"${name}" on every server`,
    15_000,
  );

/** A feed store as another server's console would hold it, on the rig's database. */
async function otherServer(rig: Rig) {
  const dir = tempDir();
  const file = path.join(dir, 'feed.json');
  fs.copyFileSync(FIXTURE_FEED, file);
  const feed = new FeedSource(file, () => {});
  const shared = await SharedFeed.start(rig.databaseUrl, feed, () => {});
  return {
    feed,
    shared,
    async close() {
      await shared.close();
      feed.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('the feed across servers on one Postgres', { skip: postgres.skip }, () => {
  it('a feed saved on one server is served by every server', async () => {
    const rig = await startServers();
    const other = await otherServer(rig);
    try {
      await other.shared.save(named('Saved Once'), 'another server');
      assert.equal(other.feed.get().feed.org.name, 'Saved Once', 'served at once where it was saved');
      await servedEverywhere(rig, 'Saved Once');
      // A server started later with its old file serves the saved feed, not the file.
      rig.bases.push((await rig.start()).base);
      assert.equal(await orgName(rig.bases[2]), 'Saved Once');
    } finally {
      await other.close();
      await rig.close();
    }
  });

  it("one server's feed file saved by the console is served by every server", async () => {
    const rig = await startServers();
    try {
      saveFeedAtomically(rig.feedFiles[0], named('Edited File'));
      await servedEverywhere(rig, 'Edited File');
      // Restarted with its old copy, the other server keeps serving the edit.
      rig.servers[1].proc.kill('SIGTERM');
      await rig.servers[1].exited;
      rig.bases[1] = (await rig.start()).base;
      assert.equal(await orgName(rig.bases[1]), 'Edited File');
    } finally {
      await rig.close();
    }
  });

  it('an unusable feed is refused with its problems, and nothing changes', async () => {
    const rig = await startServers();
    const other = await otherServer(rig);
    try {
      const broken = JSON.stringify({ ...fixture(), version: 99 });
      const err = await other.shared.save(broken).then(
        () => null,
        (e: unknown) => e,
      );
      assert.ok(err instanceof FeedError, String(err));
      assert.match(err.message, /the saved feed is not a usable feed/);
      assert.ok(
        err.problems.some((p) => p.path === '$.version'),
        JSON.stringify(err.problems),
      );
      await assert.rejects(other.shared.save('{ not json'), /the saved feed is not valid JSON/);
      const [row] = await rig.query('SELECT version FROM shared_feed');
      assert.equal(Number(row.version), 1, 'only the initial import');
      assert.equal(await orgName(rig.bases[1]), fixture().org.name);
    } finally {
      await other.close();
      await rig.close();
    }
  });
});
