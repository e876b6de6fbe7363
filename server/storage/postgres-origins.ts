// OriginRecords on Postgres: every server reads the same rows, so a change made by one (or by the
// CLI) holds for all at their next signing request.
import type pg from 'pg';
import {
  ALLOWED_SQL,
  REFUSALS_SQL,
  type AllowedOriginRow,
  type OriginRecords,
  type RefusedOriginRow,
} from './origin-records.js';

export class PostgresOrigins implements OriginRecords {
  constructor(private readonly pool: pg.Pool) {}

  async isAllowed(origin: string): Promise<boolean> {
    return ((await this.pool.query('SELECT 1 FROM allowed_origins WHERE origin = $1', [origin])).rowCount ?? 0) > 0;
  }

  async allowed(): Promise<AllowedOriginRow[]> {
    const { rows } = await this.pool.query<{ origin: string; added_at: Date }>(ALLOWED_SQL);
    return rows.map((r) => ({ origin: r.origin, added_at: r.added_at.toISOString() }));
  }

  async allow(origin: string, now: Date): Promise<boolean> {
    const r = await this.pool.query(
      'INSERT INTO allowed_origins (origin, added_at) VALUES ($1, $2) ON CONFLICT (origin) DO NOTHING',
      [origin, now],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async remove(origin: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM allowed_origins WHERE origin = $1', [origin])).rowCount ?? 0) > 0;
  }

  async countRefusal(origin: string, day: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO refused_origins (origin, day, count) VALUES ($1, $2, 1)
       ON CONFLICT (origin, day) DO UPDATE SET count = refused_origins.count + 1`,
      [origin, day],
    );
  }

  async refusals(): Promise<RefusedOriginRow[]> {
    const { rows } = await this.pool.query<{ origin: string; day: string; count: string }>(REFUSALS_SQL);
    return rows.map((r) => ({ origin: r.origin, day: r.day, count: Number(r.count) }));
  }
}
