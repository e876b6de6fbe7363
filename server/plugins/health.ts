// GET /healthz: whether this server can do its work now, for load balancers and monitors.
import type { FastifyInstance } from 'fastify';
import { NO_STORE } from '../cache-headers.js';
import { ApiError } from '../errors.js';
import type { AppContext } from './context.js';

const healthSchema = {
  type: 'object',
  required: ['status', 'database'],
  properties: { status: { type: 'string' }, database: { type: 'string' } },
} as const;

export async function health(app: FastifyInstance, { store, log }: AppContext): Promise<void> {
  app.get('/healthz', { schema: { response: { 200: healthSchema } } }, async (_req, reply) => {
    reply.header('Cache-Control', NO_STORE);
    try {
      await store.ping();
    } catch (err) {
      log(`healthz: database does not answer: ${(err as Error).message}`);
      throw new ApiError(503, 'database_unavailable', 'The database does not answer.');
    }
    return { status: 'ok', database: store.kind };
  });
}
