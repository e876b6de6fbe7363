// The sites allowed to sign that are kept in the database (besides --allow-origin), and the sites
// refused, counted per UTC day. Nothing about the reader is kept. Both stores implement it.

export interface AllowedOriginRow {
  origin: string;
  /** ISO 8601, UTC. */
  added_at: string;
}

export interface RefusedOriginRow {
  origin: string;
  /** YYYY-MM-DD, UTC. */
  day: string;
  count: number;
}

export interface OriginRecords {
  isAllowed(origin: string): Promise<boolean>;
  allowed(): Promise<AllowedOriginRow[]>;
  /** Adds an origin; false if it was already there. */
  allow(origin: string, now: Date): Promise<boolean>;
  /** Removes an origin; false if it was not there. */
  remove(origin: string): Promise<boolean>;
  /** Counts one refused signing request from origin on day. */
  countRefusal(origin: string, day: string): Promise<void>;
  /** Refused origins by day, newest day first. */
  refusals(): Promise<RefusedOriginRow[]>;
}

export const ALLOWED_SQL = 'SELECT origin, added_at FROM allowed_origins ORDER BY origin';
export const REFUSALS_SQL = 'SELECT origin, day, count FROM refused_origins ORDER BY day DESC, count DESC, origin';
