// The outbox as the app sees it: the events to write with a signature or an erasure, and the
// dispatcher that delivers them to webhooks and Action Network.
import type { Petition } from '../../src/core/feed-types.js';
import type { OutboxEvent } from '../storage/outbox-types.js';
import type { Signature, SignatureStore } from '../storage/types.js';
import { actionNetworkSender, type ActionNetworkOptions } from './action-network.js';
import { Dispatcher, type DispatcherOptions, type Send } from './dispatcher.js';
import { ACTION_NETWORK, OutboxEvents, WEBHOOK } from './events.js';
import { webhookSender } from './webhook.js';

export interface OutboxOptions {
  /** Receivers of signed webhooks (serve --webhook URL). */
  webhooks?: string[];
  /** whsec_… (SOLIDARITY_WEBHOOK_SECRET); required with webhooks. */
  webhookSecret?: string;
  actionNetwork?: ActionNetworkOptions;
  dispatch?: DispatcherOptions;
}

export class Outbox {
  private readonly events: OutboxEvents;
  private readonly dispatcher: Dispatcher | null;

  constructor(store: SignatureStore, opts: OutboxOptions, log: (msg: string) => void) {
    const webhooks = opts.webhooks ?? [];
    if (webhooks.length && !opts.webhookSecret) throw new Error('webhooks need a secret (SOLIDARITY_WEBHOOK_SECRET)');
    this.events = new OutboxEvents({ webhooks, actionNetwork: !!opts.actionNetwork });
    const webhook = opts.webhookSecret ? webhookSender(opts.webhookSecret) : null;
    const actionNetwork = opts.actionNetwork ? actionNetworkSender(opts.actionNetwork) : null;
    const send: Send = async (e, signal) => {
      if (webhook && e.destination.startsWith(WEBHOOK)) return webhook(e.destination.slice(WEBHOOK.length), e, signal);
      if (actionNetwork && e.destination.startsWith(ACTION_NETWORK)) {
        return actionNetwork(e.destination.slice(ACTION_NETWORK.length), e, signal);
      }
      // Written while this server was configured otherwise: kept for when it is again.
      return { ok: false, gone: false, error: 'this destination is not configured on this server' };
    };
    // Without destinations, events already waiting (from an earlier configuration) wait on.
    this.dispatcher = this.events.any ? new Dispatcher(store.outbox, send, opts.dispatch ?? {}, log) : null;
  }

  created(sig: Signature | null, petition: Petition, now: Date): OutboxEvent[] {
    return sig ? this.events.created(sig, petition, now) : [];
  }

  confirmed(sig: Signature, petition: Petition | undefined, now: Date): OutboxEvent[] {
    return this.events.confirmed(sig, petition, now);
  }

  erased(petition: string, email: string, now: Date): OutboxEvent[] {
    return this.events.erased(petition, email, now);
  }

  /** The events an RSVP, a member or an erasure of both owes the webhooks (outbox/events.ts). */
  get actions(): Pick<OutboxEvents, 'rsvpCreated' | 'memberJoined' | 'personErased'> {
    return this.events;
  }

  /** A new event was committed: deliver it now rather than at the next poll. */
  kick(): void {
    this.dispatcher?.kick();
  }

  start(): void {
    this.dispatcher?.start();
  }

  stop(): Promise<void> {
    return this.dispatcher?.stop() ?? Promise.resolve();
  }
}
