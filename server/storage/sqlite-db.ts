// What the SQLite store's two threads share: how a database file is opened, and the messages
// between the HTTP thread and the writer thread.
import Database from 'better-sqlite3';
import type { IdempotencyRecord, Signature } from './types.js';

/** Opens a database file with the pragmas every user of it (server, writer, bench) must share. */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL mode (got ${String(mode)})`);
  // FULL: the WAL is fsynced at every commit, so a committed signature survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}

export type WriteOp = { id: number } & (
  | { kind: 'sign'; sig: Signature | null; petition: string; idem: IdempotencyRecord | null; now: string }
  | { kind: 'erase'; petition: string; email: string }
  | { kind: 'purgeSignatures'; before: string }
  | { kind: 'purgeIdempotency'; before: string }
);

export type WriteResult = { id: number } & ({ ok: true; value: number } | { ok: false; error: string });
