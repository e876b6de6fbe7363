// GET /healthz: 200 when a signature can be stored now (the database answers and a test write
// commits); 503 with the reason otherwise, for load balancers and monitors.
import type { FastifyInstance } from 'fastify';
import { NO_STORE } from '../cache-headers.js';
import { ApiError } from '../errors.js';
import { WriteProbe } from '../write-probe.js';
import type { AppContext } from './context.js';

const healthSchema = {
  type: 'object',
  required: ['status', 'database'],
  properties: { status: { type: 'string' }, database: { type: 'string' } },
} as const;

export async function health(app: FastifyInstance, { store, log }: AppContext): Promise<void> {
  const probe = new WriteProbe(store);
  let failing = false; // log a failure once, and the recovery, not every poll

  app.get('/healthz', { schema: { response: { 200: healthSchema } } }, async (_req, reply) => {
    reply.header('Cache-Control', NO_STORE);
    try {
      await store.ping();
    } catch (err) {
      log(`healthz: database does not answer: ${(err as Error).message}`);
      throw new ApiError(503, 'database_unavailable', 'The database does not answer.');
    }
    const { ok, reason } = await probe.check();
    if (!ok) {
      if (!failing) log(`healthz: signatures cannot be stored: ${reason}`);
      failing = true;
      throw new ApiError(503, 'cannot_store', `Signatures cannot be stored now: ${reason}.`);
    }
    if (failing) log('healthz: signatures can be stored again');
    failing = false;
    return { status: 'ok', database: store.kind };
  });
}
