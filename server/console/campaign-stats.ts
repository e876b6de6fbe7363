// What the console's dashboard and signer search read: counts, days, sources and sites, straight
// from the signatures table (live: organizers see what the public sees only once published).
import type { PetitionStats, Tally } from '../../src/console/api-types.js';
import type { Signature } from '../storage/types.js';
import type { SqlRunner } from '../storage/sql.js';

export const SIGNERS_PAGE = 25;

/** LIKE pattern for "contains", with LIKE's own wildcards taken literally. */
const contains = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class CampaignStats {
  constructor(private readonly sql: SqlRunner) {}

  async totals(): Promise<Map<string, { count: number; last_signed_at: string | null }>> {
    const rows = await this.sql.all(
      'SELECT petition, COUNT(*) AS count, MAX(signed_at) AS last_signed_at FROM signatures GROUP BY petition',
    );
    return new Map(
      rows.map((r) => [String(r.petition), { count: Number(r.count), last_signed_at: toIso(r.last_signed_at) }]),
    );
  }

  async petition(id: string): Promise<PetitionStats> {
    const day = this.sql.day('signed_at');
    const [total, perDay, perSource, perSite] = await Promise.all([
      this.sql.all('SELECT COUNT(*) AS count, MAX(signed_at) AS last FROM signatures WHERE petition = ?', [id]),
      this.sql.all(
        `SELECT ${day} AS day, COUNT(*) AS count FROM signatures WHERE petition = ? GROUP BY ${day} ORDER BY 1`,
        [id],
      ),
      this.tally('source', id),
      this.tally('origin', id),
    ]);
    return {
      count: Number(total[0].count),
      last_signed_at: toIso(total[0].last),
      per_day: perDay.map((r) => ({ day: String(r.day), count: Number(r.count) })),
      per_source: perSource,
      per_site: perSite,
    };
  }

  private async tally(column: 'source' | 'origin', id: string): Promise<Tally[]> {
    const rows = await this.sql.all(
      `SELECT ${column} AS key, COUNT(*) AS count FROM signatures WHERE petition = ?
       GROUP BY ${column} ORDER BY COUNT(*) DESC, ${column}`,
      [id],
    );
    return rows.map((r) => ({ key: r.key === null ? null : String(r.key), count: Number(r.count) }));
  }

  /** Signers whose email or name contains `q` (any case), newest first, one page; and how many match. */
  async signers(id: string, q: string, offset: number): Promise<{ total: number; signers: Signature[] }> {
    const where = `petition = ? AND (LOWER(email) LIKE ? ESCAPE '\\'
      OR LOWER(COALESCE(given_name, '') || ' ' || COALESCE(family_name, '')) LIKE ? ESCAPE '\\')`;
    const params = [id, contains(q), contains(q)];
    const [total, rows] = await Promise.all([
      this.sql.all(`SELECT COUNT(*) AS count FROM signatures WHERE ${where}`, params),
      this.sql.all(`SELECT * FROM signatures WHERE ${where} ORDER BY signed_at DESC, email LIMIT ? OFFSET ?`, [
        ...params,
        SIGNERS_PAGE,
        offset,
      ]),
    ]);
    return { total: Number(total[0].count), signers: rows as unknown as Signature[] };
  }
}

/** SQLite keeps ISO text; Postgres MAX() of a timestamptz arrives as an ISO string via the runner. */
function toIso(v: unknown): string | null {
  return v === null || v === undefined ? null : new Date(String(v)).toISOString();
}
