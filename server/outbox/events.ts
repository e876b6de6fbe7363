// The events the server owes the organization's tools, built when a signature is stored,
// confirmed or erased and written in the same transaction (storage/outbox-types.ts). Each has one id for every
// destination and every attempt, so a receiver can drop repeats.
import { randomBytes } from 'node:crypto';
import type { Petition } from '../../src/core/feed-types.js';
import { GIVE_UP_MS, type OutboxEvent } from '../storage/outbox-types.js';
import { signerHash } from '../storage/signer.js';
import { actionKey, type Member, type Rsvp } from '../storage/action-types.js';
import type { Signature } from '../storage/types.js';
import { sha256 } from '../validate.js';

export const WEBHOOK = 'webhook:';
export const ACTION_NETWORK = 'action_network:';

export interface Destinations {
  webhooks: string[];
  /** Action Network is configured (an API key): petitions with `action_network` get their signatures. */
  actionNetwork: boolean;
}

/** The webhook body (Standard Webhooks): what happened, when, and to whom. */
export interface EventBody {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

const eventId = () => `msg_${randomBytes(16).toString('hex')}`;

function rows(type: string, data: Record<string, unknown>, signer: string, destinations: string[], now: Date) {
  const event_id = eventId();
  const created_at = now.toISOString();
  const body = JSON.stringify({ type, timestamp: created_at, data } satisfies EventBody);
  const give_up_at = new Date(now.getTime() + GIVE_UP_MS).toISOString();
  return destinations.map((destination): OutboxEvent => ({
    event_id,
    destination,
    type,
    body,
    signer_sha256: signer,
    created_at,
    give_up_at,
  }));
}

export class OutboxEvents {
  constructor(private readonly to: Destinations) {}

  get any(): boolean {
    return this.to.webhooks.length > 0 || this.to.actionNetwork;
  }

  /** signature.created for every webhook, and for Action Network if the petition names one. */
  created(sig: Signature, petition: Petition, now: Date): OutboxEvent[] {
    return this.signed('signature.created', sig, petition, {}, now);
  }

  /** signature.confirmed: the same, for a confirming petition's signer who followed the emailed link. */
  confirmed(sig: Signature, petition: Petition | undefined, now: Date): OutboxEvent[] {
    return this.signed('signature.confirmed', sig, petition, { confirmed_at: sig.confirmed_at ?? null }, now);
  }

  private signed(
    type: string,
    sig: Signature,
    petition: Petition | undefined,
    extra: Record<string, unknown>,
    now: Date,
  ): OutboxEvent[] {
    const destinations = this.to.webhooks.map((url) => WEBHOOK + url);
    if (this.to.actionNetwork && petition?.action_network) destinations.push(ACTION_NETWORK + petition.action_network);
    if (!destinations.length) return [];
    const { petition: id, email, given_name, family_name, postal_code, country, phone, comment } = sig;
    const data = {
      petition: id,
      email,
      given_name,
      family_name,
      postal_code,
      country,
      phone,
      comment,
      consent_sha256: sig.consent_sha256,
      source: sig.source,
      origin: sig.origin,
      signed_at: sig.signed_at,
      ...extra,
    };
    return rows(type, data, signerHash(id, email), destinations, now);
  }

  /** rsvp.created for every webhook: an RSVP as stored, with its status (going or waitlisted). */
  rsvpCreated(rsvp: Rsvp, now: Date): OutboxEvent[] {
    const signer = signerHash(actionKey('event', rsvp.event), rsvp.email);
    return this.toWebhooks('rsvp.created', { ...rsvp }, signer, now);
  }

  /** member.joined for every webhook: a member as stored (with a confirming join, once confirmed). */
  memberJoined(member: Member, now: Date): OutboxEvent[] {
    return this.toWebhooks('member.joined', { ...member }, signerHash(actionKey('join'), member.email), now);
  }

  /** person.erased for every webhook: an address erased from RSVPs and members, as a hash only. */
  personErased(email: string, now: Date): OutboxEvent[] {
    return this.toWebhooks('person.erased', { email_sha256: sha256(email) }, sha256(email), now);
  }

  private toWebhooks(type: string, data: Record<string, unknown>, signer: string, now: Date): OutboxEvent[] {
    const destinations = this.to.webhooks.map((u) => WEBHOOK + u);
    return destinations.length ? rows(type, data, signer, destinations, now) : [];
  }

  /** signature.erased for every webhook: only a hash of the address, so copies elsewhere can follow. */
  erased(petition: string, email: string, now: Date): OutboxEvent[] {
    if (!this.to.webhooks.length) return [];
    const data = { petition, email_sha256: sha256(email) };
    return rows(
      'signature.erased',
      data,
      signerHash(petition, email),
      this.to.webhooks.map((u) => WEBHOOK + u),
      now,
    );
  }
}

/** A destination in words, for the log and the CLI. */
export function describeDestination(destination: string): string {
  if (destination.startsWith(WEBHOOK)) return `webhook ${destination.slice(WEBHOOK.length)}`;
  if (destination.startsWith(ACTION_NETWORK))
    return `Action Network petition ${destination.slice(ACTION_NETWORK.length)}`;
  return destination;
}
