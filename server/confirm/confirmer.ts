// Confirmation by email, per petition ("confirm": true): a signature waits as pending, its
// signer gets a link to /confirm/<token> (256 random bits, kept hashed, single use, 7 days),
// and following it makes the signature count.
import { randomBytes } from 'node:crypto';
import type { Org, Petition } from '../../src/core/feed-types.js';
import { pickTranslation } from '../../src/core/translations.js';
import type { FeedSource } from '../feed.js';
import type { OutboxEvent } from '../storage/outbox-types.js';
import type { ActionStore, Member, MemberConfirmation } from '../storage/action-types.js';
import type { ConfirmStore, Confirmation, Signature } from '../storage/types.js';
import { sha256 } from '../validate.js';
import { confirmMail } from './confirm-mail.js';
import type { MailQueue } from './mail-queue.js';
import { memberWords } from './member-messages.js';
import { confirmLang, type ConfirmLang } from './messages.js';

export const TOKEN_TTL_MS = 7 * 86400_000;
/** A pending signer who signs again gets at most one email per this long. */
export const RESEND_AFTER_MS = 10 * 60_000;
/** Pending signatures older than this are deleted. */
export const PENDING_RETAIN_MS = 30 * 86400_000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const orgName = (org: Org | undefined, lang: string) => pickTranslation(org?.name, lang) || 'solidarity-widgets';

export class Confirmer {
  constructor(
    private readonly store: ConfirmStore,
    private readonly mail: MailQueue,
    private readonly feed: FeedSource,
    /** The server's own URL, where /confirm/<token> is served. */
    private readonly base: () => string,
    /** The outbox events a confirmation owes the organization's tools (signature.confirmed). */
    private readonly events: (sig: Signature, petition: Petition | undefined, now: Date) => OutboxEvent[],
    /** New members who confirm (join.confirm), and the outbox events a confirmed member owes (member.joined). */
    private readonly members?: { store: ActionStore; events: (m: Member, now: Date) => OutboxEvent[] },
  ) {}

  /** A new member's token and email, for the join's transaction to keep and queue (storage/actions.ts). */
  memberConfirmation(email: string, lang: ConfirmLang, title: string, now: Date): MemberConfirmation {
    const token = randomBytes(32).toString('base64url');
    const org = orgName(this.feed.get().feed.org, lang);
    const link = `${this.base()}/confirm/${token}`;
    return {
      tokenSha256: sha256(token),
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS),
      mail: confirmMail({ to: email, lang, org, petitionTitle: title, link, words: memberWords(lang) }),
      resendAfterMs: RESEND_AFTER_MS,
    };
  }

  /** A member's confirmation email was queued: send it now rather than at the next poll. */
  mailQueued(): void {
    this.mail.kick();
  }

  /** Keeps `sig` as pending and queues its email (unless one went out less than 10 minutes ago). */
  async addPending(sig: Signature, wantedLang: unknown, petition: Petition, now: Date): Promise<void> {
    const lang = confirmLang(wantedLang);
    const token = randomBytes(32).toString('base64url');
    const mail = confirmMail({
      to: sig.email,
      lang,
      org: orgName(this.feed.get().feed.org, lang),
      petitionTitle: pickTranslation(petition.title, lang),
      link: `${this.base()}/confirm/${token}`,
    });
    const expiresAt = new Date(now.getTime() + TOKEN_TTL_MS);
    const queued = await this.store.addPending(
      { ...sig, lang },
      { sha256: sha256(token), expiresAt },
      mail,
      now,
      RESEND_AFTER_MS,
    );
    if (queued) this.mail.kick();
  }

  async confirm(token: string, now: Date): Promise<Confirmation> {
    if (!TOKEN.test(token)) return { state: 'unknown' };
    const petition = (id: string) => this.feed.get().feed.petitions.find((p) => p.id === id);
    const hash = sha256(token);
    const signer = await this.store.confirm(hash, now, (sig) => this.events(sig, petition(sig.petition), now));
    // A member's token is found by the signers' store too, which has no pending signature for it.
    const members = this.members;
    if (signer.state !== 'unknown' || !members) return signer;
    return members.store.confirmMember(hash, now, (m) => members.events(m, now));
  }

  purge(now: number): Promise<number> {
    return this.store.purgePending(new Date(now - PENDING_RETAIN_MS));
  }
}
