// GET /api/petitions/:id: one petition with its published count, for widgets without the feed. It
// carries fields and consent too, so such a widget can ask for what the server will require.
import type { FastifyInstance } from 'fastify';
import { petitionAnswer } from '../../src/core/petition-api.js';
import { NO_CACHE } from '../cache-headers.js';
import { publicPreflight, publicRead } from '../cors.js';
import { petitionFor, petitionParams, type PetitionParams } from '../petition-lookup.js';
import type { AppContext } from './context.js';

/** Title and consent are feed text: a string or translations by language. */
const text = { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] };

const petitionSchema = {
  type: 'object',
  required: ['id', 'title', 'goal', 'count', 'closes', 'fields', 'consent'],
  properties: {
    id: { type: 'string' },
    title: text,
    goal: { type: ['number', 'null'] },
    count: { type: 'integer' },
    closes: { type: ['string', 'null'] },
    fields: { type: 'array', items: { type: 'string' } },
    consent: { anyOf: [...text.anyOf, { type: 'null' }] },
  },
} as const;

export async function petitions(app: FastifyInstance, { feed, counts }: AppContext): Promise<void> {
  app.options<{ Params: PetitionParams }>('/api/petitions/:id', async (req, reply) => {
    petitionFor(feed, req.params.id);
    return publicPreflight(req, reply);
  });

  app.get<{ Params: PetitionParams }>(
    '/api/petitions/:id',
    { schema: { params: petitionParams, response: { 200: petitionSchema } } },
    async (req, reply) => {
      publicRead(reply).header('Cache-Control', NO_CACHE);
      const p = petitionFor(feed, req.params.id);
      await counts.refresh();
      return petitionAnswer(p, feed.get().feed.org, counts.get(p.id));
    },
  );
}
