// Events (issue 21): GET /api/events/:id answers the event with its live counts, and
// POST /api/events/:id/rsvps takes an RSVP with a signature's semantics (action-route.ts): a seat
// while the event has fewer than `capacity` going, else a place on the waiting list, decided by
// the store in the RSVP's transaction (storage/actions.ts).
import type { FastifyInstance } from 'fastify';
import type { EventAnswer, RsvpAnswer } from '../../src/core/action-api.js';
import type { Petition, SignatureField, SolidarityEvent } from '../../src/core/feed-types.js';
import { actionGuard, actionPreflight, keyedAction, signerOf } from '../action-route.js';
import { NO_CACHE } from '../cache-headers.js';
import { publicPreflight, publicRead } from '../cors.js';
import { ApiError } from '../errors.js';
import type { FeedSource } from '../feed.js';
import { petitionParams, type PetitionParams } from '../petition-lookup.js';
import { actionKey, type Rsvp } from '../storage/action-types.js';
import { checkSignature, signatureSchema, type SignatureBody } from '../validate.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    solidarityEvent?: SolidarityEvent;
  }
}

const RSVPS = '/api/events/:id/rsvps';

/** The event in the current feed; 404 event_not_found otherwise. */
export function eventFor(feed: FeedSource, id: string): SolidarityEvent {
  const e = feed.get().feed.events?.find((x) => x.id === id);
  if (!e) throw new ApiError(404, 'event_not_found', `There is no event "${id}".`);
  return e;
}

/** An event is over once it ends (or, without an end, once it starts). */
export const isOver = (e: SolidarityEvent, now: Date) => Date.parse(e.ends ?? e.starts) <= now.getTime();

/** What checkSignature needs of an event: its fields and its consent. */
const asAction = (e: SolidarityEvent): Petition => ({ id: e.id, title: e.title, fields: e.fields, consent: e.consent });

const text = { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] };
const nullable = (t: string) => ({ type: [t, 'null'] });
const countsSchema = { going: { type: 'integer' }, waitlisted: { type: 'integer' }, capacity: nullable('integer') };

const eventSchema = {
  type: 'object',
  required: ['id', 'title', 'starts', 'ends', 'capacity', 'going', 'waitlisted', 'fields', 'consent'],
  properties: {
    id: { type: 'string' },
    title: text,
    starts: { type: 'string' },
    ends: nullable('string'),
    ...countsSchema,
    fields: { type: 'array', items: { type: 'string' } },
    consent: { anyOf: [...text.anyOf, { type: 'null' }] },
  },
} as const;

const rsvpSchema = {
  type: 'object',
  required: ['status', 'going', 'waitlisted', 'capacity'],
  properties: { status: { enum: ['going', 'waitlisted'] }, ...countsSchema },
} as const;

export async function events(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const { feed, store } = ctx;
  const actions = store.actions();
  const guard = actionGuard(ctx, 'RSVPs');

  app.options<{ Params: PetitionParams }>('/api/events/:id', async (req, reply) => {
    eventFor(feed, req.params.id);
    return publicPreflight(req, reply);
  });

  app.get<{ Params: PetitionParams }>(
    '/api/events/:id',
    { schema: { params: petitionParams, response: { 200: eventSchema } } },
    async (req, reply): Promise<EventAnswer> => {
      publicRead(reply).header('Cache-Control', NO_CACHE);
      const e = eventFor(feed, req.params.id);
      const { going, waitlisted } = await actions.eventCounts(e.id);
      const consent = e.consent ?? feed.get().feed.org?.consent ?? null;
      const fields = (e.fields ?? []) as SignatureField[];
      return {
        id: e.id,
        title: e.title,
        starts: e.starts,
        ends: e.ends ?? null,
        capacity: e.capacity ?? null,
        going,
        waitlisted,
        fields,
        consent,
      };
    },
  );

  actionPreflight(app, ctx, RSVPS);

  app.post<{ Params: PetitionParams; Body: SignatureBody }>(
    RSVPS,
    {
      schema: { params: petitionParams, body: signatureSchema, response: { 201: rsvpSchema } },
      onRequest: guard.onRequest((req) => {
        const e = eventFor(feed, (req.params as PetitionParams).id);
        if (e.rsvp !== true) throw new ApiError(404, 'rsvp_not_open', 'This event does not take RSVPs.');
        if (isOver(e, new Date())) throw new ApiError(410, 'event_over', 'This event is over.');
        req.solidarityEvent = e;
      }),
      preValidation: guard.preValidation,
    },
    async (req, reply) => {
      const e = req.solidarityEvent!;
      const now = new Date();
      const capacity = e.capacity ?? null;
      return keyedAction(ctx, actionKey('event', e.id), req, reply, async (idem) => {
        const checked = checkSignature(req.body, asAction(e), feed.get().feed.org, 'event');
        // After the body checks, so a mistyped form does not spend the reader's solved challenge.
        const challenge = await guard.challenge(req, req.body.altcha);
        const signer = signerOf(checked, req);
        // Its status is decided by the store.
        const rsvp: Rsvp | null = signer && { ...signer, event: e.id, status: 'going', rsvped_at: now.toISOString() };
        let written = false;
        const answer = (o: Omit<RsvpAnswer, 'capacity'>) => JSON.stringify({ ...o, capacity } satisfies RsvpAnswer);
        const outcome = await actions.rsvp({
          rsvp,
          event: e.id,
          capacity,
          idem: idem && { ...idem, response: null },
          now,
          events: (stored) => {
            const out = ctx.outbox.actions.rsvpCreated(stored, now);
            written = out.length > 0;
            return out;
          },
          challenge,
          answer,
        });
        if (written) ctx.outbox.kick();
        return answer(outcome);
      });
    },
  );
}
