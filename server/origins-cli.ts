// `solidarity-widgets origins`: the sites refused and the sites allowed in the database, and
// `origins allow ORIGIN` / `origins remove ORIGIN`, which hold for running servers at once.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { allowOrigin, BadOriginError, listOrigins, removeOrigin, type OriginsOverview } from './allowed-origins.js';
import { isPostgresUrl, openStore, type SignatureStore } from './storage/index.js';

export const ORIGINS_HELP = `origins commands (the database as serve uses it: --db FILE, or DATABASE_URL):
  solidarity-widgets origins [--db FILE]                 sites refused (per day) and sites allowed
  solidarity-widgets origins allow ORIGIN [--db FILE]    let a site sign, e.g. https://ally.example;
                                                         running servers take it at once
  solidarity-widgets origins remove ORIGIN [--db FILE]   stop allowing a site (one given with
                                                         --allow-origin stays allowed)
`;

/** Bad usage: the message, and exit status 2. */
export class OriginsUsageError extends Error {}

export async function originsCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    strict: true,
    allowPositionals: true,
    options: { db: { type: 'string', default: './data/solidarity.db' } },
  });
  const [action, value, extra] = positionals;
  if (action !== undefined && action !== 'allow' && action !== 'remove') {
    throw new OriginsUsageError(`unknown origins command "${action}" (use: origins, origins allow, origins remove)`);
  }
  if (action !== undefined && value === undefined) {
    throw new OriginsUsageError(`origins ${action} needs a site address, e.g. origins ${action} https://ally.example`);
  }
  if (extra !== undefined) throw new OriginsUsageError(`unexpected argument "${extra}"`);

  const databaseUrl = process.env.DATABASE_URL;
  let store: SignatureStore;
  try {
    store = await openStore({ databaseUrl, dbFile: values.db! });
  } catch (err) {
    const where = isPostgresUrl(databaseUrl) ? 'the Postgres database in DATABASE_URL' : path.resolve(values.db!);
    console.error(`solidarity-widgets: cannot open ${where}: ${(err as Error).message}`);
    process.exit(1);
  }
  try {
    if (action === 'allow') {
      const { origin, added } = await allowOrigin(store.origins, value!);
      console.log(added ? `allowed: ${origin} may now sign` : `${origin} was already allowed`);
    } else if (action === 'remove') {
      const { origin, removed } = await removeOrigin(store.origins, value!);
      console.log(
        removed
          ? `removed: ${origin} may no longer sign (unless the server is started with --allow-origin ${origin})`
          : `${origin} was not allowed in the database (an --allow-origin option is changed where the server starts)`,
      );
    } else {
      console.log(formatOverview(await listOrigins(store.origins)));
    }
  } catch (err) {
    if (err instanceof BadOriginError) throw new OriginsUsageError(err.message);
    throw err;
  } finally {
    await store.close();
  }
}

export function formatOverview({ allowed, refused }: OriginsOverview): string {
  const isAllowed = new Set(allowed.map((a) => a.origin));
  const lines = ['Sites allowed in the database (besides --allow-origin and the server itself):'];
  if (!allowed.length) lines.push('  none');
  for (const a of allowed) lines.push(`  ${a.origin}  since ${a.added_at.slice(0, 10)}`);
  lines.push('Sites refused (signing attempts per day, UTC):');
  if (!refused.length) lines.push('  none');
  for (const r of refused) {
    lines.push(`  ${r.day}  ${r.origin}  ${r.count}${isAllowed.has(r.origin) ? '  (allowed since)' : ''}`);
  }
  const waiting = [...new Set(refused.map((r) => r.origin))].filter((o) => !isAllowed.has(o));
  if (waiting.length) lines.push(`To let a site sign: solidarity-widgets origins allow ${waiting[0]}`);
  return lines.join('\n');
}
