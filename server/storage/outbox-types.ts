// The outbox: events that must reach the organization's tools (webhooks, Action Network). They
// are written in the transaction that stores (or erases) the signature, so an event exists if
// and only if the change does; the dispatcher (server/outbox/) delivers them at least once.

/** An event for one destination, as written with the signature. */
export interface OutboxEvent {
  /** The same on every attempt (the webhook-id header). */
  event_id: string;
  /** "webhook:URL" or "action_network:PETITION". */
  destination: string;
  type: string;
  /** The JSON body { type, timestamp, data }. */
  body: string;
  /** signerHash() of the signer, so an erasure drops their undelivered events. */
  signer_sha256: string | null;
  created_at: string;
  /** After this the event is marked failed instead of retried (3 days after created_at). */
  give_up_at: string;
}

export type OutboxState = 'pending' | 'failed';

/** An event as stored, with its delivery state. */
export interface OutboxEntry extends OutboxEvent {
  attempts: number;
  next_at: string;
  state: OutboxState;
  last_error: string | null;
}

/** What an attempt that did not deliver leaves behind. */
export interface FailedAttempt {
  attempts: number;
  /** null: give up (state failed), else when to try again. */
  nextAt: Date | null;
  error: string;
}

export interface OutboxStore {
  /**
   * Takes up to `limit` pending events that are due, skipping stopped endpoints and the keys in
   * `busy` (already being sent here). With Postgres the rows are leased for leaseMs, so other
   * servers skip them.
   */
  due(now: Date, limit: number, leaseMs: number, busy: Set<string>): Promise<OutboxEntry[]>;
  delivered(e: OutboxEvent): Promise<void>;
  failed(e: OutboxEvent, attempt: FailedAttempt): Promise<void>;
  /** Pending and failed events, oldest first. */
  list(): Promise<OutboxEntry[]>;
  /** Makes every pending and failed event due now, with a fresh 3 days, and resumes stopped endpoints. */
  retry(now: Date): Promise<number>;
  /** Stops an endpoint (it answered 410 Gone) until `outbox retry`. */
  stop(destination: string, reason: string, now: Date): Promise<void>;
  stopped(): Promise<Map<string, string>>;
}

export const outboxKey = (e: Pick<OutboxEvent, 'event_id' | 'destination'>) => `${e.event_id} ${e.destination}`;

/** How long an event is retried before it is marked failed. */
export const GIVE_UP_MS = 3 * 24 * 3600_000;
