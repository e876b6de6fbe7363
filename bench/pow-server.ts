// Issue 19's figure: durable signatures per second with proof of work on, against the same server
// with it off, in alternating rounds of one run so that the shared machine's drift falls on both
// alike; with the server's CPU time per signature, which depends less on what else runs.
// Each request spends a challenge of its own, solved here by construction: the server's cost
// (check, record as spent, sign) is what is measured; a reader's solving is bench/pow-solve.mjs.
import { createChallenge } from 'altcha-lib/v1';
import { MAX_NUMBER } from '../server/challenge.js';

export const CHALLENGE_KEY = 'bench-challenge-key-0123456789abcdefghij';

export interface SignResult {
  created: number;
  duration: number;
  refused400: number;
  non2xx: number;
  p50: number;
  p99: number;
}

export interface PowRun {
  rounds: number;
  /** Starts the real CLI (a fresh database each time) with these extra arguments and environment. */
  start(
    extraArgs: string[],
    env: Record<string, string>,
  ): Promise<{ base: string; pid: number; stop(): Promise<void> }>;
  /** Signs as fast as it can for a while; `altcha(i)` is the i-th request's field, if any. */
  sign(base: string, altcha: ((i: number) => string) | null): Promise<SignResult>;
  /** GET /api/challenge as fast as it can for a while; returns the 200s per second. */
  issue(base: string): Promise<number>;
  /** CPU seconds the process has used so far, or null where that cannot be read. */
  cpuSeconds(pid: number): number | null;
}

// Challenges expire ten minutes after they are handed out, so the spent ones a server records come
// in expiry order, a second's worth at a time: the payloads here are made as if handed out at this rate.
const ISSUED_PER_S = 5_000;

/** Solved payloads, as ALTCHA clients send them. Each database is fresh, so a run may reuse them. */
async function solvedChallenges(n: number): Promise<string[]> {
  // The last expires 9 minutes from now: all are still valid, and none further out than the server gives.
  const first = Date.now() + 9 * 60_000 - (n / ISSUED_PER_S) * 1000;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const expires = new Date(first + (i / ISSUED_PER_S) * 1000);
    const c = await createChallenge({ hmacKey: CHALLENGE_KEY, number: 1, maxnumber: MAX_NUMBER, expires });
    const payload = { algorithm: c.algorithm, challenge: c.challenge, number: 1, salt: c.salt, signature: c.signature };
    out.push(Buffer.from(JSON.stringify(payload)).toString('base64'));
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `payloads` must outnumber the requests of one round: one short is a 400 and fails the bench. */
export async function proofOfWorkCost(run: PowRun, payloadCount: number) {
  const payloads = await solvedChallenges(payloadCount);
  const rounds: { off: number; on: number; cpu_us_off: number | null; cpu_us_on: number | null }[] = [];
  let refused = 0;
  let failed = 0;
  let latency = { p50: 0, p99: 0 };
  const issued: number[] = [];
  for (let round = 0; round < run.rounds; round++) {
    const figures: Record<string, { rate: number; cpu: number | null }> = {};
    for (const pow of ['off', 'on'] as const) {
      const server = await run.start(['--proof-of-work', pow], { SOLIDARITY_CHALLENGE_KEY: CHALLENGE_KEY });
      try {
        const cpu0 = run.cpuSeconds(server.pid);
        const r = await run.sign(server.base, pow === 'on' ? (i) => payloads[i] : null);
        const cpu1 = run.cpuSeconds(server.pid);
        figures[pow] = {
          rate: Math.round(r.created / r.duration),
          cpu: cpu0 === null || cpu1 === null || !r.created ? null : Math.round(((cpu1 - cpu0) / r.created) * 1e6),
        };
        refused += r.refused400;
        failed += r.non2xx;
        // A reader fetches a challenge for each signature: what handing them out costs, alone.
        if (pow === 'on') {
          latency = { p50: r.p50, p99: r.p99 };
          issued.push(await run.issue(server.base));
        }
      } finally {
        await server.stop();
      }
    }
    rounds.push({ off: figures.off.rate, on: figures.on.rate, cpu_us_off: figures.off.cpu, cpu_us_on: figures.on.cpu });
  }
  const off = median(rounds.map((r) => r.off));
  const on = median(rounds.map((r) => r.on));
  const cpus = (k: 'cpu_us_off' | 'cpu_us_on') => rounds.map((r) => r[k]).filter((x): x is number => x !== null);
  return {
    rounds,
    signatures_per_s_off: off,
    signatures_per_s_on: on,
    ratio: Math.round((on / off) * 1000) / 1000,
    ratio_per_round: rounds.map((r) => Math.round((r.on / r.off) * 1000) / 1000),
    server_cpu_us_per_signature_off: cpus('cpu_us_off').length ? median(cpus('cpu_us_off')) : null,
    server_cpu_us_per_signature_on: cpus('cpu_us_on').length ? median(cpus('cpu_us_on')) : null,
    latency_ms_on: latency,
    challenges_issued_per_s: median(issued),
    challenge_errors: refused,
    non_2xx: failed,
  };
}
