// Confirmation by email, per petition ("confirm": true): a signature waits as pending, its
// signer gets a link to /confirm/<token> (256 random bits, kept hashed, single use, 7 days),
// and following it makes the signature count.
import { randomBytes } from 'node:crypto';
import type { Org, Petition } from '../../src/core/feed-types.js';
import { pickTranslation } from '../../src/core/translations.js';
import type { FeedSource } from '../feed.js';
import type { OutboxEvent } from '../storage/outbox-types.js';
import type { ConfirmStore, Confirmation, Signature } from '../storage/types.js';
import { sha256 } from '../validate.js';
import { confirmMail } from './confirm-mail.js';
import type { MailQueue } from './mail-queue.js';
import { confirmLang } from './messages.js';

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
  ) {}

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

  confirm(token: string, now: Date): Promise<Confirmation> {
    if (!TOKEN.test(token)) return Promise.resolve({ state: 'unknown' });
    const petition = (id: string) => this.feed.get().feed.petitions.find((p) => p.id === id);
    return this.store.confirm(sha256(token), now, (sig) => this.events(sig, petition(sig.petition), now));
  }

  purge(now: number): Promise<number> {
    return this.store.purgePending(new Date(now - PENDING_RETAIN_MS));
  }
}
