// The record of spent proof-of-work challenges (server/challenge.ts): each signs once, the purge
// forgets only expired ones, the record survives the upgrade to its expiry-ordered layout, and
// that layout is one B-tree keyed by expiry first. SQLite and Postgres alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { migrations } from '../storage/migrations.js';
import { ChallengeSpentError, type SignatureStore, type SpentChallenge } from '../storage/types.js';
import { backends, storedSignature, type OpenBackend } from './helpers.js';

const now = new Date('2026-06-01T12:00:00.000Z');
const MINUTE = 60_000;
const ORDERED = migrations.find((m) => m.name.startsWith('spent challenges kept in expiry order'))!;

let made = 0;
/** A spent challenge as check() returns it: a fresh HMAC signature (hex) and its expiry. */
function challenge(expiresInMs = 5 * MINUTE): SpentChallenge {
  made++;
  return { signature: made.toString(16).padStart(64, 'c'), expiresAt: new Date(now.getTime() + expiresInMs) };
}

const signWith = (store: SignatureStore, email: string, spent: SpentChallenge) =>
  store.sign(storedSignature({ email, petition: 'p' }), 'p', null, now, [], spent);

/** Several statements at once, from a connection of the test's own. */
async function exec(db: OpenBackend, sql: string): Promise<void> {
  if (!db.file) return void (await db.query(sql));
  const own = new Database(db.file);
  try {
    own.exec(sql);
  } finally {
    own.close();
  }
}

for (const backend of backends) {
  describe(`spent challenges: ${backend.name}`, { skip: backend.skip }, () => {
    let db: OpenBackend;
    before(async () => (db = await backend.open()));
    after(async () => db?.cleanup());

    it('a challenge signs once: the second signature with it is refused and stores nothing', async () => {
      const spent = challenge();
      assert.equal(await signWith(db.store, 'once@x.org', spent), 1);
      await assert.rejects(signWith(db.store, 'twice@x.org', spent), ChallengeSpentError);
      assert.equal(await db.store.count('p'), 1);
    });

    it('the purge forgets challenges that expired, and only those', async () => {
      const gone = challenge(-MINUTE);
      const kept = challenge(MINUTE);
      await signWith(db.store, 'gone@x.org', gone);
      await signWith(db.store, 'kept@x.org', kept);
      assert.ok((await db.store.purgeChallenges(now)) >= 1);
      const left = (await db.query('SELECT signature FROM spent_challenges')).map((r) => r.signature);
      assert.ok(!left.includes(gone.signature));
      assert.ok(left.includes(kept.signature));
      await assert.rejects(signWith(db.store, 'kept-again@x.org', kept), ChallengeSpentError);
    });

    it('is one B-tree keyed by expiry, then signature: new rows land together, the purge takes the front', async () => {
      if (db.file) {
        const [table] = await db.query("SELECT sql FROM sqlite_master WHERE name = 'spent_challenges'");
        assert.match(String(table.sql), /WITHOUT ROWID/);
        const indexes = await db.query("SELECT name, origin FROM pragma_index_list('spent_challenges')");
        assert.deepEqual(
          indexes.map((i) => i.origin),
          ['pk'],
        );
        const key = await db.query(`SELECT name FROM pragma_index_info('${indexes[0].name}') ORDER BY seqno`);
        assert.deepEqual(
          key.map((c) => c.name),
          ['expires_at', 'signature'],
        );
      } else {
        const indexes = await db.query(
          "SELECT indexdef FROM pg_indexes WHERE tablename = 'spent_challenges' AND schemaname = current_schema()",
        );
        assert.equal(indexes.length, 1, JSON.stringify(indexes));
        assert.match(String(indexes[0].indexdef), /UNIQUE INDEX .*\(expires_at, signature\)/);
      }
    });

    it('a challenge spent before the upgrade to this layout stays spent after it', async () => {
      const time = db.file ? 'TEXT' : 'TIMESTAMPTZ';
      await exec(
        db,
        `DROP TABLE spent_challenges;
        CREATE TABLE spent_challenges (signature TEXT PRIMARY KEY, expires_at ${time} NOT NULL);
        CREATE INDEX spent_challenges_expires_at ON spent_challenges (expires_at);
        DELETE FROM schema_migrations WHERE version = ${ORDERED.version};`,
      );
      const before = challenge();
      await signWith(db.store, 'before@x.org', before);
      await db.store.init(); // the server starting on the new version
      const applied = await db.query(`SELECT version FROM schema_migrations WHERE version = ${ORDERED.version}`);
      assert.equal(applied.length, 1);
      await assert.rejects(signWith(db.store, 'replay@x.org', before), ChallengeSpentError);
      assert.ok((await signWith(db.store, 'after@x.org', challenge())) > 0);
    });
  });
}
