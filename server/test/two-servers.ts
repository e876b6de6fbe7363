// The local two-server rig (issue 23): two real `serve` processes (the CLI, as deployed) on one
// Postgres, each in a throwaway schema of TEST_DATABASE_URL's database, started and stopped by
// the test itself. `spread()` hands requests to them in turn, as a round-robin balancer would.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withSchema } from '../storage/pg-url.js';
import { backends, FIXTURE_FEED, serveCli, tempDir, TOKEN, type CliProcess } from './helpers.js';

export const postgres = backends.find((b) => b.name === 'postgres')!;

export interface Rig {
  servers: CliProcess[];
  /** The servers' base URLs, in start order. */
  bases: string[];
  /** The base for the n-th request of a round-robin balancer. */
  spread(n: number): string;
  /** Each server's own copy of the feed file (as on separate machines), in start order. */
  feedFiles: string[];
  /** DATABASE_URL as the servers were given it (the rig's schema on its search path). */
  databaseUrl: string;
  /** Starts one more server on the same database, with a fresh copy of the rig's feed (default: the fixture). */
  start(extraArgs?: string[]): Promise<CliProcess>;
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** Two servers (or `count`) on one fresh Postgres schema, all started before this returns. */
export async function startServers(opts: { count?: number; args?: string[]; feed?: string } = {}): Promise<Rig> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('the two-server rig needs TEST_DATABASE_URL (a Postgres database of your own)');
  const schema = `sw_rig_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path TO ${schema}`);
  const dir = tempDir();
  const feedFiles: string[] = [];
  const databaseUrl = withSchema(url, schema);
  const started: CliProcess[] = [];
  const start = async (extraArgs: string[] = []) => {
    const feedFile = path.join(dir, `feed-${feedFiles.length}.json`);
    fs.copyFileSync(opts.feed ?? FIXTURE_FEED, feedFile);
    feedFiles.push(feedFile);
    const args = ['--feed', feedFile, '--rate-limit', '0', '--max-connections-per-address', '0'];
    const cli = await serveCli([...args, ...(opts.args ?? []), ...extraArgs], {
      DATABASE_URL: databaseUrl,
      SOLIDARITY_ADMIN_TOKEN: TOKEN,
    });
    started.push(cli);
    return cli;
  };
  const servers: CliProcess[] = [];
  try {
    // One after the other: the first runs the migrations, the others find them done.
    for (let i = 0; i < (opts.count ?? 2); i++) servers.push(await start());
  } catch (err) {
    await stopAll(started);
    throw err;
  }
  const bases = servers.map((s) => s.base);
  return {
    servers,
    bases,
    spread: (n) => bases[n % bases.length],
    feedFiles,
    databaseUrl,
    start,
    async query(sql, params) {
      return (await admin.query(sql, params)).rows;
    },
    async close() {
      await stopAll(started);
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stopAll(servers: CliProcess[]): Promise<void> {
  for (const s of servers) if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.exited));
}
