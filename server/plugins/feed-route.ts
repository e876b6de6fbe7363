// GET /feed.json: the organization's feed as its file has it, each petition with its live count.
// No response schema: the feed may carry keys this server does not know, and they go out as is.
import type { FastifyInstance } from 'fastify';
import { NO_CACHE } from '../cache-headers.js';
import { publicPreflight, publicRead } from '../cors.js';
import type { AppContext } from './context.js';

export async function feedRoute(app: FastifyInstance, { feed, store }: AppContext): Promise<void> {
  app.options('/feed.json', async (req, reply) => publicPreflight(req, reply));

  app.get('/feed.json', async (_req, reply) => {
    const { raw } = feed.get();
    const counts = await store.counts();
    const petitions = Array.isArray(raw.petitions)
      ? raw.petitions.map((p: unknown) => {
          const id = (p as { id?: unknown })?.id;
          return typeof id === 'string' ? { ...(p as object), count: counts.get(id) ?? 0 } : p;
        })
      : raw.petitions;
    return publicRead(reply)
      .header('Cache-Control', NO_CACHE)
      .send({ ...raw, petitions });
  });
}
