// Transactions written once for both databases: a generator yields its statements (with `?`
// placeholders) and is given each one's result. SQLite runs the steps synchronously inside one
// BEGIN IMMEDIATE transaction on the HTTP thread's connection, so nothing else runs between
// them; Postgres runs them on one client between BEGIN and COMMIT.
import type Database from 'better-sqlite3';
import type pg from 'pg';
import { numbered, plain, type SqlRow, type SqlValue } from './sql.js';

export interface Query {
  sql: string;
  params: SqlValue[];
}
export interface StepResult {
  rows: SqlRow[];
  changes: number;
}
export type Steps<T> = Generator<Query, T, StepResult>;

/** A statement for a step (`yield sql('…', a, b)`). */
export const sql = (text: string, ...params: SqlValue[]): Query => ({ sql: text, params });

export interface StepRunner {
  readonly kind: 'sqlite' | 'postgres';
  /** Runs the steps in one transaction; it commits (durably) before the promise resolves. */
  tx<T>(steps: Steps<T>): Promise<T>;
  /** A read outside any transaction. */
  all(text: string, params?: SqlValue[]): Promise<SqlRow[]>;
}

export function sqliteSteps(db: Database.Database): StepRunner {
  const cache = new Map<string, Database.Statement>();
  const prepared = (text: string) => {
    let st = cache.get(text);
    if (!st) cache.set(text, (st = db.prepare(text)));
    return st;
  };
  const exec = (q: Query): StepResult => {
    const st = prepared(q.sql);
    if (st.reader) return { rows: st.all(...q.params) as SqlRow[], changes: 0 };
    return { rows: [], changes: st.run(...q.params).changes };
  };
  const drive = <T>(steps: Steps<T>): T => {
    let r = steps.next();
    while (!r.done) r = steps.next(exec(r.value));
    return r.value;
  };
  return {
    kind: 'sqlite',
    tx: async <T>(steps: Steps<T>) => db.transaction(drive<T>).immediate(steps),
    all: async (text, params = []) => prepared(text).all(...params) as SqlRow[],
  };
}

export function postgresSteps(pool: pg.Pool, tx: <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>): StepRunner {
  return {
    kind: 'postgres',
    tx: (steps) =>
      tx(async (c) => {
        let r = steps.next();
        while (!r.done) {
          const res = await c.query(numbered(r.value.sql), r.value.params);
          r = steps.next({ rows: res.rows.map(plain), changes: res.rowCount ?? 0 });
        }
        return r.value;
      }),
    all: async (text, params = []) => (await pool.query(numbered(text), params)).rows.map(plain),
  };
}
