// The organizers' routes for events and members (issue 21), behind the admin token like the
// signatures' (admin.ts): each event's RSVPs and the members as CSV, and the erasure of one
// address from every event's RSVPs and from the members.
import type { FastifyInstance } from 'fastify';
import { NO_STORE } from '../cache-headers.js';
import { sendMembersCsv, sendRsvpsCsv } from '../csv-export.js';
import { ApiError } from '../errors.js';
import type { FeedSource } from '../feed.js';
import { petitionParams, type PetitionParams } from '../petition-lookup.js';
import type { SignatureStore } from '../storage/types.js';
import { adminOnly, erasedEmail, erasedSchema, eraseQuery } from './admin.js';
import type { AppContext } from './context.js';

/** An event in the feed or with RSVPs stored (it may have been removed from the feed since). */
export async function knownEvent(feed: FeedSource, store: SignatureStore, id: string): Promise<void> {
  if (feed.get().feed.events?.some((e) => e.id === id)) return;
  const { going, waitlisted } = await store.actions().eventCounts(id);
  if (going + waitlisted === 0) throw new ApiError(404, 'event_not_found', `There is no event "${id}".`);
}

export async function actionAdmin(app: FastifyInstance, { opts, feed, store, outbox }: AppContext): Promise<void> {
  const onRequest = adminOnly(opts.adminToken);

  app.get<{ Params: PetitionParams }>(
    '/api/events/:id/rsvps.csv',
    { onRequest, schema: { params: petitionParams } },
    async (req, reply) => {
      await knownEvent(feed, store, req.params.id);
      return sendRsvpsCsv(reply, store, req.params.id);
    },
  );

  app.get('/api/join/members.csv', { onRequest }, async (_req, reply) =>
    sendMembersCsv(reply, store, feed.get().feed.chapters),
  );

  app.delete<{ Querystring: { email?: string } }>(
    '/api/people',
    { onRequest, schema: { querystring: eraseQuery, response: { 200: erasedSchema } } },
    async (req, reply) => {
      reply.header('Cache-Control', NO_STORE);
      const email = erasedEmail(req.query);
      const erased = await store.actions().erase(email, outbox.actions.personErased(email, new Date()));
      if (erased) outbox.kick();
      return { erased };
    },
  );
}
