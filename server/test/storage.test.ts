// One storage suite, run against SQLite and Postgres alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Signature, SignatureStore } from '../storage/types.js';
import { backends } from './helpers.js';

const now = new Date('2026-06-01T12:00:00.000Z');

function sig(petition: string, email: string, signed_at = now.toISOString()): Signature {
  return {
    petition, email, given_name: 'Ada', family_name: 'Lovelace', postal_code: 'N1', country: 'GB',
    phone: null, comment: 'hello', source: 'test', origin: 'https://ally.example', consent_sha256: 'ab'.repeat(32), signed_at,
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
    let cleanup: () => Promise<void>;
    before(async () => ({ store, cleanup } = await backend.open()));
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
      const counts = await Promise.all(Array.from({ length: 200 }, (_, i) => store.sign(sig('c', `u${i}@x.org`), 'c', null, now)));
      assert.equal(await store.count('c'), 200);
      assert.equal(new Set(counts).size, 200, 'each sign() sees its own count');
    });

    it('claims idempotency keys: new, in progress, replay, mismatch, release', async () => {
      const rec = { petition: 'p', key: 'k1', bodySha256: 'h1' };
      assert.deepEqual(await store.claim(rec, now), { state: 'new' });
      assert.deepEqual(await store.claim(rec, now), { state: 'in_progress' });
      await store.release(rec);
      assert.deepEqual(await store.claim(rec, now), { state: 'new' });
      const count = await store.sign(sig('p', 'k@x.org'), 'p', rec, now);
      assert.deepEqual(await store.claim(rec, now), { state: 'replay', status: 201, body: JSON.stringify({ count }) });
      assert.deepEqual(await store.claim({ ...rec, bodySha256: 'h2' }, now), { state: 'mismatch' });
      // Keys are per petition.
      assert.deepEqual(await store.claim({ ...rec, petition: 'q' }, now), { state: 'new' });
      await store.release({ ...rec, petition: 'q' });
    });

    it('exports oldest first, across pages, with every field', async () => {
      const base = Date.parse('2026-01-01T00:00:00.000Z');
      await Promise.all(
        Array.from({ length: 1205 }, (_, i) => store.sign(sig('e', `e${i}@x.org`, new Date(base + (1204 - i) * 1000).toISOString()), 'e', null, now)),
      );
      const rows = await all(store, 'e');
      assert.equal(rows.length, 1205);
      assert.equal(new Set(rows.map((r) => r.email)).size, 1205);
      const times = rows.map((r) => r.signed_at);
      assert.deepEqual(times, [...times].sort());
      assert.deepEqual(rows[0], sig('e', 'e1204@x.org', new Date(base).toISOString()));
    });

    it('erases one signer and lowers the count', async () => {
      await store.sign(sig('r', 'gone@x.org'), 'r', null, now);
      await store.sign(sig('r', 'stays@x.org'), 'r', null, now);
      assert.equal(await store.erase('r', 'gone@x.org'), 1);
      assert.equal(await store.erase('r', 'gone@x.org'), 0);
      assert.equal(await store.count('r'), 1);
      assert.deepEqual((await all(store, 'r')).map((r) => r.email), ['stays@x.org']);
    });

    it('purges signatures older than a date and recounts', async () => {
      await store.sign(sig('t', 'old@x.org', '2020-01-01T00:00:00.000Z'), 't', null, now);
      await store.sign(sig('t', 'new@x.org', '2026-05-01T00:00:00.000Z'), 't', null, now);
      assert.equal(await store.purgeSignatures(new Date('2025-01-01T00:00:00Z')), 1);
      assert.equal(await store.count('t'), 1);
      assert.deepEqual((await all(store, 't')).map((r) => r.email), ['new@x.org']);
    });

    it('purges old idempotency records', async () => {
      const rec = { petition: 'i', key: 'old', bodySha256: 'h' };
      await store.claim(rec, new Date('2020-01-01T00:00:00Z'));
      await store.sign(null, 'i', rec, new Date('2020-01-01T00:00:00Z'));
      assert.equal((await store.claim(rec, now)).state, 'replay');
      assert.ok((await store.purgeIdempotency(new Date('2021-01-01T00:00:00Z'))) >= 1);
      assert.equal((await store.claim(rec, now)).state, 'new');
    });

    it('answers ping', async () => {
      await store.ping();
    });
  });
}
