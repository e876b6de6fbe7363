// The SQLite writer thread. better-sqlite3 is synchronous, so a commit (and its fsync) would
// stop the HTTP thread; here it stops only this thread, and requests keep being parsed while
// a batch is made durable. Batches arrive as messages; everything that arrived while the last
// commit ran goes into the next transaction (group commit). Results go back only after COMMIT.
// After a batch that deleted signatures, the WAL is checkpointed and truncated: it still holds
// the pages as they were before the delete.
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { outboxWriter } from './outbox-sqlite.js';
import { openSqlite } from './sqlite-db.js';
import type { WriteOp, WriteResult } from './sqlite-db.js';
import { ChallengeSpentError } from './types.js';

const PAGE_LIMIT = 2000; // ops per transaction at most

function statements(db: Database.Database) {
  return {
    insertSig: db.prepare(`INSERT INTO signatures (petition, email, given_name, family_name,
        postal_code, country, phone, comment, source, origin, consent_sha256, signed_at)
      VALUES (@petition, @email, @given_name, @family_name, @postal_code, @country, @phone,
        @comment, @source, @origin, @consent_sha256, @signed_at)
      ON CONFLICT (petition, email) DO NOTHING`),
    bump: db.prepare(`INSERT INTO petition_counts (petition, count) VALUES (?, ?)
      ON CONFLICT (petition) DO UPDATE SET count = count + excluded.count`),
    // SQLite skips writing a row that would not change, so the request counter is what changes.
    bumpSigned: db.prepare(`INSERT INTO petition_counts (petition, count, sign_requests) VALUES (?, ?, 1)
      ON CONFLICT (petition) DO UPDATE SET count = count + excluded.count, sign_requests = sign_requests + 1`),
    count: db.prepare('SELECT count FROM petition_counts WHERE petition = ?').pluck(),
    putKey: db.prepare(`INSERT INTO idempotency_keys (petition, key, body_sha256, status, response, created_at,
        signer_sha256)
      VALUES (?, ?, ?, 201, ?, ?, ?)
      ON CONFLICT (petition, key) DO UPDATE SET body_sha256 = excluded.body_sha256,
        status = excluded.status, response = excluded.response, created_at = excluded.created_at,
        signer_sha256 = excluded.signer_sha256`),
    erase: db.prepare('DELETE FROM signatures WHERE petition = ? AND email = ?'),
    eraseKeys: db.prepare('DELETE FROM idempotency_keys WHERE petition = ? AND signer_sha256 = ?'),
    erasePending: db.prepare('DELETE FROM pending_signatures WHERE petition = ? AND email = ?'),
    eraseTokens: db.prepare('DELETE FROM confirm_tokens WHERE petition = ? AND email = ?'),
    purgeSigs: db.prepare('DELETE FROM signatures WHERE signed_at < ?'),
    recount: db.prepare(`UPDATE petition_counts SET count =
      (SELECT count(*) FROM signatures s WHERE s.petition = petition_counts.petition)`),
    purgeKeys: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
    spend: db.prepare('INSERT INTO spent_challenges (signature, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING'),
    purgeSpent: db.prepare('DELETE FROM spent_challenges WHERE expires_at < ?'),
    refusedOrigin: db.prepare(`INSERT INTO refused_origins (origin, day, count) VALUES (?, ?, 1)
      ON CONFLICT (origin, day) DO UPDATE SET count = count + 1`),
    outbox: outboxWriter(db),
  };
}

/** Applies one write; runs inside the batch transaction. */
function apply(s: ReturnType<typeof statements>, op: WriteOp): number {
  switch (op.kind) {
    case 'sign': {
      // Thrown inside the op's savepoint: nothing of this request is kept.
      if (op.challenge && s.spend.run(...op.challenge).changes === 0) throw new Error(ChallengeSpentError.MESSAGE);
      // The counter row is written for a repeat (and a honeypot) too: the same writes and the
      // same fsync as a new signer, so the answer comes no sooner.
      const added = op.sig ? s.insertSig.run(op.sig).changes : 0;
      if (added) s.outbox.insert(op.events);
      s.bumpSigned.run(op.petition, added);
      const count = (s.count.get(op.petition) as number | undefined) ?? 0;
      const response = op.idem?.response ?? JSON.stringify({ count });
      if (op.idem) s.putKey.run(op.petition, op.idem.key, op.idem.bodySha256, response, op.now, op.signer);
      return count;
    }
    case 'erase': {
      const n = s.erase.run(op.petition, op.email).changes;
      if (n > 0) s.bump.run(op.petition, -n);
      s.outbox.dropSigner(op.signer);
      if (n > 0) s.outbox.insert(op.events);
      s.eraseKeys.run(op.petition, op.signer);
      // An unconfirmed signer is erased too (not counted, so the count stays).
      const pending = s.erasePending.run(op.petition, op.email).changes;
      s.eraseTokens.run(op.petition, op.email);
      return n + pending;
    }
    case 'purgeSignatures': {
      const n = s.purgeSigs.run(op.before).changes;
      if (n > 0) s.recount.run();
      s.purgeKeys.run(op.before);
      s.outbox.purge(op.before);
      return n;
    }
    case 'purgeIdempotency':
      return s.purgeKeys.run(op.before).changes;
    case 'purgeChallenges':
      return s.purgeSpent.run(op.before).changes;
    case 'refusedOrigin':
      return s.refusedOrigin.run(op.origin, op.day).changes;
    default:
      return s.outbox.apply(op);
  }
}

if (parentPort) {
  const port = parentPort;
  const db = openSqlite((workerData as { file: string }).file);
  const s = statements(db);
  // A nested db.transaction() is a SAVEPOINT: one failing op is undone alone and the rest of
  // the batch still commits.
  const one = db.transaction((op: WriteOp) => apply(s, op));
  const queue: WriteOp[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    const batch = queue.splice(0, PAGE_LIMIT);
    if (queue.length) schedule();
    if (!batch.length) return;
    const results: WriteResult[] = [];
    try {
      db.transaction(() => {
        for (const op of batch) {
          try {
            results.push({ id: op.id, ok: true, value: one(op) });
          } catch (err) {
            results.push({ id: op.id, ok: false, error: (err as Error).message });
          }
        }
      })();
    } catch (err) {
      // The commit itself failed: nothing in this batch is durable, so nobody gets a success.
      port.postMessage(batch.map((op) => ({ id: op.id, ok: false, error: (err as Error).message })));
      return;
    }
    // Before answering: an erasure is done only when the old pages are gone from the WAL too.
    if (batch.some((op) => op.kind === 'erase' || op.kind === 'purgeSignatures')) {
      db.pragma('wal_checkpoint(TRUNCATE)');
    }
    port.postMessage(results);
  };
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };

  port.on('message', (msg: WriteOp[] | 'close') => {
    if (msg === 'close') {
      while (queue.length) flush();
      db.close();
      port.postMessage('closed');
      port.close();
      return;
    }
    queue.push(...msg);
    schedule();
  });
}
