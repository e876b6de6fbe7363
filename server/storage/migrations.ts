// Versioned schema migrations, applied in order at start. Each version is applied once, in a
// transaction, and recorded in schema_migrations. Add new versions at the end; never edit one
// that has shipped. The two databases differ only in a few type names, so each version is
// written once and given those names.

interface Dialect {
  time: string;
  bigint: string;
  /** An integer key the database numbers itself. */
  serial: string;
  /** After a table with a primary key: keep its rows in that key's B-tree alone (SQLite). */
  keyOnly: string;
}
// Times as ISO 8601 text: sorts right.
const SQLITE: Dialect = {
  time: 'TEXT',
  bigint: 'INTEGER',
  serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  keyOnly: ' WITHOUT ROWID',
};
const POSTGRES: Dialect = { time: 'TIMESTAMPTZ', bigint: 'BIGINT', serial: 'BIGSERIAL PRIMARY KEY', keyOnly: '' };

export interface Migration {
  version: number;
  name: string;
  /** Applied to Postgres only (state that only several servers on one database need). */
  postgresOnly?: boolean;
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
    name: 'outbox: events for webhooks and Action Network, written with the signature',
    // One row per event and destination, deleted once delivered (it holds the signer's fields).
    // signer_sha256 lets an erasure drop the signer's undelivered events. outbox_stopped: the
    // endpoints that answered 410 Gone; their events wait until `outbox retry`.
    sql: (d) => `
      CREATE TABLE outbox (
        event_id TEXT NOT NULL,
        destination TEXT NOT NULL,
        type TEXT NOT NULL,
        body TEXT NOT NULL,
        signer_sha256 TEXT,
        created_at ${d.time} NOT NULL,
        give_up_at ${d.time} NOT NULL,
        next_at ${d.time} NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending',
        last_error TEXT,
        locked_until ${d.time},
        PRIMARY KEY (event_id, destination)
      );
      CREATE INDEX outbox_due ON outbox (state, next_at);
      CREATE INDEX outbox_signer ON outbox (signer_sha256);
      CREATE TABLE outbox_stopped (destination TEXT PRIMARY KEY, reason TEXT NOT NULL, stopped_at ${d.time} NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'sites allowed to sign, and refused sites counted per day',
    // Nothing about the reader: a refused site is its origin and a count per UTC day.
    sql: (d) => `
      CREATE TABLE allowed_origins (origin TEXT PRIMARY KEY, added_at ${d.time} NOT NULL);
      CREATE TABLE refused_origins (
        origin TEXT NOT NULL,
        day TEXT NOT NULL,
        count ${d.bigint} NOT NULL,
        PRIMARY KEY (origin, day)
      );
    `,
  },
  {
    version: 5,
    name: "the organizers' console: accounts, sessions, failed sign-ins, audit log",
    // Sessions and failures are keyed by hashes: a copy of the database opens no session and
    // names no client address. The audit log never holds an erased signer's address.
    sql: (d) => `
      CREATE TABLE organizers (
        email TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at ${d.time} NOT NULL,
        password_changed_at ${d.time} NOT NULL
      );
      CREATE TABLE organizer_sessions (
        id_sha256 TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        csrf TEXT NOT NULL,
        created_at ${d.time} NOT NULL,
        last_seen ${d.time} NOT NULL
      );
      CREATE INDEX organizer_sessions_email ON organizer_sessions (email);
      CREATE TABLE sign_in_failures (key_sha256 TEXT NOT NULL, at ${d.time} NOT NULL);
      CREATE INDEX sign_in_failures_key ON sign_in_failures (key_sha256, at);
      CREATE TABLE audit_log (
        at ${d.time} NOT NULL,
        actor TEXT,
        action TEXT NOT NULL,
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
  {
    version: 6,
    name: 'idempotency claims name the server session that holds them',
    postgresOnly: true,
    // Another server takes over a claim whose session has ended (a killed server) at once,
    // instead of after the stale-claim minute (storage/pg-session.ts).
    sql: () => `ALTER TABLE idempotency_keys ADD COLUMN claimed_by TEXT;`,
  },
  {
    version: 7,
    name: 'the feed shared by every server on one database',
    postgresOnly: true,
    // One row: the feed's text and a version every server polls. shared_feed_files: the SHA-256
    // of every feed file imported, so a server started with a file never seen imports it, and one
    // started with an old copy serves the shared feed instead.
    sql: (d) => `
      CREATE TABLE shared_feed (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        text TEXT NOT NULL,
        version ${d.bigint} NOT NULL,
        saved_by TEXT NOT NULL,
        saved_at ${d.time} NOT NULL
      );
      CREATE TABLE shared_feed_files (sha256 TEXT PRIMARY KEY, imported_at ${d.time} NOT NULL);
    `,
  },
  {
    version: 8,
    name: 'petition counts in shards, so that concurrent signatures do not queue on one row',
    postgresOnly: true,
    // Every signature wrote the petition's one counter row, locked until its commit: concurrent
    // commits (of every server) queued on it instead of sharing a WAL flush. Each now writes one
    // of several rows; the count is their sum. petition_counts is left as it was, unused.
    sql: (d) => `
      CREATE TABLE petition_count_shards (
        petition TEXT NOT NULL,
        shard INTEGER NOT NULL,
        count ${d.bigint} NOT NULL,
        sign_requests ${d.bigint} NOT NULL DEFAULT 0,
        PRIMARY KEY (petition, shard)
      );
      INSERT INTO petition_count_shards (petition, shard, count, sign_requests)
        SELECT petition, 0, count, sign_requests FROM petition_counts;
    `,
  },
  {
    version: 9,
    name: 'server secrets (the challenge key); challenges already spent',
    // spent_challenges: each proof-of-work challenge signs once; a row lives until the challenge
    // would have expired anyway (server/challenge.ts).
    sql: (d) => `
      CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE spent_challenges (signature TEXT PRIMARY KEY, expires_at ${d.time} NOT NULL);
      CREATE INDEX spent_challenges_expires_at ON spent_challenges (expires_at);
    `,
  },
  {
    version: 10,
    name: 'confirmation by email: pending signatures, confirmation tokens, the mail queue',
    // A confirming petition's signature waits in pending_signatures (not counted) until its
    // token is followed; then it moves to signatures with confirmed_at. Tokens are kept as
    // SHA-256 only. mail_queue: durable, retried; a row goes once its mail is sent.
    sql: (d) => `
      ALTER TABLE signatures ADD COLUMN confirmed_at ${d.time};
      CREATE TABLE pending_signatures (
        petition TEXT NOT NULL,
        email TEXT NOT NULL,
        given_name TEXT, family_name TEXT, postal_code TEXT, country TEXT,
        phone TEXT, comment TEXT, source TEXT, origin TEXT, consent_sha256 TEXT,
        signed_at ${d.time} NOT NULL,
        lang TEXT NOT NULL,
        mailed_at ${d.time} NOT NULL,
        PRIMARY KEY (petition, email)
      );
      CREATE INDEX pending_signatures_signed_at ON pending_signatures (signed_at);
      CREATE TABLE confirm_tokens (
        token_sha256 TEXT PRIMARY KEY,
        petition TEXT NOT NULL,
        email TEXT NOT NULL,
        lang TEXT NOT NULL,
        expires_at ${d.time} NOT NULL,
        used_at ${d.time}
      );
      CREATE INDEX confirm_tokens_expires_at ON confirm_tokens (expires_at);
      CREATE TABLE mail_queue (
        id ${d.serial},
        to_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        body_text TEXT NOT NULL,
        body_html TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at ${d.time} NOT NULL,
        last_error TEXT
      );
      CREATE INDEX mail_queue_next_attempt_at ON mail_queue (next_attempt_at);
    `,
  },
  {
    version: 11,
    name: 'RSVPs to events with their counts, and members with their chapter',
    // rsvps: one per event and address; status is decided when it is stored, against the
    // event's counter row (event_counts), which every RSVP to that event writes, so a race for
    // the last seat is settled by that row's lock. members: one per address; status 'pending'
    // until a confirming join's link is followed (join.confirm), then 'member'.
    sql: (d) => `
      CREATE TABLE rsvps (
        event TEXT NOT NULL,
        email TEXT NOT NULL,
        given_name TEXT, family_name TEXT, postal_code TEXT, country TEXT,
        phone TEXT, comment TEXT, source TEXT, origin TEXT, consent_sha256 TEXT,
        status TEXT NOT NULL,
        rsvped_at ${d.time} NOT NULL,
        PRIMARY KEY (event, email)
      );
      CREATE INDEX rsvps_by_time ON rsvps (event, rsvped_at, email);
      CREATE INDEX rsvps_email ON rsvps (email);
      CREATE TABLE event_counts (
        event TEXT PRIMARY KEY,
        going ${d.bigint} NOT NULL DEFAULT 0,
        waitlisted ${d.bigint} NOT NULL DEFAULT 0
      );
      CREATE TABLE members (
        email TEXT PRIMARY KEY,
        chapter TEXT,
        given_name TEXT, family_name TEXT, postal_code TEXT, country TEXT,
        phone TEXT, comment TEXT, source TEXT, origin TEXT, consent_sha256 TEXT,
        status TEXT NOT NULL,
        lang TEXT NOT NULL,
        joined_at ${d.time} NOT NULL,
        mailed_at ${d.time},
        confirmed_at ${d.time}
      );
      CREATE INDEX members_by_time ON members (joined_at, email);
    `,
  },
  {
    version: 12,
    name: 'spent challenges kept in expiry order, in one B-tree',
    // Keyed by the HMAC signature alone, each spent challenge went to a random place in an index
    // that grows to ten minutes of signatures: every commit rewrote pages all over it. Keyed by
    // expiry first, new rows land together at the end, and the purge takes the front. A challenge's
    // expiry is inside what its signature signs, so (expires_at, signature) is unique exactly when
    // signature is. The rows are copied: a challenge spent before the upgrade stays spent.
    sql: (d) => `
      CREATE TABLE spent_challenges_by_expiry (
        expires_at ${d.time} NOT NULL,
        signature TEXT NOT NULL,
        PRIMARY KEY (expires_at, signature)
      )${d.keyOnly};
      INSERT INTO spent_challenges_by_expiry (expires_at, signature)
        SELECT expires_at, signature FROM spent_challenges;
      DROP TABLE spent_challenges;
      ALTER TABLE spent_challenges_by_expiry RENAME TO spent_challenges;
    `,
  },
];

export const sqliteSql = (m: Migration) => (m.postgresOnly ? '' : m.sql(SQLITE));
export const postgresSql = (m: Migration) => m.sql(POSTGRES);

export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;
