// The public counts are published when the server is ready (before it takes requests), then
// at their interval until it closes (published-counts.ts).
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';

export async function publishCounts(app: FastifyInstance, { counts }: AppContext): Promise<void> {
  app.addHook('onReady', () => counts.start());
  app.addHook('onClose', async () => counts.stop());
}
