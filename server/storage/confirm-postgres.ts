// ConfirmStore on Postgres (see confirm-types.ts). Each step is one transaction; row locks
// (FOR UPDATE) keep two servers from confirming or mailing the same row twice.
import type pg from 'pg';
import { addToCount, randomShard } from './pg-count-shards.js';
import { insertEvents } from './outbox-postgres.js';
import { SIGNATURE_COLUMNS } from './signature-columns.js';
import type {
  Confirmation,
  ConfirmedEvents,
  ConfirmStore,
  NewToken,
  OutgoingMail,
  PendingSignature,
  QueuedMail,
  Signature,
} from './types.js';

type Tx = <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

export class PostgresConfirmStore implements ConfirmStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly tx: Tx,
  ) {}

  addPending(sig: PendingSignature, token: NewToken, mail: OutgoingMail, now: Date, resendAfterMs: number) {
    return this.tx(async (c) => {
      const key = [sig.petition, sig.email];
      // Serializes the signer's requests: one of two at once sees the other's mailed_at.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1 || chr(10) || $2))', key);
      const signed = await c.query('SELECT 1 FROM signatures WHERE petition = $1 AND email = $2', key);
      if (signed.rowCount) return false;
      const prev = await c.query('SELECT mailed_at FROM pending_signatures WHERE petition = $1 AND email = $2', key);
      const mailedAt = prev.rows[0]?.mailed_at as Date | undefined;
      if (mailedAt && now.getTime() - mailedAt.getTime() < resendAfterMs) return false;
      await c.query(
        `INSERT INTO pending_signatures (${SIGNATURE_COLUMNS}, lang, mailed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
         ON CONFLICT (petition, email) DO UPDATE SET mailed_at = excluded.mailed_at, lang = excluded.lang`,
        [
          ...[sig.petition, sig.email, sig.given_name, sig.family_name, sig.postal_code, sig.country, sig.phone],
          ...[sig.comment, sig.source, sig.origin, sig.consent_sha256, sig.signed_at, sig.lang, now],
        ],
      );
      await c.query(
        'INSERT INTO confirm_tokens (token_sha256, petition, email, lang, expires_at) VALUES ($1, $2, $3, $4, $5)',
        [token.sha256, sig.petition, sig.email, sig.lang, token.expiresAt],
      );
      await c.query(
        `INSERT INTO mail_queue (to_address, subject, body_text, body_html, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [mail.to, mail.subject, mail.text, mail.html, now],
      );
      return true;
    });
  }

  confirm(tokenSha256: string, now: Date, events: ConfirmedEvents): Promise<Confirmation> {
    return this.tx(async (c): Promise<Confirmation> => {
      const r = await c.query(
        'SELECT petition, email, lang, expires_at, used_at FROM confirm_tokens WHERE token_sha256 = $1 FOR UPDATE',
        [tokenSha256],
      );
      const t = r.rows[0] as
        { petition: string; email: string; lang: string; expires_at: Date; used_at: Date | null } | undefined;
      if (!t) return { state: 'unknown' };
      const key = [t.petition, t.email];
      const found = { petition: t.petition, lang: t.lang };
      const signed = await c.query('SELECT 1 FROM signatures WHERE petition = $1 AND email = $2', key);
      if (t.used_at || signed.rowCount) return { state: 'already', ...found };
      if (t.expires_at.getTime() < now.getTime()) return { state: 'expired', ...found };
      const moved = await c.query(
        `INSERT INTO signatures (${SIGNATURE_COLUMNS}, confirmed_at)
         SELECT ${SIGNATURE_COLUMNS}, $3 FROM pending_signatures WHERE petition = $1 AND email = $2
         ON CONFLICT (petition, email) DO NOTHING
         RETURNING ${SIGNATURE_COLUMNS}, confirmed_at`,
        [...key, now],
      );
      if (!moved.rowCount) return { state: 'unknown' }; // its pending signature is gone (retention, erasure)
      await addToCount(c, t.petition, randomShard(), moved.rowCount, false);
      const row = moved.rows[0];
      const sig: Signature = { ...row, signed_at: row.signed_at.toISOString(), confirmed_at: now.toISOString() };
      await insertEvents(c, events(sig));
      await c.query('DELETE FROM pending_signatures WHERE petition = $1 AND email = $2', key);
      await c.query('UPDATE confirm_tokens SET used_at = $2 WHERE token_sha256 = $1', [tokenSha256, now]);
      return { state: 'confirmed', ...found };
    });
  }

  async dueMail(now: Date, limit: number): Promise<QueuedMail[]> {
    const r = await this.pool.query(
      `SELECT id, to_address AS "to", subject, body_text AS text, body_html AS html, attempts
       FROM mail_queue WHERE next_attempt_at <= $1 ORDER BY id LIMIT $2`,
      [now, limit],
    );
    return r.rows.map((row) => ({ ...row, id: Number(row.id) }));
  }

  async mailSent(id: number): Promise<void> {
    await this.pool.query('DELETE FROM mail_queue WHERE id = $1', [id]);
  }

  async mailFailed(id: number, retryAt: Date, error: string): Promise<void> {
    await this.pool.query(
      'UPDATE mail_queue SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE id = $1',
      [id, retryAt, error],
    );
  }

  purgePending(before: Date): Promise<number> {
    return this.tx(async (c) => {
      await c.query('DELETE FROM confirm_tokens WHERE expires_at < $1', [before]);
      return (await c.query('DELETE FROM pending_signatures WHERE signed_at < $1', [before])).rowCount ?? 0;
    });
  }

  async pendingCount(petition: string): Promise<number> {
    const r = await this.pool.query('SELECT count(*) AS n FROM pending_signatures WHERE petition = $1', [petition]);
    return Number(r.rows[0].n);
  }
}
