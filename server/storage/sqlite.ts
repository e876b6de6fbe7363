// SQLite storage (better-sqlite3, synchronous). WAL with synchronous=FULL, so a committed
// transaction survives power loss. A commit costs an fsync, which would cap us at a few hundred
// signatures per second if each one were its own transaction; instead writes are queued and
// committed together once per event-loop turn ("group commit"). Every caller's promise resolves
// only after the transaction holding its row has committed, so a 201 still means durable.
import Database from 'better-sqlite3';
import { MIGRATIONS_TABLE, migrations, sqliteSql } from './migrations.js';
import type { Claim, IdempotencyRecord, Signature, SignatureStore } from './types.js';

interface Op {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/** Rows per transaction at most; the rest wait for the next turn. */
const MAX_BATCH = 2000;
const PAGE = 1000;

/** Opens a database file with the pragmas every user of it (server, bench) must share. */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL mode (got ${String(mode)})`);
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

export class SqliteStore implements SignatureStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  /** Keys being processed. SQLite serves one process, so this need not be in the database. */
  private readonly inFlight = new Set<string>();
  private queue: Op[] = [];
  private flushScheduled = false;
  private stmts!: ReturnType<SqliteStore['prepare']>;

  constructor(file: string) {
    this.db = openSqlite(file);
  }

  async init(): Promise<void> {
    this.db.exec(MIGRATIONS_TABLE);
    const applied = new Set(
      this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
    );
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(sqliteSql(m));
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
    this.stmts = this.prepare();
  }

  private prepare() {
    const db = this.db;
    return {
      insertSig: db.prepare(`INSERT INTO signatures (petition, email, given_name, family_name,
          postal_code, country, phone, comment, source, origin, consent_sha256, signed_at)
        VALUES (@petition, @email, @given_name, @family_name, @postal_code, @country, @phone,
          @comment, @source, @origin, @consent_sha256, @signed_at)
        ON CONFLICT (petition, email) DO NOTHING`),
      bump: db.prepare(`INSERT INTO petition_counts (petition, count) VALUES (?, ?)
        ON CONFLICT (petition) DO UPDATE SET count = count + excluded.count`),
      count: db.prepare('SELECT count FROM petition_counts WHERE petition = ?').pluck(),
      counts: db.prepare('SELECT petition, count FROM petition_counts'),
      getKey: db.prepare('SELECT body_sha256, status, response FROM idempotency_keys WHERE petition = ? AND key = ?'),
      putKey: db.prepare(`INSERT INTO idempotency_keys (petition, key, body_sha256, status, response, created_at)
        VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (petition, key) DO UPDATE SET body_sha256 = excluded.body_sha256,
          status = excluded.status, response = excluded.response, created_at = excluded.created_at`),
      page: db.prepare(`SELECT * FROM signatures WHERE petition = ? AND (signed_at, email) > (?, ?)
        ORDER BY signed_at, email LIMIT ${PAGE}`),
      erase: db.prepare('DELETE FROM signatures WHERE petition = ? AND email = ?'),
      purgeSigs: db.prepare('DELETE FROM signatures WHERE signed_at < ?'),
      recount: db.prepare(`UPDATE petition_counts SET count =
        (SELECT count(*) FROM signatures s WHERE s.petition = petition_counts.petition)`),
      purgeKeys: db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?'),
    };
  }

  /** Queues a write for the next group commit. */
  private enqueue<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate runs after the poll phase, so every request that arrived in this turn
        // of the event loop joins the same transaction.
        setImmediate(this.flush);
      }
    });
  }

  private readonly flush = (): void => {
    this.flushScheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length > 0) {
      this.flushScheduled = true;
      setImmediate(this.flush);
    }
    if (batch.length === 0) return;
    const results: { ok: boolean; value: unknown }[] = [];
    // A nested db.transaction() is a SAVEPOINT: one failing op is undone alone and the rest of
    // the batch still commits.
    const one = this.db.transaction((op: Op) => op.run());
    try {
      this.db.transaction(() => {
        for (const op of batch) {
          try {
            results.push({ ok: true, value: one(op) });
          } catch (err) {
            results.push({ ok: false, value: err });
          }
        }
      })();
    } catch (err) {
      // The commit itself failed: nothing in this batch is durable, so nobody gets a success.
      for (const op of batch) op.reject(err);
      return;
    }
    batch.forEach((op, i) => (results[i].ok ? op.resolve(results[i].value) : op.reject(results[i].value)));
  };

  async claim(rec: IdempotencyRecord): Promise<Claim> {
    const id = rec.petition + '\0' + rec.key;
    const row = this.stmts.getKey.get(rec.petition, rec.key) as
      | { body_sha256: string; status: number | null; response: string | null }
      | undefined;
    if (row && row.status !== null) {
      return row.body_sha256 === rec.bodySha256
        ? { state: 'replay', status: row.status, body: row.response ?? '' }
        : { state: 'mismatch' };
    }
    if (this.inFlight.has(id)) return { state: 'in_progress' };
    this.inFlight.add(id);
    return { state: 'new' };
  }

  async release(rec: IdempotencyRecord): Promise<void> {
    this.inFlight.delete(rec.petition + '\0' + rec.key);
  }

  async sign(sig: Signature | null, petition: string, idem: IdempotencyRecord | null, now: Date): Promise<number> {
    const s = this.stmts;
    try {
      return await this.enqueue(() => {
        if (sig && s.insertSig.run(sig).changes > 0) s.bump.run(petition, 1);
        const count = (s.count.get(petition) as number | undefined) ?? 0;
        if (idem) {
          s.putKey.run(petition, idem.key, idem.bodySha256, 201, JSON.stringify({ count }), now.toISOString());
        }
        return count;
      });
    } finally {
      if (idem) await this.release(idem);
    }
  }

  async count(petition: string): Promise<number> {
    return (this.stmts.count.get(petition) as number | undefined) ?? 0;
  }

  async counts(): Promise<Map<string, number>> {
    const rows = this.stmts.counts.all() as { petition: string; count: number }[];
    return new Map(rows.map((r) => [r.petition, r.count]));
  }

  async *exportRows(petition: string): AsyncIterable<Signature> {
    let after = ['', ''];
    for (;;) {
      const rows = this.stmts.page.all(petition, after[0], after[1]) as Signature[];
      yield* rows;
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = [last.signed_at, last.email];
    }
  }

  erase(petition: string, email: string): Promise<number> {
    return this.enqueue(() => {
      const n = this.stmts.erase.run(petition, email).changes;
      if (n > 0) this.stmts.bump.run(petition, -n);
      return n;
    });
  }

  purgeSignatures(before: Date): Promise<number> {
    return this.enqueue(() => {
      const n = this.stmts.purgeSigs.run(before.toISOString()).changes;
      if (n > 0) this.stmts.recount.run();
      return n;
    });
  }

  purgeIdempotency(before: Date): Promise<number> {
    return this.enqueue(() => this.stmts.purgeKeys.run(before.toISOString()).changes);
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    while (this.queue.length > 0) this.flush();
    if (this.db.open) this.db.close();
  }
}
