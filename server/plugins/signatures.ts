// Signing: POST /api/petitions/:id/signatures and its CORS preflight (DESIGN.md, "Answers",
// "Idempotency"). The answer is the same for a new signer, a repeat and a honeypot hit: the same
// published count, after the same durable commit (storage/types.ts, sign()).
import type { FastifyInstance } from 'fastify';
import type { Petition } from '../../src/core/feed-types.js';
import { adminTokenMatcher } from '../admin-token.js';
import { NO_STORE } from '../cache-headers.js';
import { answerPreflight } from '../cors.js';
import { challengeUsed } from '../challenge.js';
import { ApiError } from '../errors.js';
import { claimKey, idempotencyRecord } from '../idempotency.js';
import { isClosed, petitionFor, petitionParams, type PetitionParams } from '../petition-lookup.js';
import { clientKey, RateLimiter } from '../rate-limit.js';
import { ChallengeSpentError, type Signature } from '../storage/types.js';
import { checkSignature, signatureSchema, type SignatureBody } from '../validate.js';
import { usableAdminToken } from './admin.js';
import type { AppContext } from './context.js';
import { unsupportedMediaType } from './json-body.js';

declare module 'fastify' {
  interface FastifyRequest {
    petition?: Petition;
  }
}

const ROUTE = '/api/petitions/:id/signatures';

const cannotConfirm = () =>
  new ApiError(
    503,
    'cannot_confirm',
    'This petition asks signers to confirm by email, and this server cannot send email.',
  );

const createdSchema = {
  type: 'object',
  required: ['count'],
  properties: { count: { type: 'integer' } },
} as const;

export async function signatures(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { opts, feed, store, origins, allowedOrigins, counts, challenges, confirmer } = ctx;
  const limiter = new RateLimiter(opts.rateLimit ?? 30);
  const isAdmin = adminTokenMatcher(usableAdminToken(opts.adminToken));

  app.options<{ Params: PetitionParams }>(ROUTE, { schema: { params: petitionParams } }, async (req, reply) => {
    origins.signing(req, reply);
    // Headers a host page's fetch wrapper adds (e.g. traceparent) are allowed too: nothing is
    // sent with credentials, so they expose nothing.
    reply.header('Access-Control-Allow-Methods', 'POST');
    return answerPreflight(req, reply, ['Content-Type', 'Idempotency-Key']);
  });

  app.post<{ Params: PetitionParams; Body: SignatureBody }>(
    ROUTE,
    {
      schema: { params: petitionParams, body: signatureSchema, response: { 201: createdSchema } },
      onRequest: async (req, reply) => {
        reply.header('Cache-Control', NO_STORE);
        origins.signing(req, reply, await allowedOrigins.admits(req.headers.origin, new Date()));
        const wait = limiter.take(clientKey(req.ip));
        if (wait > 0) {
          const message = `Too many signatures from this address; retry in ${wait} s.`;
          throw new ApiError(429, 'rate_limited', message, undefined, { 'Retry-After': String(wait) });
        }
        const petition = petitionFor(feed, req.params.id);
        if (isClosed(petition, new Date())) throw new ApiError(410, 'petition_closed', 'This petition has closed.');
        req.petition = petition;
      },
      // No Content-Type at all means no parser ran: that is not JSON either.
      preValidation: async (req) => {
        if (req.body === undefined || req.rawBody === undefined) throw unsupportedMediaType();
      },
    },
    async (req, reply) => {
      const petition = req.petition!;
      const now = new Date();
      const idem = idempotencyRecord(petition.id, req.headers['idempotency-key'], req.rawBody!);
      if (idem) {
        const stored = await claimKey(store, idem, now);
        if (stored) return reply.code(stored.status).type('application/json; charset=utf-8').send(stored.body);
      }
      // The published count, not the live one, which would tell a repeat from a new signer
      // (unless the counts are published live: then the count once this signature is in).
      const answer = counts.live ? null : JSON.stringify({ count: counts.get(petition.id) });
      let count: number;
      try {
        const checked = checkSignature(req.body, petition, feed.get().feed.org);
        // After the body checks, so a mistyped form does not spend the reader's solved challenge.
        const challenge = challenges && !isAdmin?.(req) ? await challenges.check(req.body.altcha) : undefined;
        const origin = req.headers.origin;
        const sig: Signature | null = checked.honeypot
          ? null // a bot filled the hidden field: answer as usual, keep nothing
          : {
              ...checked.fields,
              petition: petition.id,
              email: checked.email,
              origin: origin && origin !== 'null' ? origin : null,
              consent_sha256: checked.consentSha256,
              signed_at: now.toISOString(),
            };
        // A confirming petition's signature waits as pending (not counted) for its signer's click.
        const pending = sig && petition.confirm ? sig : null;
        if (pending && !confirmer) throw cannotConfirm();
        const counted = pending ? null : sig;
        const events = ctx.outbox.created(counted, petition, now);
        const keyed = idem && { ...idem, response: answer };
        count = await store.sign(counted, petition.id, keyed, now, events, challenge);
        if (events.length) ctx.outbox.kick();
        if (pending) await confirmer!.addPending(pending, req.body.lang, petition, now);
      } catch (err) {
        if (idem) await store.release(idem);
        throw err instanceof ChallengeSpentError ? challengeUsed() : err;
      }
      // The same status, body and headers for a new signer, a repeat and a honeypot hit.
      return reply
        .code(201)
        .type('application/json; charset=utf-8')
        .send(answer ?? JSON.stringify({ count }));
    },
  );
}
