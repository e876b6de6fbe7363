// Postgres storage (pg), for organizations past one machine: any number of stateless servers
// share one database, so idempotency claims live in the database too. Postgres commits are
// durable (synchronous_commit) and it groups concurrent commits itself.
import pg from 'pg';
import type { ActionStore } from './action-types.js';
import { SqlActionStore } from './actions.js';
import { PostgresConfirmStore } from './confirm-postgres.js';
import { MIGRATIONS_TABLE, migrations, postgresSql } from './migrations.js';
import { PostgresOrigins } from './postgres-origins.js';
import { dropSignerEvents, insertEvents, PostgresOutbox } from './outbox-postgres.js';
import { addToCount, countIn, randomShard } from './pg-count-shards.js';
import { CLAIMER_GONE, ServerSession } from './pg-session.js';
import type { OutboxEvent } from './outbox-types.js';
import { signedAndPending } from './signature-columns.js';
import { signerHash } from './signer.js';
import { postgresRunner, type SqlRunner } from './sql.js';
import { postgresSteps } from './sql-steps.js';
import { ChallengeSpentError, STALE_CLAIM_MS } from './types.js';
import type { Claim, ConfirmStore, IdempotencyRecord, KeyedAnswer, Signature, SignatureStore } from './types.js';
import type { SpentChallenge } from './types.js';

const PAGE = 1000;
/** Arbitrary constant: serializes migrations when several servers start at once. */
const MIGRATION_LOCK = 7_403_117;

export interface PostgresOptions {
  /** Schema to use instead of public (tests use a throwaway one). */
  schema?: string;
  max?: number;
}

type Row = Omit<Signature, 'signed_at' | 'confirmed_at'> & { signed_at: Date; confirmed_at: Date | null };
const toSignature = (r: Row): Signature => ({
  ...r,
  signed_at: r.signed_at.toISOString(),
  confirmed_at: r.confirmed_at && r.confirmed_at.toISOString(),
});
type ClaimRow = {
  body_sha256: string;
  status: number | null;
  response: string | null;
  created_at: Date;
  gone: boolean;
};

export class PostgresStore implements SignatureStore {
  readonly kind = 'postgres' as const;
  private readonly pool: pg.Pool;
  readonly origins: PostgresOrigins;
  readonly outbox: PostgresOutbox;
  private readonly session: ServerSession;

  constructor(url: string, opts: PostgresOptions = {}) {
    const connection = { connectionString: url, options: opts.schema ? `-c search_path=${opts.schema}` : undefined };
    this.pool = new pg.Pool({ ...connection, max: opts.max ?? 10 });
    this.session = new ServerSession(connection);
    // An idle client losing its connection must not crash the server; the next query reconnects.
    this.pool.on('error', (err) => console.error(`postgres: ${err.message}`));
    this.origins = new PostgresOrigins(this.pool);
    this.outbox = new PostgresOutbox(this.pool);
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      c.release();
    }
  }

  async init(): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query(MIGRATIONS_TABLE);
      const done = new Set((await c.query('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await c.query(postgresSql(m));
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      }
    });
  }

  async claim(rec: IdempotencyRecord, now: Date): Promise<Claim> {
    const args = [rec.petition, rec.key, rec.bodySha256, now, await this.session.current()];
    // A claim can vanish between our insert and our read (released by its owner): try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const ins = await this.pool.query(
        `INSERT INTO idempotency_keys (petition, key, body_sha256, created_at, claimed_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (petition, key) DO NOTHING`,
        args,
      );
      if (ins.rowCount === 1) return { state: 'new' };
      const { rows } = await this.pool.query(
        `SELECT body_sha256, status, response, created_at, ${CLAIMER_GONE} AS gone
         FROM idempotency_keys WHERE petition = $1 AND key = $2`,
        [rec.petition, rec.key],
      );
      const row = rows[0] as ClaimRow | undefined;
      if (!row) continue;
      if (row.status !== null) {
        return row.body_sha256 === rec.bodySha256
          ? { state: 'replay', status: row.status, body: row.response ?? '' }
          : { state: 'mismatch' };
      }
      if (!row.gone && now.getTime() - row.created_at.getTime() < STALE_CLAIM_MS) return { state: 'in_progress' };
      // The server that claimed it died mid-request (its session ended, or the claim is stale): take the key over.
      const took = await this.pool.query(
        `UPDATE idempotency_keys SET body_sha256 = $3, created_at = $4, claimed_by = $5
         WHERE petition = $1 AND key = $2 AND status IS NULL AND created_at = $6`,
        [...args, row.created_at],
      );
      if (took.rowCount === 1) return { state: 'new' };
    }
    return { state: 'in_progress' };
  }

  async release(rec: IdempotencyRecord): Promise<void> {
    await this.pool.query('DELETE FROM idempotency_keys WHERE petition = $1 AND key = $2 AND status IS NULL', [
      rec.petition,
      rec.key,
    ]);
  }

  async sign(
    sig: Signature | null,
    petition: string,
    idem: KeyedAnswer | null,
    now: Date,
    events: OutboxEvent[] = [],
    challenge?: SpentChallenge,
  ): Promise<number> {
    try {
      return await this.tx(async (c) => {
        if (challenge) {
          const spent = await c.query(
            'INSERT INTO spent_challenges (signature, expires_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
            [challenge.signature, challenge.expiresAt],
          );
          if (spent.rowCount !== 1) throw new ChallengeSpentError();
        }
        let added = 0;
        if (sig) {
          const ins = await c.query(
            `INSERT INTO signatures (petition, email, given_name, family_name, postal_code, country,
               phone, comment, source, origin, consent_sha256, signed_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
             ON CONFLICT (petition, email) DO NOTHING`,
            [
              sig.petition,
              sig.email,
              sig.given_name,
              sig.family_name,
              sig.postal_code,
              sig.country,
              sig.phone,
              sig.comment,
              sig.source,
              sig.origin,
              sig.consent_sha256,
              sig.signed_at,
            ],
          );
          added = ins.rowCount ?? 0;
          if (added) await insertEvents(c, events);
        }
        const putKey = async (count: number) => {
          if (!idem) return;
          await c.query(
            `INSERT INTO idempotency_keys (petition, key, body_sha256, status, response, created_at, signer_sha256)
             VALUES ($1, $2, $3, 201, $4, $5, $6)
             ON CONFLICT (petition, key) DO UPDATE SET body_sha256 = excluded.body_sha256, status = excluded.status,
               response = excluded.response, created_at = excluded.created_at, signer_sha256 = excluded.signer_sha256`,
            [
              petition,
              idem.key,
              idem.bodySha256,
              idem.response ?? JSON.stringify({ count }),
              now,
              sig ? signerHash(petition, sig.email) : null,
            ],
          );
        };
        // The petition's counter row is shared by every signature (of every server) and stays
        // locked until the commit, so it is written last: others wait on it for the commit only.
        // Only live counts need the count in the stored answer, and so the key after it.
        const answerKnown = idem !== null && idem.response !== null;
        if (answerKnown) await putKey(0);
        // Written for a repeat (and a honeypot) too: the row changes, so the commit waits for the
        // WAL flush as a new signer's does, and the answer comes no sooner.
        await addToCount(c, petition, randomShard(), added, true);
        const count = await countIn(c, petition);
        if (!answerKnown) await putKey(count);
        return count;
      });
    } catch (err) {
      if (idem) await this.release(idem).catch(() => {});
      throw err;
    }
  }

  count(petition: string): Promise<number> {
    return countIn(this.pool, petition);
  }

  async counts(): Promise<Map<string, number>> {
    const r = await this.pool.query(
      'SELECT petition, sum(count) AS count FROM petition_count_shards GROUP BY petition',
    );
    return new Map(r.rows.map((row) => [row.petition as string, Number(row.count)]));
  }

  async *exportRows(petition: string): AsyncIterable<Signature> {
    let after: [Date, string] = [new Date(0), ''];
    for (;;) {
      const { rows } = await this.pool.query<Row>(
        // Pending signers too, with an empty confirmed_at: the organizers see both (issue 19).
        `SELECT * FROM (${signedAndPending('$1', 'NULL::timestamptz')}) s
         WHERE (signed_at, email) > ($2, $3) ORDER BY signed_at, email LIMIT ${PAGE}`,
        [petition, ...after],
      );
      yield* rows.map(toSignature);
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = [last.signed_at, last.email];
    }
  }

  erase(petition: string, email: string, events: OutboxEvent[] = []): Promise<number> {
    return this.tx(async (c) => {
      const n =
        (await c.query('DELETE FROM signatures WHERE petition = $1 AND email = $2', [petition, email])).rowCount ?? 0;
      if (n > 0) {
        await addToCount(c, petition, 0, -n, false);
      }
      const signer = signerHash(petition, email);
      await c.query('DELETE FROM idempotency_keys WHERE petition = $1 AND signer_sha256 = $2', [petition, signer]);
      await dropSignerEvents(c, signer);
      if (n > 0) await insertEvents(c, events);
      // An unconfirmed signer is erased too (not counted, so the count stays).
      const pending = await c.query('DELETE FROM pending_signatures WHERE petition = $1 AND email = $2', [
        petition,
        email,
      ]);
      await c.query('DELETE FROM confirm_tokens WHERE petition = $1 AND email = $2', [petition, email]);
      return n + (pending.rowCount ?? 0);
    });
  }

  purgeSignatures(before: Date): Promise<number> {
    return this.tx(async (c) => {
      const n = (await c.query('DELETE FROM signatures WHERE signed_at < $1', [before])).rowCount ?? 0;
      if (n > 0) {
        await c.query(`INSERT INTO petition_count_shards (petition, shard, count)
          SELECT DISTINCT petition, 0, 0 FROM petition_count_shards ON CONFLICT (petition, shard) DO NOTHING`);
        await c.query(`UPDATE petition_count_shards s SET count = CASE WHEN shard = 0
          THEN (SELECT count(*) FROM signatures WHERE petition = s.petition) ELSE 0 END`);
      }
      await c.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
      await c.query('DELETE FROM outbox WHERE created_at < $1', [before]); // they hold the signers' fields
      return n;
    });
  }

  async purgeIdempotency(before: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before])).rowCount ?? 0;
  }

  async secret(name: string, fresh: string): Promise<string> {
    await this.pool.query('INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      name,
      fresh,
    ]);
    const r = await this.pool.query('SELECT value FROM server_secrets WHERE name = $1', [name]);
    return r.rows[0].value as string;
  }

  async purgeChallenges(before: Date): Promise<number> {
    return (await this.pool.query('DELETE FROM spent_challenges WHERE expires_at < $1', [before])).rowCount ?? 0;
  }

  confirmations(): ConfirmStore {
    return new PostgresConfirmStore(this.pool, (fn) => this.tx(fn));
  }

  actions(): ActionStore {
    return new SqlActionStore(postgresSteps(this.pool, (fn) => this.tx(fn)));
  }

  sql(): SqlRunner {
    return postgresRunner(this.pool);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.session.close();
    await this.pool.end();
  }
}
