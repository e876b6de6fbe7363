// OriginRecords on SQLite. Reads and the organizer's rare changes use the HTTP thread's
// connection; refusals, which any page can cause, go through the writer thread's group commit.
import type Database from 'better-sqlite3';
import {
  ALLOWED_SQL,
  REFUSALS_SQL,
  type AllowedOriginRow,
  type OriginRecords,
  type RefusedOriginRow,
} from './origin-records.js';

export class SqliteOrigins implements OriginRecords {
  private readonly stmts;

  constructor(
    db: Database.Database,
    private readonly writeRefusal: (origin: string, day: string) => Promise<number>,
  ) {
    this.stmts = {
      isAllowed: db.prepare('SELECT 1 FROM allowed_origins WHERE origin = ?').pluck(),
      allowed: db.prepare(ALLOWED_SQL),
      allow: db.prepare('INSERT INTO allowed_origins (origin, added_at) VALUES (?, ?) ON CONFLICT (origin) DO NOTHING'),
      remove: db.prepare('DELETE FROM allowed_origins WHERE origin = ?'),
      refusals: db.prepare(REFUSALS_SQL),
    };
  }

  async isAllowed(origin: string): Promise<boolean> {
    return this.stmts.isAllowed.get(origin) !== undefined;
  }

  async allowed(): Promise<AllowedOriginRow[]> {
    return this.stmts.allowed.all() as AllowedOriginRow[];
  }

  async allow(origin: string, now: Date): Promise<boolean> {
    return this.stmts.allow.run(origin, now.toISOString()).changes > 0;
  }

  async remove(origin: string): Promise<boolean> {
    return this.stmts.remove.run(origin).changes > 0;
  }

  async countRefusal(origin: string, day: string): Promise<void> {
    await this.writeRefusal(origin, day);
  }

  async refusals(): Promise<RefusedOriginRow[]> {
    return this.stmts.refusals.all() as RefusedOriginRow[];
  }
}
