// Versioned schema migrations, applied in order at start. Each version is applied once, in a
// transaction, and recorded in schema_migrations. Add new versions at the end; never edit one
// that has shipped. The two databases differ only in a few type names, so each version is
// written once and given those names.

interface Dialect {
  time: string;
  bigint: string;
}
const SQLITE: Dialect = { time: 'TEXT', bigint: 'INTEGER' }; // times as ISO 8601 text: sorts right
const POSTGRES: Dialect = { time: 'TIMESTAMPTZ', bigint: 'BIGINT' };

export interface Migration {
  version: number;
  name: string;
  sql: (d: Dialect) => string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'signatures, counts, idempotency keys',
    sql: (d) => `
      CREATE TABLE signatures (
        petition TEXT NOT NULL,
        email TEXT NOT NULL,
        given_name TEXT, family_name TEXT, postal_code TEXT, country TEXT,
        phone TEXT, comment TEXT, source TEXT, origin TEXT, consent_sha256 TEXT,
        signed_at ${d.time} NOT NULL,
        PRIMARY KEY (petition, email)
      );
      CREATE INDEX signatures_by_time ON signatures (petition, signed_at, email);
      CREATE INDEX signatures_signed_at ON signatures (signed_at);
      -- Kept in step with signatures so a count is one row read, not a scan.
      CREATE TABLE petition_counts (petition TEXT PRIMARY KEY, count ${d.bigint} NOT NULL);
      CREATE TABLE idempotency_keys (
        petition TEXT NOT NULL,
        key TEXT NOT NULL,
        body_sha256 TEXT NOT NULL,
        status INTEGER,
        response TEXT,
        created_at ${d.time} NOT NULL,
        PRIMARY KEY (petition, key)
      );
      CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
    `,
  },
  {
    version: 2,
    name: 'idempotency keys name their signer; every signature request writes its counter',
    // signer_sha256: signerHash() of the signature the request carried (null: a honeypot), so
    // erasure removes the record too. sign_requests: bumped by every signature request, new or
    // repeat, so a repeat also changes a row and waits for a real commit (see storage/types.ts).
    sql: (d) => `
      ALTER TABLE idempotency_keys ADD COLUMN signer_sha256 TEXT;
      CREATE INDEX idempotency_keys_signer ON idempotency_keys (petition, signer_sha256);
      ALTER TABLE petition_counts ADD COLUMN sign_requests ${d.bigint} NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 3,
    name: 'server secrets (the challenge key); challenges already spent',
    // spent_challenges: each proof-of-work challenge signs once; a row lives until the challenge
    // would have expired anyway (server/challenge.ts).
    sql: (d) => `
      CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE spent_challenges (signature TEXT PRIMARY KEY, expires_at ${d.time} NOT NULL);
      CREATE INDEX spent_challenges_expires_at ON spent_challenges (expires_at);
    `,
  },
];

export const sqliteSql = (m: Migration) => m.sql(SQLITE);
export const postgresSql = (m: Migration) => m.sql(POSTGRES);

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;
