// Runs the outbox's dispatcher while the server runs: it starts once the server is ready and
// stops (attempts under way are cut short and made again after a restart) before the store closes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';

export async function outbox(app: FastifyInstance, ctx: AppContext): Promise<void> {
  app.addHook('onReady', async () => ctx.outbox.start());
  app.addHook('onClose', async () => ctx.outbox.stop());
}
