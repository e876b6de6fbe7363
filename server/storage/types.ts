// One storage interface for both databases. The HTTP layer never sees SQL (the organizers'
// console's own queries live in server/console/, through sql()), and the same test suite
// (storage.test.ts) runs against SQLite and Postgres.

import type { SqlRunner } from './sql.js';

import type { ActionStore } from './action-types.js';
import type { OriginRecords } from './origin-records.js';
import type { OutboxEvent, OutboxStore } from './outbox-types.js';

/** A signature as stored. Never holds the signer's IP address. */
export interface Signature {
  petition: string;
  /** Normalized (trimmed, NFC, lower-cased, IDNA domain): the key that makes a repeat a repeat. */
  email: string;
  given_name: string | null;
  family_name: string | null;
  postal_code: string | null;
  country: string | null;
  phone: string | null;
  comment: string | null;
  source: string | null;
  /** The embedding page's origin (the request's Origin header), if any. */
  origin: string | null;
  consent_sha256: string | null;
  /** ISO 8601, UTC, millisecond precision. */
  signed_at: string;
  /** When the signer confirmed by email (petitions with "confirm": true); null otherwise. Set by storage only. */
  confirmed_at?: string | null;
}

/** What a claim on an idempotency key found. */
export type Claim =
  | { state: 'new' }
  | { state: 'in_progress' }
  | { state: 'mismatch' }
  | { state: 'replay'; status: number; body: string };

export interface IdempotencyRecord {
  petition: string;
  key: string;
  bodySha256: string;
}

/** A claimed key with the answer to store for it (replayed to a retry of the same request). */
export interface KeyedAnswer extends IdempotencyRecord {
  /** null: `{"count":N}` with the live count once this signature is in (counts published live). */
  response: string | null;
}

export interface SignatureStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Sites allowed to sign (kept in the database) and sites refused; usable after init(). */
  readonly origins: OriginRecords;
  /** Delivery state of the events written with signatures and erasures (available after init()). */
  readonly outbox: OutboxStore;
  /** Applies pending migrations. Call once before anything else. */
  init(): Promise<void>;
  /**
   * Claims an idempotency key for a request. 'new' means the caller now owns the key and must
   * end with sign() (which stores the answer) or release().
   */
  claim(rec: IdempotencyRecord, now: Date): Promise<Claim>;
  /** Gives up a claimed key without storing an answer (non-2xx answers are not stored). */
  release(rec: IdempotencyRecord): Promise<void>;
  /**
   * Stores a signature (null: a honeypot hit, nothing stored) and, in the same transaction,
   * the 201 answer for the idempotency key. A repeat signer is not counted again, but a repeat
   * runs the same writes and waits for the same durable commit as a new signer, so the two
   * cannot be told apart by timing. Returns the petition's live count (never sent to clients).
   * `events` are written in the same transaction, and only if the signature is new.
   */
  sign(
    sig: Signature | null,
    petition: string,
    idem: KeyedAnswer | null,
    now: Date,
    events?: OutboxEvent[],
    challenge?: SpentChallenge,
  ): Promise<number>;
  count(petition: string): Promise<number>;
  counts(): Promise<Map<string, number>>;
  /** All signatures of one petition, oldest first, in pages. */
  exportRows(petition: string): AsyncIterable<Signature>;
  /**
   * Erases one signer (normalized email) from one petition, with the idempotency records of
   * their requests and their undelivered events; returns how many signatures went. SQLite
   * overwrites the freed bytes. `events` are written in the same transaction if a signature went.
   */
  erase(petition: string, email: string, events?: OutboxEvent[]): Promise<number>;
  /** Deletes signatures signed before `before`, and idempotency records as old; returns how many signatures. */
  purgeSignatures(before: Date): Promise<number>;
  /** Deletes idempotency records created before `before`. */
  purgeIdempotency(before: Date): Promise<number>;
  /** The secret stored under `name`; stores `fresh` first if there is none (the first server to ask wins). */
  secret(name: string, fresh: string): Promise<string>;
  /** Forgets spent challenges that expired before `before`; returns how many. */
  purgeChallenges(before: Date): Promise<number>;
  /** Pending signatures, confirmation tokens and the mail queue (confirmation by email). */
  confirmations(): ConfirmStore;
  /** RSVPs to events and members who joined (issue 21; storage/actions.ts). */
  actions(): ActionStore;
  /** Plain SQL on the same database, for the organizers' console (storage/sql.ts). */
  sql(): SqlRunner;
  /** Throws if the database does not answer. */
  ping(): Promise<void>;
  /** Finishes pending writes and closes. */
  close(): Promise<void>;
}

/** A proof-of-work challenge that sign() records as spent, in its transaction (server/challenge.ts). */
export interface SpentChallenge {
  signature: string;
  expiresAt: Date;
}

/** sign() refused: its challenge was spent already; nothing was stored. */
export class ChallengeSpentError extends Error {
  static readonly MESSAGE = 'the challenge was spent already';
  constructor() {
    super(ChallengeSpentError.MESSAGE);
  }
}

/** A claim left in progress longer than this is treated as abandoned (its server died). */
export const STALE_CLAIM_MS = 60_000;

/** A signature to a confirming petition, waiting for its signer to follow the emailed link. */
export interface PendingSignature extends Signature {
  /** The widget's language: the email and the confirmation page use it. */
  lang: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface QueuedMail extends OutgoingMail {
  id: number;
  attempts: number;
}

export interface NewToken {
  sha256: string;
  expiresAt: Date;
}

/** What following a token did. */
export type Confirmation =
  { state: 'confirmed' | 'already' | 'expired'; petition: string; lang: string } | { state: 'unknown' };

export type ConfirmedEvents = (sig: Signature) => OutboxEvent[];

/** Confirmation by email (issue 19): pending signatures, their tokens and the mail queue. */
export interface ConfirmStore {
  /**
   * Keeps a pending signature (unless the signer has confirmed already) and, in the same
   * transaction, queues `mail` with a new token, unless a mail went to this signer less than
   * `resendAfterMs` ago. Returns whether a mail was queued.
   */
  addPending(
    sig: PendingSignature,
    token: NewToken,
    mail: OutgoingMail,
    now: Date,
    resendAfterMs: number,
  ): Promise<boolean>;
  /**
   * Follows a token: a pending signature becomes a counted one, once, and the events that
   * `events` builds from it (with confirmed_at) are written to the outbox in the same transaction.
   */
  confirm(tokenSha256: string, now: Date, events: ConfirmedEvents): Promise<Confirmation>;
  /** Mails whose time has come, oldest first. */
  dueMail(now: Date, limit: number): Promise<QueuedMail[]>;
  mailSent(id: number): Promise<void>;
  mailFailed(id: number, retryAt: Date, error: string): Promise<void>;
  /** Deletes pending signatures signed before `before`, and tokens expired before it; returns how many signatures. */
  purgePending(before: Date): Promise<number>;
  pendingCount(petition: string): Promise<number>;
}
