// Whether a request carries the organizers' admin token (Authorization: Bearer …), compared in
// constant time. Used by the admin routes and by signing (server-side integrations skip the
// proof of work).
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { sha256 } from './validate.js';

/** A matcher for `token`, or null when there is no token to match. */
export function adminTokenMatcher(token: string | null): ((req: FastifyRequest) => boolean) | null {
  if (!token) return null;
  const tokenHash = Buffer.from(sha256(token), 'hex');
  return (req) => {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    // Hash both sides so the comparison takes the same time whatever the length guessed.
    return !!m && timingSafeEqual(Buffer.from(sha256(m[1]), 'hex'), tokenHash);
  };
}
