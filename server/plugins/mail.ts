// The mail queue runs while the server does: from ready (mail queued before a restart goes out
// then) until close.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from './context.js';

export async function mail(app: FastifyInstance, { mail: queue, confirmer, log }: AppContext): Promise<void> {
  if (!queue || !confirmer) return;
  const upkeep = async () => {
    try {
      const n = await confirmer.purge(Date.now());
      if (n > 0) log(`retention: deleted ${n} unconfirmed signature(s) older than 30 days`);
    } catch (err) {
      log(`retention: ${(err as Error).message}`);
    }
  };
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    queue.start();
    await upkeep();
    timer = setInterval(upkeep, 3600_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await queue.stop();
  });
}
