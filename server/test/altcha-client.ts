// What an ALTCHA client does, for tests: fetch a challenge from a server and solve it by brute force.
import assert from 'node:assert/strict';
import { solveChallenge } from 'altcha-lib/v1';
import { request } from './helpers.js';

const encode = (payload: object) => Buffer.from(JSON.stringify(payload)).toString('base64');

/** What an ALTCHA client sends: the challenge fetched from the server, solved by brute force. */
export async function solved(base: string): Promise<string> {
  const r = await request(base, 'GET', '/api/challenge');
  assert.equal(r.status, 200, r.text);
  const c = r.json();
  const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  assert.ok(solution, 'the challenge has a solution within maxnumber');
  return encode({
    algorithm: c.algorithm,
    challenge: c.challenge,
    number: solution.number,
    salt: c.salt,
    signature: c.signature,
  });
}
