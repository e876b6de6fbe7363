// RSVPs and members (issue 21): signatures of other kinds, kept beside them (migration 11). Their
// idempotency records, spent challenges and outbox events share the signatures' tables: a record's
// "petition" is actionKey() of the event or the join form, which no feed id can be.
import type { OutboxEvent } from './outbox-types.js';
import type { Confirmation, KeyedAnswer, Signature, SpentChallenge } from './types.js';

/** The signer's own fields, as a signature has them. */
export type SignerFields = Omit<Signature, 'petition' | 'signed_at' | 'confirmed_at'>;

export type RsvpStatus = 'going' | 'waitlisted';

export interface Rsvp extends SignerFields {
  event: string;
  status: RsvpStatus;
  /** ISO 8601, UTC. */
  rsvped_at: string;
}

export interface EventCounts {
  going: number;
  waitlisted: number;
}

export type MemberStatus = 'member' | 'pending';

export interface Member extends SignerFields {
  /** The chapter id the member joined (given, or assigned from the postal code); null when none. */
  chapter: string | null;
  status: MemberStatus;
  /** The widget's language: the confirmation email and page use it. */
  lang: string;
  joined_at: string;
  confirmed_at: string | null;
}

/** The key under which an action's idempotency records, challenges and outbox signers are kept. */
export const actionKey = (kind: 'event' | 'join', id = '') => `\u001f${kind}:${id}`;

/** What a stored RSVP answers (the RsvpAnswer without capacity). */
export interface RsvpOutcome extends EventCounts {
  status: RsvpStatus;
}

export interface NewRsvp {
  /** null: a honeypot hit, nothing stored. */
  rsvp: Rsvp | null;
  event: string;
  /** Seats; null: no limit. */
  capacity: number | null;
  idem: KeyedAnswer | null;
  now: Date;
  /** The outbox events for the RSVP as stored (with its status); written only if it is new. */
  events: (rsvp: Rsvp) => OutboxEvent[];
  challenge?: SpentChallenge;
  /** The 201 body for an outcome, stored with the idempotency key. */
  answer: (outcome: RsvpOutcome) => string;
}

/** A confirmation email for a pending member: its token (hashed) and mail, sent unless one went recently. */
export interface MemberConfirmation {
  tokenSha256: string;
  expiresAt: Date;
  mail: { to: string; subject: string; text: string; html: string };
  resendAfterMs: number;
}

export interface NewMember {
  /** null: a honeypot hit, nothing stored. */
  member: Member | null;
  idem: KeyedAnswer | null;
  now: Date;
  events: (member: Member) => OutboxEvent[];
  challenge?: SpentChallenge;
  /** Set when the member must confirm by email (join.confirm). */
  confirm?: MemberConfirmation;
  /** The 201 body for the member as stored (a repeat: the first one), stored with the idempotency key. */
  answer: (stored: Member | null) => string;
}

export interface ActionStore {
  /**
   * Stores an RSVP (unless its address has one for this event already) with its status: going
   * while the event has fewer than `capacity` going, else waitlisted; decided in the
   * transaction, so concurrent RSVPs for the last seat admit exactly one. Returns the RSVP's
   * status (a repeat: its first one) and the event's live counts.
   */
  rsvp(r: NewRsvp): Promise<RsvpOutcome>;
  eventCounts(event: string): Promise<EventCounts>;
  allEventCounts(): Promise<Map<string, EventCounts>>;
  /** Stores a member (unless the address is one already); returns the member as stored (a repeat: the first). */
  join(m: NewMember): Promise<Member | null>;
  /** Follows a confirmation token if it is a member's (else 'unknown'): a pending member becomes one, once. */
  confirmMember(tokenSha256: string, now: Date, events: (m: Member) => OutboxEvent[]): Promise<Confirmation>;
  /** How many members there are, confirmed and waiting to confirm. */
  memberCounts(): Promise<{ members: number; pending: number }>;
  exportRsvps(event: string): AsyncIterable<Rsvp>;
  exportMembers(): AsyncIterable<Member>;
  /** Erases an address from every event's RSVPs and from the members; returns how many rows went. */
  erase(email: string, events: OutboxEvent[]): Promise<number>;
  /** Deletes pending members who joined before `before` (and never confirmed); returns how many. */
  purgePending(before: Date): Promise<number>;
  /** Deletes RSVPs and members stored before `before` (--retain-days); returns how many. */
  purge(before: Date): Promise<number>;
}
