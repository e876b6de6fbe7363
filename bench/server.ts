// npm run bench:server — signatures per second over loopback against SQLite (WAL,
// synchronous=FULL), next to the raw insert rate of the same database as the ceiling.
// The server runs as its own process (the real CLI); the load generator (autocannon) runs here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore, openSqlite } from '../server/storage/sqlite.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
// Many signers at once, as when a petition goes viral: each commit then carries many rows.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 256);
const FEED = path.join(root, 'server', 'test', 'fixtures', 'feed.json');
const CONSENT = 'You may contact me about this campaign.';

interface Histogram {
  average: number;
  p50: number;
  p99: number;
}
interface Result {
  latency: Histogram;
  requests: Histogram;
  duration: number;
  errors: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-'));

/** Raw inserts into a fresh database file with the server's schema and pragmas. */
async function rawInsertRate(rowsPerTx: number, seconds: number): Promise<number> {
  const file = path.join(dir, `raw-${rowsPerTx}.db`);
  const store = new SqliteStore(file);
  await store.init();
  await store.close();
  const db = openSqlite(file);
  const insert = db.prepare(`INSERT INTO signatures (petition, email, given_name, family_name, postal_code, country,
    phone, comment, source, origin, consent_sha256, signed_at) VALUES ('open', ?, 'Rosa', 'Parks', '60601', 'US',
    NULL, NULL, NULL, NULL, ?, ?)`);
  const bump = db.prepare(`INSERT INTO petition_counts (petition, count) VALUES ('open', ?)
    ON CONFLICT (petition) DO UPDATE SET count = count + excluded.count`);
  const tx = db.transaction((start: number) => {
    for (let i = 0; i < rowsPerTx; i++)
      insert.run(`raw${start + i}@bench.example`, 'ab'.repeat(32), new Date().toISOString());
    bump.run(rowsPerTx);
  });
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    tx(n);
    n += rowsPerTx;
  }
  const rate = n / ((performance.now() - t0) / 1000);
  db.close();
  return rate;
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
  } catch {
    return null;
  }
}

async function startServer(db: string): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'server', 'cli.ts'),
      'serve',
      '--feed',
      FEED,
      '--db',
      db,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--rate-limit',
      '0',
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: '', PORT: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  const exited = new Promise((ok) => proc.on('exit', ok));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
    if (m) return { base: m[1], pid: proc.pid!, stop: async () => void (proc.kill('SIGTERM'), await exited) };
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

async function main() {
  console.log(`solidarity-widgets server bench: ${os.cpus().length} cores, Node ${process.version}`);
  const perCommit = await rawInsertRate(1, 2);
  const batched = await rawInsertRate(1000, 3);
  console.log(
    `raw SQLite inserts (WAL, synchronous=FULL): ${Math.round(perCommit)}/s one row per commit, ${Math.round(batched)}/s 1000 rows per commit (ceiling)`,
  );

  const server = await startServer(path.join(dir, 'server.db'));
  const cpuBefore = cpuSeconds(server.pid);
  let n = 0;
  const result = await autocannon({
    url: server.base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        path: '/api/petitions/open/signatures',
        // Each request is a new signer with its own idempotency key, like the widget sends.
        setupRequest: (req: Record<string, unknown>) => {
          const i = n++;
          return {
            ...req,
            headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
            body: JSON.stringify({
              given_name: 'Rosa',
              family_name: 'Parks',
              email: `signer${i}@bench.example`,
              postal_code: '60601',
              country: 'US',
              consent: { granted: true, text: CONSENT },
              source: 'bench',
            }),
          };
        },
      },
    ],
  });
  const cpuAfter = cpuSeconds(server.pid);
  const created = result.statusCodeStats['201']?.count ?? 0;
  const count = ((await (await fetch(`${server.base}/api/petitions/open`)).json()) as { count: number }).count;
  await server.stop();

  // On a shared machine the rate depends on what else runs; the server's own CPU time per
  // signature does not, and says how many one core could take.
  const cpuPerSig =
    cpuBefore !== null && cpuAfter !== null && created > 0 ? ((cpuAfter - cpuBefore) / created) * 1e6 : null;
  const figures = {
    date: new Date().toISOString(),
    cores: os.cpus().length,
    node: process.version,
    connections: CONNECTIONS,
    duration_s: result.duration,
    signatures_per_s: Math.round(created / result.duration),
    accepted_201: created,
    stored_count: count,
    non_2xx: result.non2xx,
    errors: result.errors,
    latency_ms: { p50: result.latency.p50, p99: result.latency.p99, average: result.latency.average },
    server_cpu_us_per_signature: cpuPerSig === null ? null : Math.round(cpuPerSig),
    load_average_1m: os.loadavg()[0],
    raw_insert_per_s: { one_row_per_commit: Math.round(perCommit), rows_1000_per_commit: Math.round(batched) },
    sqlite: 'WAL, synchronous=FULL',
  };
  console.log(
    `signatures: ${figures.signatures_per_s}/s durable (${created} × 201 in ${result.duration} s, ${CONNECTIONS} connections), ` +
      `latency p50 ${figures.latency_ms.p50} ms, p99 ${figures.latency_ms.p99} ms; non-2xx ${result.non2xx}, errors ${result.errors}`,
  );
  // Requests still in flight when the clock stops are stored without being counted as 201s here.
  if (cpuPerSig !== null) {
    console.log(
      `server CPU: ${Math.round(cpuPerSig)} µs per signature (≈ ${Math.round(1e6 / cpuPerSig)}/s per core); load average ${os.loadavg()[0].toFixed(1)}`,
    );
  }
  console.log(`stored count after the run: ${count} (at least every 201: ${count >= created ? 'yes' : 'NO'})`);
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', 'server.json'), JSON.stringify(figures, null, 2) + '\n');
  console.log('wrote bench/results/server.json');
  fs.rmSync(dir, { recursive: true, force: true });
  if (count < created) process.exitCode = 1;
}

await main();
