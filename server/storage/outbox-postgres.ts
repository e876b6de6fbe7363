// The outbox on Postgres, shared by any number of servers: due() leases the rows it takes
// (locked_until), choosing them with FOR UPDATE SKIP LOCKED, so each event is sent by one
// server at a time; a server that dies mid-send leaves rows whose lease simply runs out.
import type pg from 'pg';
import type { FailedAttempt, OutboxEntry, OutboxEvent, OutboxStore } from './outbox-types.js';
import { GIVE_UP_MS } from './outbox-types.js';

type Queryable = Pick<pg.Pool, 'query'>;
type Row = Omit<OutboxEntry, 'created_at' | 'give_up_at' | 'next_at'> &
  Record<'created_at' | 'give_up_at' | 'next_at', Date>;

const toEntry = (r: Row): OutboxEntry => ({
  ...r,
  created_at: r.created_at.toISOString(),
  give_up_at: r.give_up_at.toISOString(),
  next_at: r.next_at.toISOString(),
});

/** Writes events inside the caller's transaction (the signature's or the erasure's). */
export async function insertEvents(c: Queryable, events: OutboxEvent[]): Promise<void> {
  for (const e of events) {
    await c.query(
      `INSERT INTO outbox (event_id, destination, type, body, signer_sha256, created_at, give_up_at, next_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $6)`,
      [e.event_id, e.destination, e.type, e.body, e.signer_sha256, e.created_at, e.give_up_at],
    );
  }
}

/** The signer's undelivered events go with their signature. */
export async function dropSignerEvents(c: Queryable, signer: string): Promise<void> {
  await c.query("DELETE FROM outbox WHERE signer_sha256 = $1 AND type <> 'signature.erased'", [signer]);
}

export class PostgresOutbox implements OutboxStore {
  constructor(private readonly pool: Queryable) {}

  async due(now: Date, limit: number, leaseMs: number): Promise<OutboxEntry[]> {
    const { rows } = await this.pool.query<Row>(
      `UPDATE outbox SET locked_until = $2 WHERE (event_id, destination) IN (
         SELECT event_id, destination FROM outbox
         WHERE state = 'pending' AND next_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)
           AND destination NOT IN (SELECT destination FROM outbox_stopped)
         ORDER BY next_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [now, new Date(now.getTime() + leaseMs), limit],
    );
    return rows.map(toEntry);
  }

  async delivered(e: OutboxEvent): Promise<void> {
    await this.pool.query('DELETE FROM outbox WHERE event_id = $1 AND destination = $2', [e.event_id, e.destination]);
  }

  async failed(e: OutboxEvent, a: FailedAttempt): Promise<void> {
    await this.pool.query(
      `UPDATE outbox SET attempts = $3, last_error = $4, locked_until = NULL,
         state = CASE WHEN $5::timestamptz IS NULL THEN 'failed' ELSE 'pending' END, next_at = coalesce($5, next_at)
       WHERE event_id = $1 AND destination = $2`,
      [e.event_id, e.destination, a.attempts, a.error, a.nextAt],
    );
  }

  async list(): Promise<OutboxEntry[]> {
    const { rows } = await this.pool.query<Row>(
      "SELECT * FROM outbox WHERE state IN ('pending', 'failed') ORDER BY created_at, event_id",
    );
    return rows.map(toEntry);
  }

  async retry(now: Date): Promise<number> {
    await this.pool.query('DELETE FROM outbox_stopped');
    const r = await this.pool.query("UPDATE outbox SET state = 'pending', next_at = $1, give_up_at = $2", [
      now,
      new Date(now.getTime() + GIVE_UP_MS),
    ]);
    return r.rowCount ?? 0;
  }

  async stop(destination: string, reason: string, now: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO outbox_stopped (destination, reason, stopped_at) VALUES ($1, $2, $3)
       ON CONFLICT (destination) DO UPDATE SET reason = excluded.reason, stopped_at = excluded.stopped_at`,
      [destination, reason, now],
    );
  }

  async stopped(): Promise<Map<string, string>> {
    const { rows } = await this.pool.query('SELECT destination, reason FROM outbox_stopped');
    return new Map(rows.map((r) => [r.destination as string, r.reason as string]));
  }
}
