// What every action POST shares (a signature, an RSVP, a join): the CORS preflight, the checks
// before the body is read (signing origins, rate limit), a JSON body, the proof of work, and the
// Idempotency-Key around the write (DESIGN.md, "Answers", "Idempotency").
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { adminTokenMatcher } from './admin-token.js';
import { NO_STORE } from './cache-headers.js';
import { challengeUsed } from './challenge.js';
import { answerPreflight } from './cors.js';
import { ApiError } from './errors.js';
import { claimKey, idempotencyRecord } from './idempotency.js';
import { usableAdminToken } from './plugins/admin.js';
import type { AppContext } from './plugins/context.js';
import { unsupportedMediaType } from './plugins/json-body.js';
import { clientKey, RateLimiter } from './rate-limit.js';
import type { SignerFields } from './storage/action-types.js';
import { ChallengeSpentError, type IdempotencyRecord, type SpentChallenge } from './storage/types.js';
import type { CheckedSignature } from './validate.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface ActionGuard {
  /** onRequest: no-store, the signing origins, the rate limit; then `then` (e.g. find what is acted on). */
  onRequest(then?: (req: FastifyRequest) => void): (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  /** preValidation: no Content-Type at all means no parser ran: that is not JSON either. */
  preValidation(req: FastifyRequest): Promise<void>;
  /** The spent challenge to record with the write; undefined when proof of work is off or for the admin token. */
  challenge(req: FastifyRequest, altcha: unknown): Promise<SpentChallenge | undefined>;
}

/** The checks of one kind of action; `what` names it in the rate-limit message ("signatures", "RSVPs"). */
export function actionGuard(ctx: AppContext, what: string): ActionGuard {
  const { opts, origins, allowedOrigins, challenges } = ctx;
  const limiter = new RateLimiter(opts.rateLimit ?? 30);
  const isAdmin = adminTokenMatcher(usableAdminToken(opts.adminToken));
  return {
    onRequest: (then) => async (req, reply) => {
      reply.header('Cache-Control', NO_STORE);
      origins.signing(req, reply, await allowedOrigins.admits(req.headers.origin, new Date()));
      const wait = limiter.take(clientKey(req.ip));
      if (wait > 0) {
        const message = `Too many ${what} from this address; retry in ${wait} s.`;
        throw new ApiError(429, 'rate_limited', message, undefined, { 'Retry-After': String(wait) });
      }
      then?.(req);
    },
    preValidation: async (req) => {
      if (req.body === undefined || req.rawBody === undefined) throw unsupportedMediaType();
    },
    challenge: async (req, altcha) => (challenges && !isAdmin?.(req) ? challenges.check(altcha) : undefined),
  };
}

/** The CORS preflight of an action route: any site may ask; the POST itself says who may act. */
export function actionPreflight(app: FastifyInstance, ctx: AppContext, route: string, find?: (id: string) => void) {
  app.options<{ Params: { id?: string } }>(route, async (req, reply) => {
    if (find && req.params.id !== undefined) find(req.params.id);
    ctx.origins.signing(req, reply);
    // Headers a host page's fetch wrapper adds (e.g. traceparent) are allowed too: nothing is
    // sent with credentials, so they expose nothing.
    reply.header('Access-Control-Allow-Methods', 'POST');
    return answerPreflight(req, reply, ['Content-Type', 'Idempotency-Key']);
  });
}

/**
 * Runs `act` under the request's Idempotency-Key (kept under `scope`): a stored answer is
 * replayed; otherwise `act` writes and returns the 201 body, which its write stored with the key.
 * A failed `act` gives the key up; a successful one too when `releaseAfter` (store.sign() does it itself).
 */
export async function keyedAction(
  ctx: AppContext,
  scope: string,
  req: FastifyRequest,
  reply: FastifyReply,
  act: (idem: IdempotencyRecord | null) => Promise<string>,
  releaseAfter = true,
): Promise<FastifyReply> {
  const idem = idempotencyRecord(scope, req.headers['idempotency-key'], req.rawBody!);
  if (idem) {
    const stored = await claimKey(ctx.store, idem, new Date());
    if (stored) return reply.code(stored.status).type(JSON_TYPE).send(stored.body);
  }
  let body: string;
  try {
    body = await act(idem);
  } catch (err) {
    if (idem) await ctx.store.release(idem);
    throw err instanceof ChallengeSpentError ? challengeUsed() : err;
  }
  if (idem && releaseAfter) await ctx.store.release(idem); // the answer is committed: a retry finds it
  return reply.code(201).type(JSON_TYPE).send(body);
}

/**
 * The signer's fields to store from a checked body, with the embedding page's origin; null for a
 * honeypot hit (a bot filled the hidden field: it is answered as usual, and nothing is kept).
 */
export function signerOf(checked: CheckedSignature, req: FastifyRequest): SignerFields | null {
  if (checked.honeypot) return null;
  const origin = req.headers.origin;
  return {
    ...checked.fields,
    email: checked.email,
    origin: origin && origin !== 'null' ? origin : null,
    consent_sha256: checked.consentSha256,
  };
}
