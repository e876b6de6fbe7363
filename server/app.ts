// The HTTP app: feed, API, demo, docs and built files, one Fastify plugin per concern
// (server/plugins/). buildApp() only builds the shared services and registers the plugins, so
// tests start it on 127.0.0.1:0 with a real database, and the CLI starts it on a real port.
import Fastify, { type FastifyInstance } from 'fastify';
import { AllowedOrigins } from './allowed-origins.js';
import { Challenges } from './challenge.js';
import { Confirmer } from './confirm/confirmer.js';
import { MailQueue } from './confirm/mail-queue.js';
import { OriginPolicy } from './cors.js';
import { FeedCache } from './feed-cache.js';
import { Outbox } from './outbox/index.js';
import { actionAdmin } from './plugins/action-admin.js';
import { admin } from './plugins/admin.js';
import { challengeRoute } from './plugins/challenge-route.js';
import { confirmPage } from './plugins/confirm-page.js';
import { connectionLimit } from './plugins/connection-limit.js';
import { organizerConsole } from './plugins/console.js';
import type { AppContext, AppOptions } from './plugins/context.js';
import { errors, frameworkErrors } from './plugins/errors.js';
import { events } from './plugins/events.js';
import { eventsIcs } from './plugins/events-ics.js';
import { join } from './plugins/join.js';
import { feedRoute } from './plugins/feed-route.js';
import { health } from './plugins/health.js';
import { jsonBody, MAX_BODY } from './plugins/json-body.js';
import { outbox } from './plugins/outbox.js';
import { mail as mailPlugin } from './plugins/mail.js';
import { ownOrigin } from './plugins/own-origin.js';
import { petitions } from './plugins/petitions.js';
import { publishCounts } from './plugins/publish-counts.js';
import { retention } from './plugins/retention.js';
import { securityHeaders } from './plugins/security-headers.js';
import { shutdown } from './plugins/shutdown.js';
import { signatures } from './plugins/signatures.js';
import { staticFiles } from './plugins/static-files.js';
import { PublishedCounts } from './published-counts.js';

export type { AppOptions } from './plugins/context.js';
export { parseOrigin } from './cors.js';
export { MIN_TOKEN_LENGTH } from './plugins/admin.js';
export { MAX_BODY };

export function buildApp(opts: AppOptions): FastifyInstance {
  const log = opts.log ?? ((m: string) => console.log(m));
  const counts = new PublishedCounts(opts.store, opts.publishCountsMs, log);
  const origins = new OriginPolicy(opts.allowOrigins ?? [], opts.publicUrl);
  const mail = opts.smtpUrl
    ? new MailQueue(opts.store.confirmations(), {
        smtpUrl: opts.smtpUrl,
        from: opts.mailFrom ?? 'solidarity-widgets <noreply@localhost>',
        pollMs: opts.mailPollMs,
        log,
      })
    : null;
  const appOutbox = new Outbox(opts.store, opts.outbox ?? {}, log);
  const confirmed = appOutbox.confirmed.bind(appOutbox);
  const ctx: AppContext = {
    opts,
    feed: opts.feed,
    store: opts.store,
    log,
    origins,
    allowedOrigins: new AllowedOrigins(origins, opts.store.origins),
    counts,
    feedCache: new FeedCache(opts.feed, counts),
    outbox: appOutbox,
    challenges: opts.proofOfWork ? new Challenges(opts.store, opts.challengeKey) : null,
    mail,
    confirmer:
      mail &&
      new Confirmer(opts.store.confirmations(), mail, opts.feed, () => origins.ownOrigins()[0], confirmed, {
        store: opts.store.actions(),
        events: (m, now) => appOutbox.actions.memberJoined(m, now),
      }),
  };

  const app = Fastify({
    logger: false, // request logs would hold client addresses; errors are logged by the errors plugin
    // Trust only the nearest hop: the client address is the one our own proxy appended.
    trustProxy: opts.trustProxy ? (_addr: string, hop: number) => hop < 1 : false,
    bodyLimit: MAX_BODY,
    requestTimeout: 30_000,
    // Without coercion "true" is not consent and 123 is not a name.
    ajv: { customOptions: { coerceTypes: false, allErrors: false } },
    frameworkErrors,
  });

  // App-wide first: they shape every route registered after them.
  app.register(errors, ctx);
  app.register(jsonBody);
  app.register(shutdown);
  app.register(securityHeaders);
  app.register(connectionLimit, ctx);
  app.register(ownOrigin, ctx);
  app.register(publishCounts, ctx);

  app.register(feedRoute, ctx);
  app.register(petitions, ctx);
  app.register(challengeRoute, ctx);
  app.register(confirmPage, ctx);
  app.register(signatures, ctx);
  app.register(events, ctx);
  app.register(eventsIcs, ctx);
  app.register(join, ctx);
  app.register(admin, ctx);
  app.register(actionAdmin, ctx);
  app.register(organizerConsole, ctx);
  app.register(health, ctx);
  app.register(staticFiles, ctx);
  app.register(retention, ctx);
  app.register(outbox, ctx);
  app.register(mailPlugin, ctx);
  return app;
}
