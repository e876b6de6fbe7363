// The organizers' console API under /api/admin/ (the session itself: console-session.ts). Never
// CORS-enabled; every request needs a session, and every state-changing one also a same-origin
// Origin and the CSRF token (console/guard.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NO_STORE } from '../cache-headers.js';
import { AUDIT_PAGE } from '../console/audit.js';
import { SIGNERS_PAGE } from '../console/campaign-stats.js';
import { changesState, requireCsrf, requireSameOrigin, requireSession } from '../console/guard.js';
import type { ConsoleServices } from '../console/services.js';
import type { Session } from '../console/sessions.js';
import { sendMembersCsv, sendRsvpsCsv, sendSignaturesCsv } from '../csv-export.js';
import { ApiError } from '../errors.js';
import { feedDepthProblem } from '../feed-depth.js';
import { checkServerFeed } from '../feed.js';
import { saveFeedAtomically } from '../feed-save.js';
import { knownPetition, petitionParams, type PetitionParams } from '../petition-lookup.js';
import { normalizeEmail } from '../validate.js';
import { knownEvent } from './action-admin.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyRequest {
    organizer?: Session;
  }
}

/** A feed may be far larger than a signature (MAX_BODY); this bounds what one save may send. */
export const MAX_FEED_BODY = 4 * 1024 * 1024;

const pageQuery = {
  type: 'object',
  // Query strings are text, and the app does not coerce types.
  properties: { q: { type: 'string', maxLength: 200 }, offset: { type: 'string', pattern: '^[0-9]{1,9}$' } },
} as const;

const eraseBody = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', maxLength: 320 } },
} as const;

const who = (req: FastifyRequest) => req.organizer!.email;

export async function consoleApi(
  app: FastifyInstance,
  { ctx, services }: { ctx: AppContext; services: ConsoleServices },
): Promise<void> {
  const { feed, store } = ctx;
  const { sessions, audit, stats } = services;

  app.addHook('onRequest', async (req, reply) => {
    reply.header('Cache-Control', NO_STORE);
    if (changesState(req)) requireSameOrigin(req, ctx.origins);
    req.organizer = await requireSession(req, sessions);
    if (changesState(req)) requireCsrf(req, req.organizer);
  });

  app.get('/api/admin/petitions', async () => {
    const totals = await stats.totals();
    const inFeed = feed.get().feed.petitions.map((p) => ({
      id: p.id,
      title: p.title,
      goal: p.goal ?? null,
      closes: p.closes ?? null,
      in_feed: true,
      ...(totals.get(p.id) ?? { count: 0, last_signed_at: null }),
    }));
    // Petitions taken out of the feed still hold signatures to export or erase.
    const removed = [...totals]
      .filter(([id]) => !inFeed.some((p) => p.id === id))
      .map(([id, t]) => ({ id, title: null, goal: null, closes: null, in_feed: false, ...t }));
    return { petitions: [...inFeed, ...removed] };
  });

  app.get<{ Params: PetitionParams }>(
    '/api/admin/petitions/:id/stats',
    { schema: { params: petitionParams } },
    async (req) => {
      await knownPetition(feed, store, req.params.id);
      return stats.petition(req.params.id);
    },
  );

  app.get<{ Params: PetitionParams; Querystring: { q?: string; offset?: string } }>(
    '/api/admin/petitions/:id/signers',
    { schema: { params: petitionParams, querystring: pageQuery } },
    async (req) => {
      await knownPetition(feed, store, req.params.id);
      const offset = Number(req.query.offset ?? 0);
      const found = await stats.signers(req.params.id, (req.query.q ?? '').trim(), offset);
      return { ...found, offset, page_size: SIGNERS_PAGE };
    },
  );

  app.get<{ Params: PetitionParams }>(
    '/api/admin/petitions/:id/signatures.csv',
    { schema: { params: petitionParams } },
    async (req, reply) => {
      await knownPetition(feed, store, req.params.id);
      await audit.record(who(req), 'export', req.params.id);
      return sendSignaturesCsv(reply, store, req.params.id);
    },
  );

  app.post<{ Params: PetitionParams; Body: { email: string } }>(
    '/api/admin/petitions/:id/erasures',
    { schema: { params: petitionParams, body: eraseBody } },
    async (req) => {
      await knownPetition(feed, store, req.params.id);
      const email = normalizeEmail(req.body.email);
      if (!email) throw new ApiError(400, 'invalid_field', `"${req.body.email}" is not an email address.`, 'email');
      const erased = await store.erase(req.params.id, email);
      // The address itself is not logged: keeping it would undo the erasure.
      await audit.record(who(req), 'erase', `${req.params.id}: ${erased} signature${erased === 1 ? '' : 's'}`);
      return { erased };
    },
  );

  // Events with their live counts, and how many members there are (issue 21).
  app.get('/api/admin/events', async () => {
    const actions = store.actions();
    const events = await Promise.all(
      (feed.get().feed.events ?? []).map(async (e) => ({
        id: e.id,
        title: e.title,
        starts: e.starts,
        capacity: e.capacity ?? null,
        ...(await actions.eventCounts(e.id)),
      })),
    );
    return { events, members: await actions.memberCounts() };
  });

  app.get<{ Params: PetitionParams }>(
    '/api/admin/events/:id/rsvps.csv',
    { schema: { params: petitionParams } },
    async (req, reply) => {
      await knownEvent(feed, store, req.params.id);
      await audit.record(who(req), 'export', `RSVPs of event ${req.params.id}`);
      return sendRsvpsCsv(reply, store, req.params.id);
    },
  );

  app.get('/api/admin/join/members.csv', async (req, reply) => {
    await audit.record(who(req), 'export', 'members');
    return sendMembersCsv(reply, store, feed.get().feed.chapters);
  });

  app.get<{ Querystring: { offset?: string } }>(
    '/api/admin/audit',
    { schema: { querystring: pageQuery } },
    async (req) => ({ entries: await audit.page(Number(req.query.offset ?? 0)), page_size: AUDIT_PAGE }),
  );

  app.get('/api/admin/feed', async () => feed.get().raw);

  /** The feed a request sends, if it passes the checks of `solidarity-widgets check`; else a 422 is sent. */
  function checked(body: unknown, reply: FastifyReply, what: string): boolean {
    const tooDeep = feedDepthProblem(body);
    const { feed: ok, problems } = tooDeep ? { feed: null, problems: [tooDeep] } : checkServerFeed(body);
    if (ok && !problems.length) return true;
    const message = `The feed has ${problems.length} problem${problems.length === 1 ? '' : 's'}; ${what}.`;
    void reply.code(422).send({ error: { code: 'feed_invalid', message }, problems });
    return false;
  }

  app.put<{ Body: unknown }>('/api/admin/feed', { bodyLimit: MAX_FEED_BODY }, async (req, reply) => {
    if (!checked(req.body, reply, 'nothing was saved')) return reply;
    saveFeedAtomically(feed.file, `${JSON.stringify(req.body, null, 2)}\n`);
    await audit.record(who(req), 'feed_save', feed.file);
    return { saved: true };
  });

  app.post<{ Body: unknown }>('/api/admin/feed/preview', { bodyLimit: MAX_FEED_BODY }, async (req, reply) => {
    if (!checked(req.body, reply, 'there is nothing to preview')) return reply;
    return { src: `/admin/preview/${services.drafts.put(req.body)}/feed.json` };
  });
}
