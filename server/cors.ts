// Who may call what from a browser (DESIGN.md, "CORS"). Public reads (the script, its chunks,
// the feed, a petition's count) answer any origin without credentials, preflights included (a
// host page's fetch wrapper may add headers such as traceparent). Signature POSTs answer only the
// server's own origin, which comes from configuration (--public-url, else the listen address) and
// never from the request's Host header, and the --allow-origin list.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

export const PREFLIGHT_MAX_AGE = '7200'; // Chromium caps Access-Control-Max-Age at two hours

/** Normalizes an --allow-origin or --public-url value; throws on something that is not an http(s) URL. */
export function parseOrigin(value: string): string {
  const u = new URL(value);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) origin: ${value}`);
  return u.origin;
}

/** Where a server listening on address:port can be reached from a browser on the same machine or network. */
export function listenOrigins(address: string, port: number): string[] {
  const loopback = ['localhost', '127.0.0.1', '[::1]'].map((host) => parseOrigin(`http://${host}:${port}`));
  if (address === '0.0.0.0' || address === '::') return loopback;
  const own = parseOrigin(`http://${address.includes(':') ? `[${address}]` : address}:${port}`);
  // A loopback address is also reached as localhost (what --host localhost listens on).
  return loopback.includes(own) ? [own, loopback[0]] : [own];
}

export class OriginPolicy {
  private readonly allowed: Set<string>;
  private own: string[];

  /** publicUrl: the server's own URL; without it, ownFromListen() sets it once the server listens. */
  constructor(allowOrigins: string[], publicUrl?: string) {
    this.allowed = new Set(allowOrigins.map(parseOrigin));
    this.own = publicUrl ? [parseOrigin(publicUrl)] : [];
  }

  get configured(): boolean {
    return this.own.length > 0;
  }

  /** The server's own origins: its pages may sign. */
  ownOrigins(): readonly string[] {
    return this.own;
  }

  ownFromListen(addresses: { address: string; port: number }[]): void {
    this.own = [...new Set(addresses.flatMap((a) => listenOrigins(a.address, a.port)))];
  }

  allows(origin: string): boolean {
    return this.allowed.has(origin) || this.own.includes(origin);
  }

  /**
   * CORS for signature POSTs and their preflights; a request without Origin is a server-side post.
   * Any page may have its preflight answered and read the answer to its POST, so that a widget on
   * a site not allowed can say why it cannot sign (403 origin_not_allowed) instead of failing
   * blindly; the POST itself is refused before its body is read, and nothing is stored. An opaque
   * origin ("null": sandboxed frames, files) is refused without CORS headers. storedAllowed: the
   * origin is allowed in the database (allowed-origins.ts).
   */
  signing(req: FastifyRequest, reply: FastifyReply, storedAllowed = false): void {
    addVary(reply, 'Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (origin !== 'null') {
      reply.header('Access-Control-Allow-Origin', origin);
      reply.header('Access-Control-Expose-Headers', 'Retry-After');
    }
    if (!storedAllowed && !this.allows(origin) && (req.method !== 'OPTIONS' || origin === 'null')) {
      throw new ApiError(403, 'origin_not_allowed', `Signatures are not accepted from ${origin}.`);
    }
  }
}

/** Adds a header name to Vary, keeping those already there. */
function addVary(reply: FastifyReply, name: string): FastifyReply {
  const had = reply.getHeader('Vary');
  return reply.header('Vary', had ? `${String(had)}, ${name}` : name);
}

/** Headers of a public read: any origin, no credentials. */
export function publicRead(reply: FastifyReply): FastifyReply {
  return reply.header('Access-Control-Allow-Origin', '*');
}

/** Header names as a preflight lists them: tokens separated by commas (RFC 9110 field names). */
const HEADER_LIST = /^\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+(?:\s*,\s*[!#$%&'*+.^_`|~0-9A-Za-z-]+)*\s*$/;

/**
 * 204 to the preflight of a public read: GET and HEAD from any origin, with whatever headers
 * the page's fetch adds (echoed, since `*` is not understood everywhere). Nothing is sent with
 * credentials, so allowing any header exposes nothing.
 */
export function publicPreflight(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  publicRead(reply).header('Access-Control-Allow-Methods', 'GET, HEAD');
  return answerPreflight(req, reply, []);
}

/** 204 with Max-Age, allowing `always` and the headers the preflight asks for, if it names them properly. */
export function answerPreflight(req: FastifyRequest, reply: FastifyReply, always: string[]): FastifyReply {
  const raw = req.headers['access-control-request-headers'];
  const asked = typeof raw === 'string' && HEADER_LIST.test(raw) ? raw.split(',').map((h) => h.trim()) : [];
  const allowed = [...new Set([...always, ...asked])];
  addVary(reply, 'Access-Control-Request-Headers').header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE);
  if (allowed.length > 0) reply.header('Access-Control-Allow-Headers', allowed.join(', '));
  return reply.code(204).send();
}
