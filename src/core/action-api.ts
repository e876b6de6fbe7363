/**
 * The event and join API (issue 21; docs/design.md, "The server"), written once beside the
 * petition's (petition-api.ts): an RSVP and a membership are signatures of another kind, so they
 * share its body, its limits, its errors and its `Idempotency-Key`.
 */
import type { JoinField, SignatureField, Text } from './feed-types.js';
import type { SignatureRequest } from './petition-api.js';

/** Longest chapter id a join body may carry. */
export const CHAPTER_ID_MAX_LENGTH = 200;

/** `GET /api/events/:id`: the event as the server takes RSVPs for it, with its live counts. */
export interface EventAnswer {
  id: string;
  title: Text;
  starts: string;
  ends: string | null;
  capacity: number | null;
  /** RSVPs holding a seat. */
  going: number;
  /** RSVPs past capacity, waiting for a seat. */
  waitlisted: number;
  /** Fields the server requires besides `email`. */
  fields: SignatureField[];
  consent: Text | null;
}

/** `POST /api/events/:id/rsvps`: a signature body. */
export type RsvpRequest = SignatureRequest;

/** `201` to an RSVP: where it stands, the same for a repeat (its first answer) and a honeypot hit. */
export interface RsvpAnswer {
  status: 'going' | 'waitlisted';
  going: number;
  waitlisted: number;
  capacity: number | null;
}

/** `POST /api/join`: a signature body, plus the chapter id the member joins (optional). */
export type JoinRequest = SignatureRequest & { chapter?: string };

/** `201` to a join: the chapter stored with the member (null when none). */
export interface JoinAnswer {
  chapter: string | null;
  /** True when the member still has to confirm by email (`join.confirm`). */
  pending: boolean;
}

export type { JoinField };
