// ConfirmStore on SQLite. These writes are few (one per confirming signer, one per mail), so
// they run on the HTTP thread's connection, each in its own durable transaction; the writer
// thread (sqlite-writer.ts) keeps the hot path of ordinary signatures. A confirmation writes its
// outbox events here too, in its own transaction.
import type Database from 'better-sqlite3';
import { outboxWriter } from './outbox-sqlite.js';
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

export class SqliteConfirmStore implements ConfirmStore {
  private readonly s;
  private readonly outbox;

  constructor(private readonly db: Database.Database) {
    this.outbox = outboxWriter(db);
    this.s = {
      isSigned: db.prepare('SELECT 1 FROM signatures WHERE petition = ? AND email = ?').pluck(),
      mailedAt: db.prepare('SELECT mailed_at FROM pending_signatures WHERE petition = ? AND email = ?').pluck(),
      putPending: db.prepare(`INSERT INTO pending_signatures (${SIGNATURE_COLUMNS}, lang, mailed_at)
        VALUES (@petition, @email, @given_name, @family_name, @postal_code, @country, @phone, @comment, @source,
          @origin, @consent_sha256, @signed_at, @lang, @mailed_at)
        ON CONFLICT (petition, email) DO UPDATE SET mailed_at = excluded.mailed_at, lang = excluded.lang`),
      putToken: db.prepare(`INSERT INTO confirm_tokens (token_sha256, petition, email, lang, expires_at)
        VALUES (?, ?, ?, ?, ?)`),
      queue: db.prepare(`INSERT INTO mail_queue (to_address, subject, body_text, body_html, next_attempt_at)
        VALUES (?, ?, ?, ?, ?)`),
      token: db.prepare('SELECT petition, email, lang, expires_at, used_at FROM confirm_tokens WHERE token_sha256 = ?'),
      useToken: db.prepare('UPDATE confirm_tokens SET used_at = ? WHERE token_sha256 = ?'),
      movePending: db.prepare(`INSERT INTO signatures (${SIGNATURE_COLUMNS}, confirmed_at)
        SELECT ${SIGNATURE_COLUMNS}, ? FROM pending_signatures WHERE petition = ? AND email = ?
        ON CONFLICT (petition, email) DO NOTHING`),
      confirmed: db.prepare(
        `SELECT ${SIGNATURE_COLUMNS}, confirmed_at FROM signatures WHERE petition = ? AND email = ?`,
      ),
      dropPending: db.prepare('DELETE FROM pending_signatures WHERE petition = ? AND email = ?'),
      bump: db.prepare(`INSERT INTO petition_counts (petition, count) VALUES (?, ?)
        ON CONFLICT (petition) DO UPDATE SET count = count + excluded.count`),
      due: db.prepare(`SELECT id, to_address AS "to", subject, body_text AS text, body_html AS html, attempts
        FROM mail_queue WHERE next_attempt_at <= ? ORDER BY id LIMIT ?`),
      sent: db.prepare('DELETE FROM mail_queue WHERE id = ?'),
      failed: db.prepare(
        'UPDATE mail_queue SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
      ),
      purgePending: db.prepare('DELETE FROM pending_signatures WHERE signed_at < ?'),
      purgeTokens: db.prepare('DELETE FROM confirm_tokens WHERE expires_at < ?'),
      pendingCount: db.prepare('SELECT count(*) FROM pending_signatures WHERE petition = ?').pluck(),
    };
  }

  async addPending(sig: PendingSignature, token: NewToken, mail: OutgoingMail, now: Date, resendAfterMs: number) {
    const s = this.s;
    return this.db.transaction(() => {
      if (s.isSigned.get(sig.petition, sig.email)) return false;
      const mailedAt = s.mailedAt.get(sig.petition, sig.email) as string | undefined;
      if (mailedAt && now.getTime() - Date.parse(mailedAt) < resendAfterMs) return false;
      const at = now.toISOString();
      s.putPending.run({ ...sig, mailed_at: at });
      s.putToken.run(token.sha256, sig.petition, sig.email, sig.lang, token.expiresAt.toISOString());
      s.queue.run(mail.to, mail.subject, mail.text, mail.html, at);
      return true;
    })();
  }

  async confirm(tokenSha256: string, now: Date, events: ConfirmedEvents): Promise<Confirmation> {
    const s = this.s;
    return this.db.transaction((): Confirmation => {
      const t = s.token.get(tokenSha256) as
        { petition: string; email: string; lang: string; expires_at: string; used_at: string | null } | undefined;
      if (!t) return { state: 'unknown' };
      const found = { petition: t.petition, lang: t.lang };
      if (t.used_at || s.isSigned.get(t.petition, t.email)) return { state: 'already', ...found };
      if (Date.parse(t.expires_at) < now.getTime()) return { state: 'expired', ...found };
      const added = s.movePending.run(now.toISOString(), t.petition, t.email).changes;
      if (added === 0) return { state: 'unknown' }; // its pending signature is gone (retention, erasure)
      s.bump.run(t.petition, added);
      this.outbox.insert(events(s.confirmed.get(t.petition, t.email) as Signature));
      s.dropPending.run(t.petition, t.email);
      s.useToken.run(now.toISOString(), tokenSha256);
      return { state: 'confirmed', ...found };
    })();
  }

  async dueMail(now: Date, limit: number): Promise<QueuedMail[]> {
    return this.s.due.all(now.toISOString(), limit) as QueuedMail[];
  }

  async mailSent(id: number): Promise<void> {
    this.s.sent.run(id);
  }

  async mailFailed(id: number, retryAt: Date, error: string): Promise<void> {
    this.s.failed.run(retryAt.toISOString(), error, id);
  }

  async purgePending(before: Date): Promise<number> {
    return this.db.transaction(() => {
      this.s.purgeTokens.run(before.toISOString());
      return this.s.purgePending.run(before.toISOString()).changes;
    })();
  }

  async pendingCount(petition: string): Promise<number> {
    return this.s.pendingCount.get(petition) as number;
  }
}
