// What every plugin is given: the options buildApp() was called with, and the services built
// once from them.
import type { AllowedOrigins } from '../allowed-origins.js';
import type { Challenges } from '../challenge.js';
import type { Confirmer } from '../confirm/confirmer.js';
import type { MailQueue } from '../confirm/mail-queue.js';
import type { OriginPolicy } from '../cors.js';
import type { FeedCache } from '../feed-cache.js';
import type { FeedSource } from '../feed.js';
import type { Outbox, OutboxOptions } from '../outbox/index.js';
import type { PublishedCounts } from '../published-counts.js';
import type { SignatureStore } from '../storage/types.js';

export interface AppOptions {
  feed: FeedSource;
  store: SignatureStore;
  /** Built files (dist/); null or missing: the API still works. */
  distDir?: string | null;
  demoFile?: string | null;
  /** Origins allowed to POST signatures, besides the server's own. */
  allowOrigins?: string[];
  /** The server's own URL (its pages may sign); unset: the address it listens on. */
  publicUrl?: string;
  /** Signature POSTs per client address per minute; 0 turns limiting off. */
  rateLimit?: number;
  /** Take the client address from X-Forwarded-For (the address the nearest proxy saw). */
  trustProxy?: boolean;
  /** Open connections per client address (IPv6: per /64); 0 = no cap; not applied with trustProxy. */
  maxConnectionsPerAddress?: number;
  /** Guards export and erase; unset, or unusable (adminTokenProblem): those answer 404. */
  adminToken?: string;
  /** Delete signatures older than this many days (0 or unset: keep). */
  retainDays?: number;
  /** How often the public counts are published, in ms (default a minute; see published-counts.ts). */
  publishCountsMs?: number;
  /** Signature POSTs must carry a solved challenge (server/challenge.ts); admin-token requests skip it. */
  proofOfWork?: boolean;
  /** The challenges' HMAC key (SOLIDARITY_CHALLENGE_KEY); unset: one made and kept in the database. */
  challengeKey?: string;
  /** SMTP server for confirmation emails, e.g. smtp://user:pass@host:587; unset: no email. */
  smtpUrl?: string;
  /** The confirmation emails' sender, "Name <address>". */
  mailFrom?: string;
  /** How often the mail queue is looked at, in ms (default 10 s). */
  mailPollMs?: number;
  log?: (msg: string) => void;
  /** Where signatures and erasures are sent (webhooks, Action Network); unset: nowhere. */
  outbox?: OutboxOptions;
}

export interface AppContext {
  opts: AppOptions;
  feed: FeedSource;
  store: SignatureStore;
  log: (msg: string) => void;
  origins: OriginPolicy;
  /** The origins OriginPolicy does not know: allowed in the database, or refused and counted. */
  allowedOrigins: AllowedOrigins;
  /** The counts the public sees: the feed, the petition read and the signing answer use only these. */
  counts: PublishedCounts;
  feedCache: FeedCache;
  /** The events written with signatures and erasures, and their delivery. */
  outbox: Outbox;
  /** Set when proof of work is on. */
  challenges: Challenges | null;
  /** Set when the server can send email (smtpUrl). */
  mail: MailQueue | null;
  confirmer: Confirmer | null;
}
