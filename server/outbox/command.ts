// `solidarity-widgets outbox` lists the events still to be delivered (pending or failed) and the
// endpoints stopped by a 410; `outbox retry` makes them all due now. A running server sends them
// at its next look (within a second); otherwise the next `serve` does.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { isPostgresUrl, openStore } from '../storage/index.js';
import type { SignatureStore } from '../storage/types.js';
import { RETRY_HINT } from './endpoint-health.js';
import { describeDestination } from './events.js';

export async function outboxCommand(store: SignatureStore, retry: boolean, print = console.log): Promise<void> {
  if (retry) {
    const n = await store.outbox.retry(new Date());
    print(`outbox: ${n} event(s) are due now, with 3 more days of retries; stopped endpoints resume.`);
    print('A running server sends them within a second; otherwise the next "solidarity-widgets serve" does.');
    return;
  }
  const [entries, stopped] = [await store.outbox.list(), await store.outbox.stopped()];
  for (const [destination, reason] of stopped) {
    print(`stopped: ${describeDestination(destination)} answered ${reason}; ${RETRY_HINT}`);
  }
  if (!entries.length) {
    print('outbox: nothing waiting; every event was delivered.');
    return;
  }
  const failed = entries.filter((e) => e.state === 'failed').length;
  print(`outbox: ${entries.length - failed} pending, ${failed} failed`);
  for (const e of entries) {
    const when = e.state === 'failed' ? 'gave up' : `next attempt ${e.next_at}`;
    const error = e.last_error ? `; last: ${e.last_error}` : '';
    print(
      `${e.event_id} ${e.type} ${e.created_at} -> ${describeDestination(e.destination)}: ` +
        `${e.state}, ${e.attempts} attempt(s), ${when}${error}`,
    );
  }
  if (failed) print(`To send the failed ones again: solidarity-widgets outbox retry`);
}

/** The command line: `outbox [retry] [--db FILE]`, with DATABASE_URL as for serve. */
export async function outboxCli(
  args: string[],
  usage: (message: string) => Error,
  fail: (message: string) => never,
): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string', default: './data/solidarity.db' } },
  });
  const retry = positionals[0] === 'retry';
  if (positionals.length > (retry ? 1 : 0))
    throw usage(`outbox takes "retry" or nothing, not "${positionals.join(' ')}"`);
  const databaseUrl = process.env.DATABASE_URL;
  if (!isPostgresUrl(databaseUrl) && !fs.existsSync(values.db!)) {
    fail(`no database file ${values.db}: give the one serve uses with --db FILE`);
  }
  let store: SignatureStore;
  try {
    store = await openStore({ databaseUrl, dbFile: values.db! });
  } catch (err) {
    fail(`cannot open the database: ${(err as Error).message}`);
  }
  try {
    await outboxCommand(store, retry);
  } finally {
    await store.close();
  }
}
