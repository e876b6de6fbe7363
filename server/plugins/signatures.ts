// Signing: POST /api/petitions/:id/signatures and its CORS preflight (DESIGN.md, "Answers",
// "Idempotency"). The answer is the same for a new signer, a repeat and a honeypot hit: the same
// published count, after the same durable commit (storage/types.ts, sign()).
import type { FastifyInstance } from 'fastify';
import type { Petition } from '../../src/core/feed-types.js';
import { actionGuard, actionPreflight, keyedAction, signerOf } from '../action-route.js';
import { ApiError } from '../errors.js';
import { isClosed, petitionFor, petitionParams, type PetitionParams } from '../petition-lookup.js';
import type { Signature } from '../storage/types.js';
import { checkSignature, signatureSchema, type SignatureBody } from '../validate.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    petition?: Petition;
  }
}

const ROUTE = '/api/petitions/:id/signatures';

export const cannotConfirm = () =>
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
  const { feed, store, counts, confirmer } = ctx;
  const guard = actionGuard(ctx, 'signatures');

  actionPreflight(app, ctx, ROUTE);

  app.post<{ Params: PetitionParams; Body: SignatureBody }>(
    ROUTE,
    {
      schema: { params: petitionParams, body: signatureSchema, response: { 201: createdSchema } },
      onRequest: guard.onRequest((req) => {
        const petition = petitionFor(feed, (req.params as PetitionParams).id);
        if (isClosed(petition, new Date())) throw new ApiError(410, 'petition_closed', 'This petition has closed.');
        req.petition = petition;
      }),
      preValidation: guard.preValidation,
    },
    async (req, reply) => {
      const petition = req.petition!;
      const now = new Date();
      // The published count, not the live one, which would tell a repeat from a new signer
      // (unless the counts are published live: then the count once this signature is in).
      const answer = counts.live ? null : JSON.stringify({ count: counts.get(petition.id) });
      return keyedAction(
        ctx,
        petition.id,
        req,
        reply,
        async (idem) => {
          const checked = checkSignature(req.body, petition, feed.get().feed.org);
          // After the body checks, so a mistyped form does not spend the reader's solved challenge.
          const challenge = await guard.challenge(req, req.body.altcha);
          const signer = signerOf(checked, req);
          const sig: Signature | null = signer && { ...signer, petition: petition.id, signed_at: now.toISOString() };
          // A confirming petition's signature waits as pending (not counted) for its signer's click.
          const pending = sig && petition.confirm ? sig : null;
          if (pending && !confirmer) throw cannotConfirm();
          const counted = pending ? null : sig;
          const events = ctx.outbox.created(counted, petition, now);
          const keyed = idem && { ...idem, response: answer };
          const count = await store.sign(counted, petition.id, keyed, now, events, challenge);
          if (events.length) ctx.outbox.kick();
          if (pending) await confirmer!.addPending(pending, req.body.lang, petition, now);
          // The same status, body and headers for a new signer, a repeat and a honeypot hit.
          return answer ?? JSON.stringify({ count });
        },
        false,
      );
    },
  );
}
