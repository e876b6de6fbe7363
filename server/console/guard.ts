// What every console API request must show: a live session (else 401), and for anything that
// changes state a same-origin Origin header (else 403) and the session's CSRF token (else 403).
// The cookie is HttpOnly, SameSite=Strict, scoped to the console's API, and Secure over HTTPS
// (directly, or behind --trust-proxy with X-Forwarded-Proto: https).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OriginPolicy } from '../cors.js';
import { ApiError } from '../errors.js';
import type { Session, Sessions } from './sessions.js';

export const COOKIE = 'sw_console';
export const COOKIE_PATH = '/api/admin';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD']);
export const changesState = (req: FastifyRequest) => !SAFE_METHODS.has(req.method);

export function sessionToken(req: FastifyRequest): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=') || null;
  }
  return null;
}

function cookie(req: FastifyRequest, value: string, extra: string[] = []): string {
  const flags = [`Path=${COOKIE_PATH}`, 'HttpOnly', 'SameSite=Strict', ...extra];
  if (req.protocol === 'https') flags.push('Secure');
  return [`${COOKIE}=${value}`, ...flags].join('; ');
}

export const setSessionCookie = (req: FastifyRequest, reply: FastifyReply, token: string) =>
  reply.header('Set-Cookie', cookie(req, token));

export const clearSessionCookie = (req: FastifyRequest, reply: FastifyReply) =>
  reply.header('Set-Cookie', cookie(req, '', ['Max-Age=0']));

/**
 * 403 unless the request's Origin is one of this server's own (--public-url, else the listen
 * address). As for signing, the Host header does not decide what the server's own origin is.
 */
export function requireSameOrigin(req: FastifyRequest, origins: OriginPolicy): void {
  const origin = req.headers.origin;
  if (!origin || !origins.ownOrigins().includes(origin)) {
    const from = origin ? `from ${origin}` : 'without an Origin header';
    // The one case that is not an attack: a server reached under a name it was not told about.
    const hint = origin ? ` (if that is this server's own address, start it with --public-url ${origin})` : '';
    throw new ApiError(403, 'cross_origin', `The console does not accept changes ${from}${hint}.`);
  }
}

export async function requireSession(req: FastifyRequest, sessions: Sessions): Promise<Session> {
  const token = sessionToken(req);
  const session = token ? await sessions.find(token) : null;
  if (!session) throw new ApiError(401, 'not_signed_in', 'Sign in to the console first (your session may have ended).');
  return session;
}

export function requireCsrf(req: FastifyRequest, session: Session): void {
  if (req.headers[CSRF_HEADER] !== session.csrf) {
    throw new ApiError(
      403,
      'csrf_token',
      "The request lacks the console's CSRF token; reload the console and try again.",
    );
  }
}
