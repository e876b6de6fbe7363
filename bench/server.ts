// npm run bench:server — signatures per second over loopback against SQLite (WAL,
// synchronous=FULL), next to the raw insert rate of the same database as the ceiling; then
// /feed.json requests per second with a 50,000-chapter feed, and signing latency while
// several clients read that feed. The server runs as its own process (the real CLI); the load
// generator (autocannon) runs here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { SqliteStore, openSqlite } from '../server/storage/sqlite.js';
import { webhookNeverAnswers } from './outbox.js';
import { postgresFigures } from './postgres.js';
import { proofOfWorkCost } from './pow-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
// Many signers at once, as when a petition goes viral: each commit then carries many rows.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 256);
const FEED = path.join(root, 'server', 'test', 'fixtures', 'feed.json');
// Rounds of signing with proof of work off and on, alternating (bench/pow-server.ts).
const POW_ROUNDS = Number(process.env.BENCH_POW_ROUNDS ?? 3);
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

async function startServer(
  db: string,
  feed = FEED,
  extraArgs: string[] = [],
  extraEnv: Record<string, string> = {},
): Promise<{ base: string; pid: number; stop: () => Promise<void> }> {
  const proc = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(root, 'server', 'cli.ts'),
      'serve',
      '--feed',
      feed,
      '--db',
      db,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--rate-limit',
      '0',
      '--max-connections-per-address',
      '0',
      '--proof-of-work',
      'off', // measured on its own (bench/pow-server.ts); extraArgs may turn it on
      ...extraArgs,
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: '', PORT: '', ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] },
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

let signer = 0;
/** A new signer per request, with its own idempotency key, as the widget sends. */
const signRequest = {
  method: 'POST',
  path: '/api/petitions/open/signatures',
  setupRequest: (req: Record<string, unknown>) => {
    const i = signer++;
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
};

/** The fixture feed with this many chapters (what a big federation publishes). */
function bigFeed(chapters: number): string {
  const feed = JSON.parse(fs.readFileSync(FEED, 'utf8'));
  feed.chapters = Array.from({ length: chapters }, (_, i) => ({
    id: `c${i}`,
    name: `Local ${i}`,
    city: `City ${i % 997}`,
    country: 'US',
    lat: ((i * 7919) % 17000) / 100 - 85,
    lng: ((i * 104729) % 36000) / 100 - 180,
    email: `local${i}@union.example`,
    url: `https://union.example/locals/${i}`,
    meets: 'Second Tuesday of the month, 7 pm, at the union hall',
    postal_codes: [String(10000 + (i % 89999))],
  }));
  const file = path.join(dir, `feed-${chapters}.json`);
  fs.writeFileSync(file, JSON.stringify(feed));
  return file;
}

const OUTBOX_SECONDS = Number(process.env.BENCH_OUTBOX_SECONDS ?? 5);
// Postgres runs only with a database to use (a throwaway schema is made in it and dropped after).
const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
const PG_SECONDS = Number(process.env.BENCH_PG_SECONDS ?? 5);
const FEED_CHAPTERS = Number(process.env.BENCH_FEED_CHAPTERS ?? 50_000);
const FEED_READERS = 8;
const FEED_SECONDS = Number(process.env.BENCH_FEED_SECONDS ?? 6);
// What browsers send: the feed may come compressed.
const BROWSER_ACCEPT = { 'accept-encoding': 'gzip, deflate, br, zstd' };

// Feed readers run in a thread of their own, on plain keep-alive requests that discard the
// body: autocannon's parser, not the server, was the limit for bodies this large.
const READER = `
  const http = require('node:http');
  const { parentPort, workerData: { url, readers, seconds, headers } } = require('node:worker_threads');
  const agent = new http.Agent({ keepAlive: true, maxSockets: readers });
  let done = 0, failed = 0;
  const end = Date.now() + seconds * 1000;
  const once = () => new Promise((ok) => http.get(url, { agent, headers }, (res) => {
    if (res.statusCode !== 200) failed++;
    res.resume();
    res.on('end', ok);
  }).on('error', () => (failed++, ok())));
  const loop = async () => { while (Date.now() < end) { await once(); done++; } };
  Promise.all(Array.from({ length: readers }, loop)).then(() => parentPort.postMessage({ done, failed }));
`;

async function readFeed(url: string, seconds: number): Promise<{ perSecond: number; failed: number }> {
  const workerData = { url, readers: FEED_READERS, seconds, headers: BROWSER_ACCEPT };
  const worker = new Worker(READER, { eval: true, workerData });
  const { done, failed } = await new Promise<{ done: number; failed: number }>((ok, no) => {
    worker.once('message', ok);
    worker.once('error', no);
  });
  await worker.terminate();
  return { perSecond: Math.round(done / seconds), failed };
}

/**
 * Latency of a new signer against a repeat of one, one request at a time: a prober must not be
 * able to tell them apart (both wait for the same durable commit).
 */
async function repeatVersusNew(base: string) {
  const seconds = 3;
  const fresh = await autocannon({ url: base, connections: 1, duration: seconds, requests: [signRequest] });
  // The same person again and again (the first of them is new), without an idempotency key.
  const repeat = await autocannon({
    url: `${base}/api/petitions/open/signatures`,
    connections: 1,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      given_name: 'Rosa',
      family_name: 'Parks',
      email: 'again@bench.example',
      postal_code: '60601',
      country: 'US',
      consent: { granted: true, text: CONSENT },
      source: 'bench',
    }),
  });
  return {
    failed: fresh.non2xx + fresh.errors + repeat.non2xx + repeat.errors,
    new_signer_p50_ms: fresh.latency.p50,
    repeat_signer_p50_ms: repeat.latency.p50,
    new_signer_average_ms: Math.round(fresh.latency.average * 100) / 100,
    repeat_signer_average_ms: Math.round(repeat.latency.average * 100) / 100,
  };
}

/** Feed requests/s, and signing latency without and with feed readers. */
async function feedUnderLoad() {
  const feedFile = bigFeed(FEED_CHAPTERS);
  const server = await startServer(path.join(dir, 'feed.db'), feedFile);
  const url = `${server.base}/feed.json`;
  try {
    const first = await fetch(url, { headers: BROWSER_ACCEPT });
    const bytes = (await first.arrayBuffer()).byteLength; // fetch decodes: the JSON's own size
    const res = await new Promise<http.IncomingMessage>((ok) => http.get(url, { headers: BROWSER_ACCEPT }, ok));
    const sent = Number(res.resume().headers['content-length'] ?? NaN);
    const { failed: timingFailed, ...timing } = await repeatVersusNew(server.base);
    const alone = await readFeed(url, FEED_SECONDS);
    const signing = () =>
      autocannon({ url: server.base, connections: 4, duration: FEED_SECONDS, requests: [signRequest] });
    const signQuiet = await signing();
    const [readers, signBusy] = await Promise.all([readFeed(url, FEED_SECONDS), signing()]);
    return {
      chapters: FEED_CHAPTERS,
      json_bytes: bytes,
      bytes_per_response: sent,
      feed_requests_per_s: alone.perSecond,
      feed_readers: FEED_READERS,
      signing_p99_ms_quiet: signQuiet.latency.p99,
      signing_p99_ms_with_feed_readers: signBusy.latency.p99,
      signing_p50_ms_with_feed_readers: signBusy.latency.p50,
      feed_requests_per_s_while_signing: readers.perSecond,
      ...timing,
      failed:
        timingFailed +
        alone.failed +
        readers.failed +
        [signQuiet, signBusy].reduce((n, r) => n + r.non2xx + r.errors, 0),
    };
  } finally {
    await server.stop();
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
  const result = await autocannon({
    url: server.base,
    connections: CONNECTIONS,
    duration: DURATION_S,
    requests: [signRequest],
  });
  const cpuAfter = cpuSeconds(server.pid);
  const created = result.statusCodeStats['201']?.count ?? 0;
  await server.stop();
  // Read from the file: the public count is published at intervals, not live.
  const db = openSqlite(path.join(dir, 'server.db'));
  const count = Number(db.prepare("SELECT count FROM petition_counts WHERE petition = 'open'").pluck().get() ?? 0);
  db.close();

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
    feed: await feedUnderLoad(),
    outbox: await webhookNeverAnswers({
      start: (args, env) => startServer(path.join(dir, `outbox-${signer}.db`), FEED, args, env),
      sign: async (base) => {
        const r = await autocannon({ url: base, connections: 64, duration: OUTBOX_SECONDS, requests: [signRequest] });
        return (r.statusCodeStats['201']?.count ?? 0) / r.duration;
      },
    }),
    proof_of_work: await proofOfWorkCost(
      {
        rounds: POW_ROUNDS,
        start: (args, env) => startServer(path.join(dir, `pow-${signer}.db`), FEED, args, env),
        cpuSeconds,
        issue: async (base) => {
          const r = await autocannon({ url: `${base}/api/challenge`, connections: 64, duration: 3 });
          return Math.round((r.statusCodeStats['200']?.count ?? 0) / r.duration);
        },
        sign: async (base, altcha) => {
          let i = 0;
          const request = altcha && {
            ...signRequest,
            setupRequest: (req: Record<string, unknown>) => {
              const out = signRequest.setupRequest(req);
              return { ...out, body: JSON.stringify({ ...JSON.parse(out.body), altcha: altcha(i++) }) };
            },
          };
          const r = await autocannon({
            url: base,
            connections: CONNECTIONS,
            duration: DURATION_S,
            requests: [request || signRequest],
          });
          return {
            created: r.statusCodeStats['201']?.count ?? 0,
            duration: r.duration,
            refused400: r.statusCodeStats['400']?.count ?? 0,
            non2xx: r.non2xx,
            p50: r.latency.p50,
            p99: r.latency.p99,
          };
        },
      },
      DURATION_S * 20_000,
    ),
    postgres: PG_URL
      ? await postgresFigures({
          url: PG_URL,
          connections: CONNECTIONS,
          start: (env) => startServer(path.join(dir, 'unused.db'), FEED, [], env),
          sign: async (base, connections) => {
            const r = await autocannon({ url: base, connections, duration: PG_SECONDS, requests: [signRequest] });
            const created = r.statusCodeStats['201']?.count ?? 0;
            return {
              created,
              duration: r.duration,
              p99: r.latency.p99,
              p50: r.latency.p50,
              failed: r.non2xx + r.errors,
            };
          },
        })
      : null,
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
  const f = figures.feed;
  console.log(
    `feed (${f.chapters} chapters, ${f.json_bytes} B of JSON, ${f.bytes_per_response} B per response to a browser): ` +
      `${f.feed_requests_per_s} requests/s with ${f.feed_readers} readers`,
  );
  console.log(
    `signing p99 ${f.signing_p99_ms_quiet} ms alone, ${f.signing_p99_ms_with_feed_readers} ms while ` +
      `${f.feed_readers} clients read the feed (p50 ${f.signing_p50_ms_with_feed_readers} ms; ` +
      `feed ${f.feed_requests_per_s_while_signing} requests/s meanwhile)`,
  );
  console.log(
    `one at a time: a new signer ${f.new_signer_average_ms} ms on average (p50 ${f.new_signer_p50_ms} ms), ` +
      `a repeat ${f.repeat_signer_average_ms} ms (p50 ${f.repeat_signer_p50_ms} ms)`,
  );
  const o = figures.outbox;
  console.log(
    `signing with no webhook ${o.signatures_per_s_no_webhook}/s, with a webhook that never answers ` +
      `${o.signatures_per_s_webhook_never_answers}/s ` +
      `(ratio ${o.ratio}; within 10%: ${o.within_10_percent ? 'yes' : 'NO'})`,
  );
  const pow = figures.proof_of_work;
  console.log(
    `proof of work, ${pow.rounds.length} alternating rounds: ${pow.signatures_per_s_off}/s off, ` +
      `${pow.signatures_per_s_on}/s on (medians; ratio ${pow.ratio}, per round ${pow.ratio_per_round.join(', ')}); ` +
      `server CPU ${pow.server_cpu_us_per_signature_off} µs per signature off, ` +
      `${pow.server_cpu_us_per_signature_on} µs on; on: p50 ${pow.latency_ms_on.p50} ms, ` +
      `${pow.challenge_errors} refused challenges, non-2xx ${pow.non_2xx}; ` +
      `GET /api/challenge alone: ${pow.challenges_issued_per_s}/s`,
  );
  const pgf = figures.postgres;
  if (pgf) {
    const s = pgf.settings;
    console.log(
      `Postgres ${s.server_version} (synchronous_commit=${s.synchronous_commit}, fsync=${s.fsync}, ` +
        `wal_sync_method=${s.wal_sync_method}, commit_delay=${s.commit_delay}, shared_buffers=${s.shared_buffers})`,
    );
    for (const r of [pgf.one_server, pgf.two_servers]) {
      console.log(
        `  ${r.servers} server(s): ${r.signatures_per_s}/s durable, p99 ${r.latency_p99_ms} ms, ` +
          `p50 ${r.latency_p50_ms} ms (${r.connections} connections; failed ${r.failed}; stored ${r.stored} ≥ ${r.accepted_201})`,
      );
    }
  } else console.log('Postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL to a database it may use)');
  console.log(`stored count after the run: ${count} (at least every 201: ${count >= created ? 'yes' : 'NO'})`);
  fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench', 'results', 'server.json'), JSON.stringify(figures, null, 2) + '\n');
  console.log('wrote bench/results/server.json');
  fs.rmSync(dir, { recursive: true, force: true });
  const pgLost = pgf ? [pgf.one_server, pgf.two_servers].some((r) => r.stored < r.accepted_201 || r.failed > 0) : false;
  if (count < created || f.failed > 0 || pow.non_2xx > 0 || pgLost) process.exitCode = 1;
}

await main();
