// The SQLite writer thread. better-sqlite3 is synchronous, so a commit (and its fsync) would
// stop the HTTP thread; here it stops only this thread, and requests keep being parsed while
// a batch is made durable. Batches arrive as messages; everything that arrived while the last
// commit ran goes into the next transaction (group commit). Results go back only after COMMIT.
import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite-db.js';
import type { WriteOp, WriteResult } from './sqlite-db.js';

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
    count: db.prepare('SELECT count FROM petition_counts WHERE petition = ?').pluck(),
    putKey: db.prepare(`INSERT INTO idempotency_keys (petition, key, body_sha256, status, response, created_at)
      VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (petition, key) DO UPDATE SET body_sha256 = excluded.body_sha256,
        status = excluded.status, response = excluded.response, created_at = excluded.created_at`),
    erase: db.prepare('DELETE FROM signatures WHERE petition = ? AND email = ?'),
    purgeSigs: db.prepare('DELETE FROM signatures WHERE signed_at < ?'),
    recount: db.prepare(`UPDATE petition_counts SET count =
      (SELECT count(*) FROM signatures s WHERE s.petition = petition_counts.petition)`),
    purgeKeys: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
  };
}

/** Applies one write; runs inside the batch transaction. */
function apply(s: ReturnType<typeof statements>, op: WriteOp): number {
  switch (op.kind) {
    case 'sign': {
      if (op.sig && s.insertSig.run(op.sig).changes > 0) s.bump.run(op.petition, 1);
      const count = (s.count.get(op.petition) as number | undefined) ?? 0;
      if (op.idem) {
        s.putKey.run(op.petition, op.idem.key, op.idem.bodySha256, 201, JSON.stringify({ count }), op.now);
      }
      return count;
    }
    case 'erase': {
      const n = s.erase.run(op.petition, op.email).changes;
      if (n > 0) s.bump.run(op.petition, -n);
      return n;
    }
    case 'purgeSignatures': {
      const n = s.purgeSigs.run(op.before).changes;
      if (n > 0) s.recount.run();
      return n;
    }
    case 'purgeIdempotency':
      return s.purgeKeys.run(op.before).changes;
  }
}

if (parentPort) {
  const port = parentPort;
  const db = openSqlite((workerData as { file: string }).file);
  const s = statements(db);
  // A nested db.transaction() is a SAVEPOINT: one failing op is undone alone and the rest of
  // the batch still commits.
  const one = db.transaction((op: WriteOp) => apply(s, op));
  let queue: WriteOp[] = [];
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
