// Shared test plumbing: a real server on 127.0.0.1:0 with a real database (a SQLite file in a
// temp dir, or a throwaway schema in TEST_DATABASE_URL's Postgres), and a plain HTTP client
// that lets tests send any bytes and headers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { buildApp, type AppOptions } from '../app.js';
import { FeedSource } from '../feed.js';
import { PostgresStore } from '../storage/postgres.js';
import { SqliteStore } from '../storage/sqlite.js';
import type { Signature, SignatureStore } from '../storage/types.js';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const FIXTURE_FEED = path.join(here, 'fixtures', 'feed.json');
export const TOKEN = 'test-token-0123456789-abcdefghijklmnop';
export const CONSENT_EN = 'You may contact me about this campaign.';
export const CONSENT_ES = 'Pueden contactarme sobre esta campaña.';

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'sw-test-'));
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Why this backend does not run here, if it does not. */
  skip?: string;
  /** A fresh, migrated, empty store, and ways to read and disturb it from outside. */
  open(): Promise<OpenBackend>;
}

export interface OpenBackend {
  store: SignatureStore;
  /** SQLite: the database file. */
  file?: string;
  dump(): Promise<string>;
  /** A query on the same database from a connection of the test's own (SQLite: kept open until cleanup). */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Makes every write fail at once (as a full disk would), from outside the store; returns the undo. */
  refuseWrites(): Promise<() => Promise<void>>;
  /** Holds the database's write lock from another connection, so writes wait; returns the release. */
  holdWriteLock(): Promise<() => Promise<void>>;
  cleanup(): Promise<void>;
}

/** The tables a signature writes to. */
const WRITTEN_TABLES = ['signatures', 'idempotency_keys'];
const REFUSAL = 'simulated: no space left on device';

const pgUrl = process.env.TEST_DATABASE_URL;

export const backends: Backend[] = [
  {
    name: 'sqlite',
    async open() {
      const dir = tempDir();
      const file = path.join(dir, 'test.db');
      const store = new SqliteStore(file);
      await store.init();
      let own: Database.Database | undefined;
      return {
        store,
        file,
        async query(sql) {
          own ??= new Database(file);
          return own.prepare(sql).all() as Record<string, unknown>[];
        },
        async dump() {
          const db = new Database(file, { readonly: true });
          try {
            const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
            return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t}`).all())).join('\n');
          } finally {
            db.close();
          }
        },
        async refuseWrites() {
          const db = new Database(file);
          for (const t of WRITTEN_TABLES) {
            db.exec(`CREATE TRIGGER refuse_${t} BEFORE INSERT ON ${t} BEGIN SELECT RAISE(FAIL, '${REFUSAL}'); END`);
          }
          return async () => {
            for (const t of WRITTEN_TABLES) db.exec(`DROP TRIGGER refuse_${t}`);
            db.close();
          };
        },
        async holdWriteLock() {
          const db = new Database(file);
          db.exec('BEGIN IMMEDIATE');
          return async () => {
            db.exec('ROLLBACK');
            db.close();
          };
        },
        async cleanup() {
          own?.close();
          await store.close();
          fs.rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  },
  {
    name: 'postgres',
    // Under CI the Postgres path must really run: a missing URL fails there instead of skipping.
    skip: pgUrl || process.env.CI === 'true' ? undefined : 'TEST_DATABASE_URL is not set',
    async open() {
      if (!pgUrl) throw new Error('CI=true but TEST_DATABASE_URL is not set: the Postgres tests cannot run');
      const schema = `sw_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const store = new PostgresStore(pgUrl, { schema, max: 20 });
      await store.init();
      await admin.query(`SET search_path TO ${schema}`);
      return {
        store,
        async query(sql) {
          return (await admin.query(sql)).rows;
        },
        async dump() {
          const out: string[] = [];
          for (const t of ['signatures', 'petition_counts', 'idempotency_keys', 'schema_migrations']) {
            out.push(JSON.stringify((await admin.query(`SELECT * FROM ${schema}.${t}`)).rows));
          }
          return out.join('\n');
        },
        async refuseWrites() {
          await admin.query(`CREATE FUNCTION ${schema}.refuse() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION '${REFUSAL}'; END $$`);
          for (const t of WRITTEN_TABLES) {
            await admin.query(`CREATE TRIGGER refuse BEFORE INSERT ON ${schema}.${t}
              FOR EACH ROW EXECUTE FUNCTION ${schema}.refuse()`);
          }
          return async () => {
            await admin.query(`DROP FUNCTION ${schema}.refuse() CASCADE`);
          };
        },
        async holdWriteLock() {
          const locker = new pg.Client({ connectionString: pgUrl });
          await locker.connect();
          await locker.query('BEGIN');
          await locker.query(`LOCK TABLE ${schema}.signatures, ${schema}.idempotency_keys IN EXCLUSIVE MODE`);
          return async () => {
            await locker.query('ROLLBACK');
            await locker.end();
          };
        },
        async cleanup() {
          await store.close();
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  },
];

export interface TestServer extends Pick<OpenBackend, 'refuseWrites' | 'holdWriteLock'> {
  base: string;
  store: SignatureStore;
  feedFile: string;
  dump(): Promise<string>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Starts the app on 127.0.0.1:0 over a fresh database and a copy of the fixture feed. */
export async function startServer(
  backend: Backend,
  opts: Partial<AppOptions> & { feedJson?: unknown; seed?: (store: SignatureStore) => Promise<void> } = {},
): Promise<TestServer> {
  const dir = tempDir();
  const feedFile = path.join(dir, 'feed.json');
  fs.writeFileSync(feedFile, opts.feedJson ? JSON.stringify(opts.feedJson) : fs.readFileSync(FIXTURE_FEED));
  const feed = new FeedSource(feedFile, () => {});
  const db = await backend.open();
  await opts.seed?.(db.store);
  const app = buildApp({
    rateLimit: 0,
    adminToken: TOKEN,
    distDir: null,
    log: () => {},
    ...opts,
    feed,
    store: db.store,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${addr.port}`,
    store: db.store,
    feedFile,
    dump: db.dump,
    query: db.query,
    refuseWrites: db.refuseWrites,
    holdWriteLock: db.holdWriteLock,
    async close() {
      await app.close();
      feed.close();
      await db.cleanup();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: Buffer;
  json(): any;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One HTTP request with exactly the given headers and body bytes. */
export function request(
  base: string,
  method: string,
  urlPath: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; json?: unknown } = {},
): Promise<Res> {
  const headers: Record<string, string> = { ...opts.headers };
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers['content-type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(urlPath, base), { method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        const text = buf.toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, text, body: buf, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function signature(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    given_name: 'Rosa',
    family_name: 'Parks',
    email: `rosa.${randomBytes(4).toString('hex')}@example.org`,
    postal_code: '60601',
    country: 'US',
    consent: { granted: true, text: CONSENT_EN },
    ...overrides,
  };
}

/** A signature as storage holds it: every optional field empty, signed now, unless `fields` says otherwise. */
export function storedSignature(fields: Partial<Signature> & { email: string }): Signature {
  return {
    petition: 'open',
    given_name: null,
    family_name: null,
    postal_code: null,
    country: null,
    phone: null,
    comment: null,
    source: null,
    origin: null,
    consent_sha256: null,
    signed_at: new Date().toISOString(),
    ...fields,
  };
}

export const sign = (base: string, body: unknown, headers: Record<string, string> = {}, petition = 'open') =>
  request(base, 'POST', `/api/petitions/${petition}/signatures`, { json: body, headers });

export const auth = { authorization: `Bearer ${TOKEN}` };

/** Parses our CSV export (RFC 4180 quoting) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface CliProcess {
  proc: import('node:child_process').ChildProcess;
  /** Set once the server says where it listens. */
  base: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Runs the real CLI (server/cli.ts through tsx) as a child process. */
export function runCli(args: string[], env: Record<string, string> = {}): Omit<CliProcess, 'base'> {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'server', 'cli.ts'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, output: () => out, exited };
}

/** Waits for the CLI to exit, with its exit code and everything it printed. */
export const finish = async (cli: ReturnType<typeof runCli>) => ({ code: await cli.exited, out: cli.output() });

/** Waits for the CLI to exit; a server that starts instead of refusing is stopped and reported as 'served'. */
export async function refusedOrServed(
  cli: ReturnType<typeof runCli>,
): Promise<{ code: number | null | 'served'; out: string }> {
  const served = new Promise<'served'>((resolve) => {
    cli.proc.stdout!.on('data', () => /serving .* on http/.test(cli.output()) && resolve('served'));
  });
  const code = await Promise.race([cli.exited, served]);
  if (code === 'served') {
    cli.proc.kill('SIGTERM');
    await cli.exited;
  }
  return { code, out: cli.output() };
}

/** Starts `serve` on 127.0.0.1 with a free port and waits until it listens. */
export async function serveCli(args: string[], env: Record<string, string> = {}): Promise<CliProcess> {
  // Proof of work off unless a test turns it on: these tests are about the API, not bots
  // (challenge.test.ts covers it); a later --proof-of-work in args wins.
  const cli = runCli(['serve', '--host', '127.0.0.1', '--port', '0', '--proof-of-work', 'off', ...args], env);
  // Generous: on a busy shared machine loading the TypeScript sources takes a while.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output());
    if (m) return { ...cli, base: m[1] };
    if (cli.proc.exitCode !== null || Date.now() > deadline) {
      cli.proc.kill('SIGKILL'); // a stuck child would keep the test run alive
      throw new Error(`server did not start:\n${cli.output()}`);
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
