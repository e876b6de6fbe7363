// Issue 23's figures: durable signatures per second and p99 latency for one server on Postgres
// and for two servers on one Postgres, each run in a throwaway schema, with the database
// settings that decide durability and speed. Load is split evenly between the servers.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withSchema } from '../server/storage/pg-url.js';

export interface LoadResult {
  created: number;
  duration: number;
  p99: number;
  p50: number;
  failed: number;
}

export interface PostgresRun {
  url: string;
  start(env: Record<string, string>): Promise<{ base: string; stop: () => Promise<void> }>;
  /** Signs against each base at once with connections / bases.length connections each. */
  sign(base: string, connections: number): Promise<LoadResult>;
  connections: number;
}

const SETTINGS = [
  'server_version',
  'synchronous_commit',
  'fsync',
  'wal_sync_method',
  'commit_delay',
  'shared_buffers',
  'max_connections',
];

async function settings(admin: pg.Client): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of SETTINGS) out[name] = (await admin.query(`SHOW ${name}`)).rows[0][name];
  return out;
}

async function run(run: PostgresRun, admin: pg.Client, servers: number) {
  const schema = `sw_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const started: { base: string; stop: () => Promise<void> }[] = [];
  try {
    const env = { DATABASE_URL: withSchema(run.url, schema) };
    for (let i = 0; i < servers; i++) started.push(await run.start(env));
    const each = Math.max(1, Math.floor(run.connections / servers));
    const results = await Promise.all(started.map((s) => run.sign(s.base, each)));
    const duration = Math.max(...results.map((r) => r.duration));
    const created = results.reduce((n, r) => n + r.created, 0);
    const stored = await admin.query(`SELECT count(*)::int AS n FROM ${schema}.signatures`);
    return {
      servers,
      connections: each * servers,
      signatures_per_s: Math.round(created / duration),
      accepted_201: created,
      stored: stored.rows[0].n as number,
      // The slower server's p99 (each load generator measures its own server).
      latency_p99_ms: Math.max(...results.map((r) => r.p99)),
      latency_p50_ms: Math.max(...results.map((r) => r.p50)),
      failed: results.reduce((n, r) => n + r.failed, 0),
    };
  } finally {
    for (const s of started) await s.stop();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
  }
}

/** One server, then two servers, on the Postgres at run.url. */
export async function postgresFigures(r: PostgresRun) {
  const admin = new pg.Client({ connectionString: r.url });
  await admin.connect();
  try {
    return {
      settings: await settings(admin),
      one_server: await run(r, admin, 1),
      two_servers: await run(r, admin, 2),
    };
  } finally {
    await admin.end();
  }
}
