// GET /feed.json: the organization's feed as its file has it, each petition with its published
// count, from a cached serialization (feed-cache.ts). No response schema: the feed may carry
// keys this server does not know, and they go out as is.
import type { FastifyInstance } from 'fastify';
import { NO_CACHE } from '../cache-headers.js';
import { publicPreflight, publicRead } from '../cors.js';
import type { AppContext } from './context.js';

export async function feedRoute(app: FastifyInstance, { feedCache }: AppContext): Promise<void> {
  app.options('/feed.json', async (req, reply) => publicPreflight(req, reply));

  app.get('/feed.json', (req, reply) => feedCache.send(req, publicRead(reply).header('Cache-Control', NO_CACHE)));
}
