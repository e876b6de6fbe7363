// One storage suite, run against SQLite and Postgres alike.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Signature, SignatureStore } from '../storage/types.js';
import { backends, type OpenBackend } from './helpers.js';

const now = new Date('2026-06-01T12:00:00.000Z');

function sig(petition: string, email: string, signed_at = now.toISOString()): Signature {
  return {
    petition,
    email,
    given_name: 'Ada',
    family_name: 'Lovelace',
    postal_code: 'N1',
    country: 'GB',
    phone: null,
    comment: 'hello',
    source: 'test',
    origin: 'https://ally.example',
    consent_sha256: 'ab'.repeat(32),
    signed_at,
  };
}

async function all(store: SignatureStore, petition: string): Promise<Signature[]> {
  const rows: Signature[] = [];
  for await (const r of store.exportRows(petition)) rows.push(r);
  return rows;
}

for (const backend of backends) {
  describe(`storage: ${backend.name}`, { skip: backend.skip }, () => {
    let store: SignatureStore;
    let db: OpenBackend;
    let cleanup: () => Promise<void>;
    before(async () => ({ store, cleanup } = db = await backend.open()));
    after(async () => cleanup?.());

    it('applies migrations once (init again is a no-op)', async () => {
      await store.init();
      assert.equal(await store.count('p'), 0);
    });

    it('counts a signer once, and a honeypot (null) not at all', async () => {
      assert.equal(await store.sign(sig('p', 'a@x.org'), 'p', null, now), 1);
      assert.equal(await store.sign(sig('p', 'a@x.org'), 'p', null, now), 1);
      assert.equal(await store.sign(null, 'p', null, now), 1);
      assert.equal(await store.sign(sig('p', 'b@x.org'), 'p', null, now), 2);
      assert.equal(await store.sign(sig('q', 'a@x.org'), 'q', null, now), 1);
      assert.deepEqual(Object.fromEntries(await store.counts()), { p: 2, q: 1 });
      assert.equal((await all(store, 'p')).length, 2);
    });

    it('concurrent signatures are all stored and counted', async () => {
      const counts = await Promise.all(
        Array.from({ length: 200 }, (_, i) => store.sign(sig('c', `u${i}@x.org`), 'c', null, now)),
      );
      assert.equal(await store.count('c'), 200);
      if (backend.name === 'sqlite') assert.equal(new Set(counts).size, 200, 'each sign() sees its own count');
      // Postgres spreads a count over rows that concurrent commits do not wait on each other for:
      // each sees its own signature and those committed before it.
      else
        assert.ok(
          counts.every((n) => n >= 1 && n <= 200),
          `counts: ${counts}`,
        );
    });

    it('claims idempotency keys: new, in progress, replay, mismatch, release', async () => {
      const rec = { petition: 'p', key: 'k1', bodySha256: 'h1' };
      assert.deepEqual(await store.claim(rec, now), { state: 'new' });
      assert.deepEqual(await store.claim(rec, now), { state: 'in_progress' });
      await store.release(rec);
      assert.deepEqual(await store.claim(rec, now), { state: 'new' });
      await store.sign(sig('p', 'k@x.org'), 'p', { ...rec, response: '{"count":41}' }, now);
      assert.deepEqual(await store.claim(rec, now), { state: 'replay', status: 201, body: '{"count":41}' });
      // No answer given (counts published live): the live count once this signature is in.
      const live = { ...rec, key: 'k-live' };
      await store.claim(live, now);
      const count = await store.sign(sig('p', 'live@x.org'), 'p', { ...live, response: null }, now);
      assert.deepEqual(await store.claim(live, now), { state: 'replay', status: 201, body: JSON.stringify({ count }) });
      assert.deepEqual(await store.claim({ ...rec, bodySha256: 'h2' }, now), { state: 'mismatch' });
      // Keys are per petition.
      assert.deepEqual(await store.claim({ ...rec, petition: 'q' }, now), { state: 'new' });
      await store.release({ ...rec, petition: 'q' });
    });

    it('exports oldest first, across pages, with every field', async () => {
      const base = Date.parse('2026-01-01T00:00:00.000Z');
      await Promise.all(
        Array.from({ length: 1205 }, (_, i) =>
          store.sign(sig('e', `e${i}@x.org`, new Date(base + (1204 - i) * 1000).toISOString()), 'e', null, now),
        ),
      );
      const rows = await all(store, 'e');
      assert.equal(rows.length, 1205);
      assert.equal(new Set(rows.map((r) => r.email)).size, 1205);
      const times = rows.map((r) => r.signed_at);
      assert.deepEqual(times, [...times].sort());
      assert.deepEqual(rows[0], { ...sig('e', 'e1204@x.org', new Date(base).toISOString()), confirmed_at: null });
    });

    it('erases one signer and lowers the count', async () => {
      await store.sign(sig('r', 'gone@x.org'), 'r', null, now);
      await store.sign(sig('r', 'stays@x.org'), 'r', null, now);
      assert.equal(await store.erase('r', 'gone@x.org'), 1);
      assert.equal(await store.erase('r', 'gone@x.org'), 0);
      assert.equal(await store.count('r'), 1);
      assert.deepEqual(
        (await all(store, 'r')).map((r) => r.email),
        ['stays@x.org'],
      );
    });

    it('purges signatures older than a date and recounts', async () => {
      await store.sign(sig('t', 'old@x.org', '2020-01-01T00:00:00.000Z'), 't', null, now);
      await store.sign(sig('t', 'new@x.org', '2026-05-01T00:00:00.000Z'), 't', null, now);
      assert.equal(await store.purgeSignatures(new Date('2025-01-01T00:00:00Z')), 1);
      assert.equal(await store.count('t'), 1);
      assert.deepEqual(
        (await all(store, 't')).map((r) => r.email),
        ['new@x.org'],
      );
    });

    it('purges old idempotency records', async () => {
      const rec = { petition: 'i', key: 'old', bodySha256: 'h' };
      await store.claim(rec, new Date('2020-01-01T00:00:00Z'));
      await store.sign(null, 'i', { ...rec, response: '{}' }, new Date('2020-01-01T00:00:00Z'));
      assert.equal((await store.claim(rec, now)).state, 'replay');
      assert.ok((await store.purgeIdempotency(new Date('2021-01-01T00:00:00Z'))) >= 1);
      assert.equal((await store.claim(rec, now)).state, 'new');
    });

    it('a repeat signer (and a honeypot) commits a write, as a new signer does', async () => {
      // Something only a committed write changes: SQLite's data_version as another connection
      // sees it, Postgres's row version of the petition's counter.
      const probe =
        backend.name === 'sqlite'
          ? 'PRAGMA data_version'
          : "SELECT string_agg(xmin::text, ',' ORDER BY shard) AS v FROM petition_count_shards WHERE petition = 'w'";
      const version = async () => JSON.stringify(await db.query(probe));
      await store.sign(sig('w', 'twice@x.org'), 'w', null, now);
      for (const again of [sig('w', 'twice@x.org'), null]) {
        const before = await version();
        assert.equal(await store.sign(again, 'w', null, now), 1);
        assert.notEqual(await version(), before, again ? 'a repeat' : 'a honeypot');
      }
    });

    it('erasing a signer removes the idempotency records of their requests', async () => {
      const gone = { petition: 'x', key: 'gone-key', bodySha256: 'c0ffee'.repeat(10) };
      const stays = { petition: 'x', key: 'stays-key', bodySha256: 'beef'.repeat(16) };
      for (const [rec, email] of [
        [gone, 'gone@x.org'],
        [stays, 'stays@x.org'],
      ] as const) {
        await store.claim(rec, now);
        await store.sign(sig('x', email), 'x', { ...rec, response: '{"count":0}' }, now);
      }
      assert.equal(await store.erase('x', 'gone@x.org'), 1);
      assert.ok(!(await db.dump()).includes(gone.bodySha256), "the erased body's hash is gone");
      assert.equal((await store.claim(stays, now)).state, 'replay', 'other signers keep theirs');
      assert.equal((await store.claim(gone, now)).state, 'new');
      await store.release(gone);
    });

    it('purging signatures purges idempotency records as old', async () => {
      const old = new Date('2019-01-01T00:00:00Z');
      const rec = { petition: 'y', key: 'old-key', bodySha256: 'h' };
      await store.claim(rec, old);
      await store.sign(sig('y', 'old@x.org', old.toISOString()), 'y', { ...rec, response: '{}' }, old);
      assert.equal(await store.purgeSignatures(new Date('2019-06-01T00:00:00Z')), 1);
      assert.equal((await store.claim(rec, now)).state, 'new');
      await store.release(rec);
    });

    it('answers ping', async () => {
      await store.ping();
    });
  });
}

describe('storage: sqlite erasure leaves no bytes behind', () => {
  it("after erase, the signer's name, comment and email are in neither the database file nor the WAL", async () => {
    const sqlite = backends.find((b) => b.name === 'sqlite')!;
    const { store, file, cleanup } = await sqlite.open();
    try {
      const secret = (what: string) => `${what}-Zyxwvut-${process.pid}`;
      await store.sign(
        { ...sig('z', `${secret('email')}@x.org`), given_name: secret('name'), comment: secret('comment') },
        'z',
        null,
        now,
      );
      for (let i = 0; i < 50; i++) await store.sign(sig('z', `other${i}@x.org`), 'z', null, now);
      const bytes = () => [file!, `${file}-wal`].map((f) => (fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0)));
      assert.ok(
        bytes().some((b) => b.includes(secret('name'))),
        'the probe finds the name while it is stored',
      );
      assert.equal(await store.erase('z', `${secret('email')}@x.org`), 1);
      for (const what of ['name', 'comment', 'email']) {
        for (const [i, b] of bytes().entries()) {
          assert.ok(!b.includes(secret(what)), `${what} in ${i ? 'the WAL' : 'the file'}`);
        }
      }
    } finally {
      await cleanup();
    }
  });
});
