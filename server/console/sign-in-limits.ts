// Failed sign-ins, counted per account and per client address in the database (so every server
// sharing it counts the same). After MAX_FAILURES in WINDOW_MS, further attempts are refused
// until the oldest failure in the window is old enough. Keys are hashed: the table names no one.
import type { SqlRunner } from '../storage/sql.js';
import { sha256 } from '../validate.js';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;

const keysOf = (email: string, address: string) => [sha256(`account:${email}`), sha256(`address:${address}`)];

export class SignInLimits {
  constructor(private readonly sql: SqlRunner) {}

  /** When attempts may resume, if either the account or the address has failed too often; else null. */
  async blockedUntil(email: string, address: string, now = new Date()): Promise<Date | null> {
    const since = new Date(+now - WINDOW_MS).toISOString();
    let until: Date | null = null;
    for (const key of keysOf(email, address)) {
      const rows = await this.sql.all(
        'SELECT at FROM sign_in_failures WHERE key_sha256 = ? AND at > ? ORDER BY at DESC LIMIT ?',
        [key, since, MAX_FAILURES],
      );
      if (rows.length < MAX_FAILURES) continue;
      // The oldest of the last MAX_FAILURES failures leaves the window then.
      const free = new Date(Date.parse(String(rows[MAX_FAILURES - 1].at)) + WINDOW_MS);
      if (!until || free > until) until = free;
    }
    return until;
  }

  async recordFailure(email: string, address: string, now = new Date()): Promise<void> {
    for (const key of keysOf(email, address)) {
      await this.sql.run('INSERT INTO sign_in_failures (key_sha256, at) VALUES (?, ?)', [key, now.toISOString()]);
    }
    await this.sql.run('DELETE FROM sign_in_failures WHERE at < ?', [new Date(+now - WINDOW_MS).toISOString()]);
  }

  /** A successful sign-in clears the account's failures (not the address's: it may be guessing others). */
  async clearAccount(email: string): Promise<void> {
    await this.sql.run('DELETE FROM sign_in_failures WHERE key_sha256 = ?', [keysOf(email, '')[0]]);
  }
}
