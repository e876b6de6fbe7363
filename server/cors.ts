// Who may call what from a browser (DESIGN.md, "CORS"). Public reads (the script, its chunks,
// the feed, a petition's count) answer any origin without credentials; signature POSTs only the
// server's own origin and the --allow-origin list.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

export const PREFLIGHT_MAX_AGE = '7200'; // Chromium caps Access-Control-Max-Age at two hours

/** Normalizes an --allow-origin value; throws on something that is not an http(s) origin. */
export function parseOrigin(value: string): string {
  const u = new URL(value);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) origin: ${value}`);
  return u.origin;
}

export class OriginPolicy {
  private readonly allowed: Set<string>;

  constructor(allowOrigins: string[]) {
    this.allowed = new Set(allowOrigins.map(parseOrigin));
  }

  private ownOrigin(req: FastifyRequest): string {
    return `${req.protocol}://${req.host}`;
  }

  allows(origin: string, req: FastifyRequest): boolean {
    return this.allowed.has(origin) || origin === this.ownOrigin(req);
  }

  /** CORS for signature POSTs and their preflights; a request without Origin is a server-side post. */
  signing(req: FastifyRequest, reply: FastifyReply): void {
    reply.header('Vary', 'Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (!this.allows(origin, req)) {
      throw new ApiError(403, 'origin_not_allowed', `Signatures are not accepted from ${origin}.`);
    }
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Access-Control-Expose-Headers', 'Retry-After');
  }
}

/** Headers of a public read: any origin, no credentials. */
export function publicRead(reply: FastifyReply): FastifyReply {
  return reply.header('Access-Control-Allow-Origin', '*');
}
