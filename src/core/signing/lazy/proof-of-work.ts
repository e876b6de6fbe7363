/**
 * Proof of work for a signature (docs/design.md, "GET /api/challenge"): a challenge from the
 * server, solved with altcha-lib while the reader fills the form, and sent in the body's
 * `altcha` field. Each hash is an awaited `crypto.subtle` digest, so the page's tasks stay short
 * (no worker, so no `worker-src` for hosts to allow). A server with proof of work off answers
 * 404: then nothing is added. A lazy chunk, with the sending code.
 */
import { solveChallenge } from 'altcha-lib/v1';
import { dictionary } from '../../dictionary.js';
import { fromJson, toJson } from '../plain-data.js';

interface Challenge {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
}

/** A solution older than this may expire on its way (the server gives 10 minutes). */
const FRESH_MS = 8 * 60_000;

/** One solution in the making per server, taken by the next signature sent there. */
const ready = new Map<string, { at: number; proof: Promise<string | null> }>();

const challengeUrl = (signUrl: string) => new URL('/api/challenge', signUrl).href;

async function solve(url: string): Promise<string | null> {
  const res = await fetch(url, dictionary({ credentials: 'omit' as const }));
  if (res.status === 404) return null; // proof of work is off
  if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
  const c = fromJson(await res.text()) as Challenge;
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  if (!solution) throw new Error('the challenge has no solution');
  const payload = { algorithm: c.algorithm, challenge: c.challenge, number: solution.number, salt: c.salt };
  return btoa(toJson({ ...payload, signature: c.signature }));
}

/** Starts solving a challenge for signatures to `signUrl`, unless one is on its way. */
export function prepare(signUrl: string): void {
  const url = challengeUrl(signUrl);
  const had = ready.get(url);
  if (had && Date.now() - had.at < FRESH_MS) return;
  const proof = solve(url);
  proof.catch(() => ready.delete(url)); // offline: the next signature tries again
  ready.set(url, { at: Date.now(), proof });
}

/** `body` (JSON text) with a solved challenge for `signUrl` added; unchanged when the server asks none. */
export async function withProof(signUrl: string, body: string): Promise<string> {
  prepare(signUrl);
  const url = challengeUrl(signUrl);
  const { proof } = ready.get(url)!;
  ready.delete(url); // each solution signs once
  const altcha = await proof;
  if (altcha === null) return body;
  const data = fromJson(body) as Record<string, unknown>;
  data.altcha = altcha;
  return toJson(data);
}
