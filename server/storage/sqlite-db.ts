// What the SQLite store's two threads share: how a database file is opened, and the messages
// between the HTTP thread and the writer thread.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { OutboxWriteOp } from './outbox-sqlite.js';
import type { OutboxEvent } from './outbox-types.js';
import type { KeyedAnswer, Signature } from './types.js';

/** Only the server's own user may read signatures: SQLite gives the -wal and -shm files the same mode. */
const FILE_MODE = 0o600;

/** Opens a database file with the pragmas every user of it (server, writer, bench) must share. */
export function openSqlite(file: string): Database.Database {
  try {
    fs.closeSync(fs.openSync(file, 'wx', FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const db = new Database(file);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`could not switch ${file} to WAL mode (got ${String(mode)})`);
  // FULL: the WAL is fsynced at every commit, so a committed signature survives power loss.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, so an erased signer is not left in freed pages.
  db.pragma('secure_delete = ON');
  return db;
}

export type WriteOp = { id: number } & (
  | {
      kind: 'sign';
      sig: Signature | null;
      petition: string;
      idem: KeyedAnswer | null;
      /** signerHash() of sig, null for a honeypot hit. */
      signer: string | null;
      now: string;
      /** Written only if the signature is new. */
      events: OutboxEvent[];
      /** The spent challenge's signature and expiry (ISO), recorded first. */
      challenge?: [string, string];
    }
  | { kind: 'erase'; petition: string; email: string; signer: string; events: OutboxEvent[] }
  | OutboxWriteOp
  | { kind: 'purgeSignatures'; before: string }
  | { kind: 'purgeIdempotency'; before: string }
  | { kind: 'purgeChallenges'; before: string }
  | { kind: 'refusedOrigin'; origin: string; day: string }
);

export type WriteResult = { id: number } & ({ ok: true; value: number } | { ok: false; error: string });
