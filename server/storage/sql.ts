// Plain SQL on the signatures' database, for what is not signing: the organizers' console
// (accounts, sessions, audit log, dashboard queries). Statements are written once with `?`
// placeholders; times go in as ISO 8601 strings and come out as ISO 8601 strings from both.
import type Database from 'better-sqlite3';
import type pg from 'pg';

export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

export interface SqlRunner {
  readonly kind: 'sqlite' | 'postgres';
  all(sql: string, params?: SqlValue[]): Promise<SqlRow[]>;
  /** Returns how many rows changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** The UTC day (YYYY-MM-DD) of a time column, in this dialect. */
  day(column: string): string;
}

export function sqliteRunner(db: Database.Database): SqlRunner {
  return {
    kind: 'sqlite',
    async all(sql, params = []) {
      return db.prepare(sql).all(...params) as SqlRow[];
    },
    async run(sql, params = []) {
      return db.prepare(sql).run(...params).changes;
    },
    day: (column) => `substr(${column}, 1, 10)`,
  };
}

/** pg answers COUNT(*) as a string and timestamps as Dates: both are normalized here. */
export function plain(row: Record<string, unknown>): SqlRow {
  const out: SqlRow = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === 'string' && /^(count|n)$/.test(k)) out[k] = Number(v);
    else out[k] = v as SqlValue;
  }
  return out;
}

export const numbered = (sql: string) => {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
};

export function postgresRunner(pool: pg.Pool): SqlRunner {
  return {
    kind: 'postgres',
    async all(sql, params = []) {
      return (await pool.query(numbered(sql), params)).rows.map(plain);
    },
    async run(sql, params = []) {
      return (await pool.query(numbered(sql), params)).rowCount ?? 0;
    },
    day: (column) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`,
  };
}
