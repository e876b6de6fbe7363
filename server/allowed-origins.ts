// Which sites may sign: the server's own origin and --allow-origin (OriginPolicy, cors.ts), and
// the sites an organizer allowed in the database (`solidarity-widgets origins allow`, later the
// console's "Allowed sites" page). The database is asked at each signing request from a site not
// otherwise allowed, so a change holds at once for every server sharing it, with no restart.
// A refused site is counted per UTC day: its origin and a count, nothing about the reader.
import { parseOrigin, type OriginPolicy } from './cors.js';
import type { AllowedOriginRow, OriginRecords, RefusedOriginRow } from './storage/origin-records.js';

export type { AllowedOriginRow, RefusedOriginRow } from './storage/origin-records.js';

/** New refused origins counted per day by one server: any page can make up origins. */
export const MAX_REFUSED_ORIGINS_PER_DAY = 1000;

const utcDay = (now: Date) => now.toISOString().slice(0, 10);

export class AllowedOrigins {
  private day = '';
  private readonly counted = new Set<string>();

  constructor(
    private readonly policy: OriginPolicy,
    private readonly records: OriginRecords,
  ) {}

  /**
   * For a signing POST: whether its origin may sign. A request without Origin (a server-side post)
   * or with the opaque origin "null" is left to OriginPolicy. A refusal is counted.
   */
  async admits(origin: string | undefined, now: Date): Promise<boolean> {
    if (origin === undefined || origin === 'null') return false;
    if (this.policy.allows(origin) || (await this.records.isAllowed(origin))) return true;
    const day = utcDay(now);
    if (day !== this.day) {
      this.day = day;
      this.counted.clear();
    }
    if (this.counted.has(origin) || this.counted.size < MAX_REFUSED_ORIGINS_PER_DAY) {
      this.counted.add(origin);
      await this.records.countRefusal(origin, day);
    }
    return false;
  }
}

/** What the organizer sees: the sites allowed in the database, and the refused ones by day. */
export interface OriginsOverview {
  allowed: AllowedOriginRow[];
  refused: RefusedOriginRow[];
}

export async function listOrigins(records: OriginRecords): Promise<OriginsOverview> {
  return { allowed: await records.allowed(), refused: await records.refusals() };
}

/** A value that is not an http(s) origin, with a message to show as is. */
export class BadOriginError extends Error {}

/** `https://ally.example/some/page` → `https://ally.example`; throws BadOriginError otherwise. */
export function normalizeOrigin(value: string): string {
  try {
    return parseOrigin(value.trim());
  } catch {
    throw new BadOriginError(`"${value}" is not a site address like https://ally.example`);
  }
}

/** Allows a site to sign from now on; `added` is false if it already was. */
export async function allowOrigin(records: OriginRecords, value: string, now = new Date()) {
  const origin = normalizeOrigin(value);
  return { origin, added: await records.allow(origin, now) };
}

/** Stops allowing a site (one also given with --allow-origin stays allowed); `removed` is false if it was not there. */
export async function removeOrigin(records: OriginRecords, value: string) {
  const origin = normalizeOrigin(value);
  return { origin, removed: await records.remove(origin) };
}
