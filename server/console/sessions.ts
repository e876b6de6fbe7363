// Console sessions, kept in the database so that "Sign out" ends one on every server sharing it.
// The cookie carries a random token; the database keeps only its SHA-256, so a copy of the
// database opens no session. Each session has its own CSRF token, which the page sends back in
// a header on every state-changing request.
import { randomBytes } from 'node:crypto';
import type { SqlRunner } from '../storage/sql.js';
import { sha256 } from '../validate.js';

/** A session unused this long has ended. */
export const IDLE_MS = 8 * 60 * 60 * 1000;
/** last_seen is written at most this often per session: a page of requests is not a page of writes. */
const TOUCH_MS = 60 * 1000;

export interface Session {
  email: string;
  csrf: string;
}

export class Sessions {
  constructor(private readonly sql: SqlRunner) {}

  /** Starts a session; returns the cookie's token and the CSRF token. */
  async start(email: string, now = new Date()): Promise<{ token: string; csrf: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrf = randomBytes(32).toString('base64url');
    const at = now.toISOString();
    await this.sql.run(
      'INSERT INTO organizer_sessions (id_sha256, email, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)',
      [sha256(token), email, csrf, at, at],
    );
    // Ended sessions go at the next sign-in: no timer needed.
    await this.sql.run('DELETE FROM organizer_sessions WHERE last_seen < ?', [new Date(+now - IDLE_MS).toISOString()]);
    return { token, csrf };
  }

  /** The live session a token names, kept alive; null if there is none or it has been idle too long. */
  async find(token: string, now = new Date()): Promise<Session | null> {
    const id = sha256(token);
    const rows = await this.sql.all('SELECT email, csrf, last_seen FROM organizer_sessions WHERE id_sha256 = ?', [id]);
    if (!rows.length) return null;
    const lastSeen = Date.parse(String(rows[0].last_seen));
    if (+now - lastSeen > IDLE_MS) {
      await this.end(token);
      return null;
    }
    if (+now - lastSeen > TOUCH_MS) {
      await this.sql.run('UPDATE organizer_sessions SET last_seen = ? WHERE id_sha256 = ?', [now.toISOString(), id]);
    }
    return { email: String(rows[0].email), csrf: String(rows[0].csrf) };
  }

  async end(token: string): Promise<void> {
    await this.sql.run('DELETE FROM organizer_sessions WHERE id_sha256 = ?', [sha256(token)]);
  }
}
