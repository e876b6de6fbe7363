// GET /api/challenge: a fresh proof-of-work challenge (ALTCHA v1 JSON) for a signature POST
// (server/challenge.ts). Any page may fetch one: it is worth nothing without the work. With
// proof of work off the route answers 404 like any unknown path.
import type { FastifyInstance } from 'fastify';
import { NO_STORE } from '../cache-headers.js';
import { publicPreflight, publicRead } from '../cors.js';
import type { AppContext } from './context.js';

const challengeSchema = {
  type: 'object',
  required: ['algorithm', 'challenge', 'maxnumber', 'salt', 'signature'],
  properties: {
    algorithm: { type: 'string' },
    challenge: { type: 'string' },
    maxnumber: { type: 'integer' },
    salt: { type: 'string' },
    signature: { type: 'string' },
  },
} as const;

export async function challengeRoute(app: FastifyInstance, { challenges }: AppContext): Promise<void> {
  if (!challenges) return;
  app.addHook('onReady', () => challenges.load());
  app.options('/api/challenge', async (req, reply) => publicPreflight(req, reply));
  app.get('/api/challenge', { schema: { response: { 200: challengeSchema } } }, async (_req, reply) => {
    publicRead(reply).header('Cache-Control', NO_STORE);
    return challenges.create();
  });
}
