// SQLite storage (better-sqlite3) in WAL mode with synchronous=FULL, so a committed transaction
// survives power loss. A commit costs an fsync, which would cap us at a few hundred signatures
// per second if each one were its own transaction; instead writes go to a writer thread
// (sqlite-writer.ts) that commits everything that arrived meanwhile in one transaction ("group
// commit"). A caller's promise resolves only after the transaction holding its row has
// committed, so a 201 still means durable. Reads (counts, idempotency lookups, export) use
// this thread's own connection: WAL lets them run beside the writer.
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { ActionStore } from './action-types.js';
import { SqlActionStore } from './actions.js';
import { SqliteConfirmStore } from './confirm-sqlite.js';
import { MIGRATIONS_TABLE, migrations, sqliteSql } from './migrations.js';
import { SqliteOutbox } from './outbox-sqlite.js';
import type { OutboxEvent } from './outbox-types.js';
import { openSqlite, type WriteOp, type WriteResult } from './sqlite-db.js';
import { signerHash } from './signer.js';
import { signedAndPending } from './signature-columns.js';
import { SqliteOrigins } from './sqlite-origins.js';
import { sqliteRunner, type SqlRunner } from './sql.js';
import { sqliteSteps } from './sql-steps.js';
import { ChallengeSpentError } from './types.js';
import type { Claim, ConfirmStore, IdempotencyRecord, KeyedAnswer, Signature, SignatureStore } from './types.js';
import type { SpentChallenge } from './types.js';

export { openSqlite } from './sqlite-db.js';

const PAGE = 1000;
// Run from source (tsx) the writer is a .ts file; in the bundle it is built beside cli.js.
const WRITER = new URL(`./sqlite-writer${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

type Pending = { resolve: (n: number) => void; reject: (err: Error) => void };
type DistributeOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class SqliteStore implements SignatureStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  private writer: Worker | null = null;
  private broken: Error | null = null;
  /** Keys being processed. SQLite serves one process, so this need not be in the database. */
  private readonly inFlight = new Set<string>();
  private readonly pending = new Map<number, Pending>();
  private queued: WriteOp[] = [];
  private nextId = 1;
  private stmts!: ReturnType<SqliteStore['prepare']>;
  origins!: SqliteOrigins;
  outbox!: SqliteOutbox;
  private confirmStore?: ConfirmStore;
  private actionStore?: ActionStore;

  constructor(private readonly file: string) {
    this.db = openSqlite(file);
  }

  async init(): Promise<void> {
    this.db.exec(MIGRATIONS_TABLE);
    const applied = new Set(this.db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(sqliteSql(m));
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      })();
    }
    this.stmts = this.prepare();
    this.origins = new SqliteOrigins(this.db, (origin, day) => this.write({ kind: 'refusedOrigin', origin, day }));
    this.outbox = new SqliteOutbox(this.db, (op) => this.write(op));
    if (this.writer) return;
    // From source (tests, bench), the thread registers the TypeScript loader first: Node 20
    // does not carry --import hooks into workers.
    const writer = WRITER.pathname.endsWith('.ts')
      ? new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
            .then((tsx) => { tsx.register(); return import(${JSON.stringify(WRITER.href)}); })`,
          { eval: true, workerData: { file: this.file } },
        )
      : new Worker(WRITER, { workerData: { file: this.file } });
    writer.on('message', (msg: WriteResult[] | 'closed') => {
      if (msg === 'closed') return;
      for (const r of msg) {
        const p = this.pending.get(r.id);
        this.pending.delete(r.id);
        if (r.ok) p?.resolve(r.value);
        else if (r.error === ChallengeSpentError.MESSAGE) p?.reject(new ChallengeSpentError());
        else p?.reject(new Error(`sqlite: ${r.error}`));
      }
    });
    const fail = (err: Error) => {
      this.broken = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    writer.on('error', fail);
    writer.on('exit', (code) => fail(new Error(`the SQLite writer thread stopped (exit ${code})`)));
    this.writer = writer;
  }

  private prepare() {
    const db = this.db;
    return {
      count: db.prepare('SELECT count FROM petition_counts WHERE petition = ?').pluck(),
      counts: db.prepare('SELECT petition, count FROM petition_counts'),
      getKey: db.prepare('SELECT body_sha256, status, response FROM idempotency_keys WHERE petition = ? AND key = ?'),
      // Pending signers too, with an empty confirmed_at: the organizers see both (issue 19).
      page: db.prepare(`SELECT * FROM (${signedAndPending('@petition', 'NULL')})
        WHERE (signed_at, email) > (@signed_at, @email) ORDER BY signed_at, email LIMIT ${PAGE}`),
    };
  }

  /** Sends a write to the writer thread; resolves once it is committed. */
  private write(op: DistributeOmit<WriteOp, 'id'>): Promise<number> {
    if (this.broken || !this.writer) return Promise.reject(this.broken ?? new Error('the store is not open'));
    const id = this.nextId++;
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // One message per event-loop turn: posting costs more than the write itself.
      if (this.queued.length === 0) setImmediate(this.post);
      this.queued.push({ ...op, id } as WriteOp);
    });
  }

  private readonly post = (): void => {
    const ops = this.queued;
    this.queued = [];
    this.writer?.postMessage(ops);
  };

  async claim(rec: IdempotencyRecord): Promise<Claim> {
    const id = rec.petition + '\0' + rec.key;
    const row = this.stmts.getKey.get(rec.petition, rec.key) as
      { body_sha256: string; status: number | null; response: string | null } | undefined;
    if (row && row.status !== null) {
      return row.body_sha256 === rec.bodySha256
        ? { state: 'replay', status: row.status, body: row.response ?? '' }
        : { state: 'mismatch' };
    }
    if (this.inFlight.has(id)) return { state: 'in_progress' };
    this.inFlight.add(id);
    return { state: 'new' };
  }

  async release(rec: IdempotencyRecord): Promise<void> {
    this.inFlight.delete(rec.petition + '\0' + rec.key);
  }

  async sign(
    sig: Signature | null,
    petition: string,
    idem: KeyedAnswer | null,
    now: Date,
    events: OutboxEvent[] = [],
    challenge?: SpentChallenge,
  ): Promise<number> {
    const signer = sig ? signerHash(petition, sig.email) : null;
    try {
      const spent: [string, string] | undefined = challenge && [challenge.signature, challenge.expiresAt.toISOString()];
      const at = now.toISOString();
      return await this.write({ kind: 'sign', sig, petition, idem, signer, now: at, events, challenge: spent });
    } finally {
      // Released only now: the stored answer is committed, so a retry finds it.
      if (idem) await this.release(idem);
    }
  }

  async count(petition: string): Promise<number> {
    return (this.stmts.count.get(petition) as number | undefined) ?? 0;
  }

  async counts(): Promise<Map<string, number>> {
    const rows = this.stmts.counts.all() as { petition: string; count: number }[];
    return new Map(rows.map((r) => [r.petition, r.count]));
  }

  async *exportRows(petition: string): AsyncIterable<Signature> {
    let after = ['', ''];
    for (;;) {
      const rows = this.stmts.page.all({ petition, signed_at: after[0], email: after[1] }) as Signature[];
      yield* rows;
      if (rows.length < PAGE) return;
      const last = rows[rows.length - 1];
      after = [last.signed_at, last.email];
    }
  }

  erase(petition: string, email: string, events: OutboxEvent[] = []): Promise<number> {
    return this.write({ kind: 'erase', petition, email, signer: signerHash(petition, email), events });
  }

  purgeSignatures(before: Date): Promise<number> {
    return this.write({ kind: 'purgeSignatures', before: before.toISOString() });
  }

  purgeIdempotency(before: Date): Promise<number> {
    return this.write({ kind: 'purgeIdempotency', before: before.toISOString() });
  }

  async secret(name: string, fresh: string): Promise<string> {
    // Once per start, so on this thread's connection (busy_timeout waits out the writer).
    this.db.prepare('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT DO NOTHING').run(name, fresh);
    return this.db.prepare('SELECT value FROM server_secrets WHERE name = ?').pluck().get(name) as string;
  }

  purgeChallenges(before: Date): Promise<number> {
    return this.write({ kind: 'purgeChallenges', before: before.toISOString() });
  }

  confirmations(): ConfirmStore {
    return (this.confirmStore ??= new SqliteConfirmStore(this.db));
  }

  actions(): ActionStore {
    // Few writes, each its own durable transaction on this thread's connection (sql-steps.ts).
    return (this.actionStore ??= new SqlActionStore(sqliteSteps(this.db)));
  }

  sql(): SqlRunner {
    return sqliteRunner(this.db);
  }

  async ping(): Promise<void> {
    if (this.broken) throw this.broken;
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    const writer = this.writer;
    if (writer) {
      this.post(); // writes queued this turn go first
      this.writer = null;
      // The writer commits what it holds, closes its connection, then says so.
      await new Promise<void>((resolve) => {
        writer.on('message', (msg) => msg === 'closed' && resolve());
        writer.on('exit', () => resolve());
        writer.postMessage('close');
      });
      await writer.terminate();
    }
    if (this.db.open) this.db.close();
  }
}
