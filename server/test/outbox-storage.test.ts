// Issue 20: an event exists if and only if its signature does — written in the signature's
// transaction, not for a repeat, gone with an erasure or the retention purge. SQLite and Postgres.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OutboxEvents } from '../outbox/events.js';
import type { Signature } from '../storage/types.js';
import { backends, storedSignature, type OpenBackend } from './helpers.js';

const HOOK = 'http://127.0.0.1:9/hook';
const events = new OutboxEvents({ webhooks: [HOOK], actionNetwork: false });
const petition = { id: 'p', title: 'P' };

function sig(email: string, at: Date): Signature {
  return storedSignature({ petition: 'p', email, given_name: 'Ada', signed_at: at.toISOString() });
}

for (const backend of backends) {
  describe(`outbox storage: ${backend.name}`, { skip: backend.skip }, () => {
    let db: OpenBackend;
    before(async () => (db = await backend.open()));
    after(async () => db?.cleanup());
    const types = async () => (await db.store.outbox.list()).map((e) => [e.type, e.state]);

    it('writes an event with a new signature, none for a repeat or a failed write', async () => {
      const now = new Date();
      const s = sig('ada@example.org', now);
      await db.store.sign(s, 'p', null, now, events.created(s, petition, now));
      await db.store.sign(s, 'p', null, now, events.created(s, petition, now));
      assert.deepEqual(await types(), [['signature.created', 'pending']]);
      const undo = await db.refuseWrites();
      const t = sig('grace@example.org', now);
      await assert.rejects(db.store.sign(t, 'p', null, now, events.created(t, petition, now)));
      await undo();
      assert.equal((await db.store.outbox.list()).length, 1, 'no event without its signature');
    });

    it('an erasure drops the undelivered event and writes signature.erased; retention purges old events', async () => {
      assert.equal(await db.store.erase('p', 'ada@example.org', events.erased('p', 'ada@example.org', new Date())), 1);
      assert.deepEqual(await types(), [['signature.erased', 'pending']]);
      assert.ok(!JSON.stringify(await db.store.outbox.list()).includes('ada@'), 'no address left in the outbox');
      assert.equal(
        await db.store.erase('p', 'nobody@example.org', events.erased('p', 'nobody@example.org', new Date())),
        0,
      );
      assert.equal((await db.store.outbox.list()).length, 1, 'no event for an erasure that erased nothing');
      await db.store.purgeSignatures(new Date(Date.now() + 60_000));
      assert.deepEqual(await types(), []);
    });
  });
}
