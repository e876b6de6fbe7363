// The outbox on SQLite. Reads run on the HTTP thread's connection; writes go through the writer
// thread like every other write (sqlite-writer.ts), so no fsync ever stops the HTTP thread.
// One server serves one SQLite file, so the events being sent are known in memory (`busy`).
import type Database from 'better-sqlite3';
import type { FailedAttempt, OutboxEntry, OutboxEvent, OutboxStore } from './outbox-types.js';
import { GIVE_UP_MS, outboxKey } from './outbox-types.js';

export type OutboxWriteOp =
  | { kind: 'outboxDelivered'; event_id: string; destination: string }
  | {
      kind: 'outboxFailed';
      event_id: string;
      destination: string;
      attempts: number;
      next_at: string | null;
      error: string;
    }
  | { kind: 'outboxRetry'; now: string; give_up_at: string }
  | { kind: 'outboxStop'; destination: string; reason: string; now: string };

/** The writer thread's side: statements prepared on its connection. */
export function outboxWriter(db: Database.Database) {
  const insert = db.prepare(`INSERT INTO outbox (event_id, destination, type, body, signer_sha256, created_at,
      give_up_at, next_at) VALUES (@event_id, @destination, @type, @body, @signer_sha256, @created_at,
      @give_up_at, @created_at)`);
  const purge = db.prepare('DELETE FROM outbox WHERE created_at < ?');
  const dropSigner = db.prepare("DELETE FROM outbox WHERE signer_sha256 = ? AND type <> 'signature.erased'");
  const delivered = db.prepare('DELETE FROM outbox WHERE event_id = ? AND destination = ?');
  const failed = db.prepare(`UPDATE outbox SET attempts = ?, last_error = ?,
      state = CASE WHEN ? IS NULL THEN 'failed' ELSE 'pending' END, next_at = coalesce(?, next_at)
    WHERE event_id = ? AND destination = ?`);
  const retry = db.prepare("UPDATE outbox SET state = 'pending', next_at = ?, give_up_at = ?");
  const resume = db.prepare('DELETE FROM outbox_stopped');
  const stop = db.prepare(`INSERT INTO outbox_stopped (destination, reason, stopped_at) VALUES (?, ?, ?)
    ON CONFLICT (destination) DO UPDATE SET reason = excluded.reason, stopped_at = excluded.stopped_at`);
  return {
    insert: (events: OutboxEvent[]) => events.forEach((e) => insert.run(e)),
    /** The signer's undelivered events go with their signature. */
    dropSigner: (signer: string) => dropSigner.run(signer),
    /** Retention: events as old as the signatures being deleted go with them. */
    purge: (before: string) => purge.run(before),
    apply(op: OutboxWriteOp): number {
      switch (op.kind) {
        case 'outboxDelivered':
          return delivered.run(op.event_id, op.destination).changes;
        case 'outboxFailed':
          return failed.run(op.attempts, op.error, op.next_at, op.next_at, op.event_id, op.destination).changes;
        case 'outboxRetry': {
          resume.run();
          return retry.run(op.now, op.give_up_at).changes;
        }
        case 'outboxStop':
          return stop.run(op.destination, op.reason, op.now).changes;
      }
    },
  };
}

const NOT_STOPPED = 'destination NOT IN (SELECT destination FROM outbox_stopped)';

/** The HTTP thread's side. */
export class SqliteOutbox implements OutboxStore {
  private readonly stmts;

  constructor(
    db: Database.Database,
    private readonly write: (op: OutboxWriteOp) => Promise<number>,
  ) {
    this.stmts = {
      due: db.prepare(`SELECT * FROM outbox WHERE state = 'pending' AND next_at <= ? AND ${NOT_STOPPED}
        ORDER BY next_at LIMIT ?`),
      list: db.prepare("SELECT * FROM outbox WHERE state IN ('pending', 'failed') ORDER BY created_at, event_id"),
      stopped: db.prepare('SELECT destination, reason FROM outbox_stopped'),
    };
  }

  async due(now: Date, limit: number, _leaseMs: number, busy: Set<string>): Promise<OutboxEntry[]> {
    const rows = this.stmts.due.all(now.toISOString(), limit + busy.size) as OutboxEntry[];
    return rows.filter((r) => !busy.has(outboxKey(r))).slice(0, limit);
  }

  async delivered(e: OutboxEvent): Promise<void> {
    await this.write({ kind: 'outboxDelivered', event_id: e.event_id, destination: e.destination });
  }

  async failed(e: OutboxEvent, a: FailedAttempt): Promise<void> {
    await this.write({
      kind: 'outboxFailed',
      event_id: e.event_id,
      destination: e.destination,
      attempts: a.attempts,
      next_at: a.nextAt && a.nextAt.toISOString(),
      error: a.error,
    });
  }

  async list(): Promise<OutboxEntry[]> {
    return this.stmts.list.all() as OutboxEntry[];
  }

  retry(now: Date): Promise<number> {
    const giveUpAt = new Date(now.getTime() + GIVE_UP_MS).toISOString();
    return this.write({ kind: 'outboxRetry', now: now.toISOString(), give_up_at: giveUpAt });
  }

  async stop(destination: string, reason: string, now: Date): Promise<void> {
    await this.write({ kind: 'outboxStop', destination, reason, now: now.toISOString() });
  }

  async stopped(): Promise<Map<string, string>> {
    const rows = this.stmts.stopped.all() as { destination: string; reason: string }[];
    return new Map(rows.map((r) => [r.destination, r.reason]));
  }
}
