// Hourly upkeep, and once at start: idempotency records past their keeping time go, so do members
// who never confirmed (after 30 days, like unconfirmed signers), and with --retain-days so do old
// signatures, RSVPs and members.
import type { FastifyInstance } from 'fastify';
import { PENDING_RETAIN_MS } from '../confirm/confirmer.js';
import { KEEP_KEYS_MS } from '../idempotency.js';
import type { AppContext } from './context.js';

const MAINTENANCE_MS = 3600_000;
const DAY_MS = 86400_000;

export async function retention(app: FastifyInstance, { opts, store, log }: AppContext): Promise<void> {
  const retainDays = opts.retainDays ?? 0;

  async function maintain(): Promise<void> {
    try {
      const now = Date.now();
      await store.purgeIdempotency(new Date(now - KEEP_KEYS_MS));
      await store.purgeChallenges(new Date(now));
      const pending = await store.actions().purgePending(new Date(now - PENDING_RETAIN_MS));
      if (pending > 0) log(`retention: deleted ${pending} unconfirmed member(s) older than 30 days`);
      if (retainDays > 0) {
        const before = new Date(now - retainDays * DAY_MS);
        const n = await store.purgeSignatures(before);
        if (n > 0) log(`retention: deleted ${n} signature(s) older than ${retainDays} days`);
        const actions = await store.actions().purge(before);
        if (actions > 0) log(`retention: deleted ${actions} RSVP(s) and member(s) older than ${retainDays} days`);
      }
    } catch (err) {
      log(`retention: ${(err as Error).message}`);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await maintain();
    timer = setInterval(maintain, MAINTENANCE_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
