import fs from 'node:fs';
import path from 'node:path';
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { SignatureStore } from './types.js';

export type { SignatureStore } from './types.js';

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(ql)?:\/\//i.test(url);

/** Opens and migrates the store: Postgres when databaseUrl is a postgres:// URL, else SQLite in dbFile. */
export async function openStore(opts: { databaseUrl?: string; dbFile: string }): Promise<SignatureStore> {
  let store: SignatureStore;
  if (isPostgresUrl(opts.databaseUrl)) {
    store = new PostgresStore(opts.databaseUrl);
  } else {
    // Only the server's own user may enter the directory that holds the signatures.
    fs.mkdirSync(path.dirname(path.resolve(opts.dbFile)), { recursive: true, mode: 0o700 });
    store = new SqliteStore(opts.dbFile);
  }
  try {
    await store.init();
  } catch (err) {
    await store.close().catch(() => {});
    throw err;
  }
  return store;
}
