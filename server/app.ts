// The HTTP app: feed, API, demo, docs and built files. buildApp() only wires things together,
// so tests start it on 127.0.0.1:0 with a real database, and the CLI starts it on a real port.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Petition } from '../src/core/feed-types.js';
import { csvHeader, csvRow } from './csv.js';
import { ApiError } from './errors.js';
import type { FeedSource } from './feed.js';
import { FeedCache } from './feed-cache.js';
import { claimKey, idempotencyRecord, KEEP_KEYS_MS } from './idempotency.js';
import { PublishedCounts } from './published-counts.js';
import { clientKey, RateLimiter } from './rate-limit.js';
import { cacheControl, resolveFile, sendFile } from './static.js';
import type { Signature, SignatureStore } from './storage/types.js';
import { checkSignature, normalizeEmail, schemaError, sha256, signatureSchema, type SignatureBody } from './validate.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
    petition?: Petition;
  }
}

export interface AppOptions {
  feed: FeedSource;
  store: SignatureStore;
  /** Built files (dist/); null or missing: the API still works. */
  distDir?: string | null;
  demoFile?: string | null;
  /** Origins allowed to POST signatures, besides the server's own. */
  allowOrigins?: string[];
  /** Signature POSTs per client address per minute; 0 turns limiting off. */
  rateLimit?: number;
  /** Take the client address from X-Forwarded-For (the address the nearest proxy saw). */
  trustProxy?: boolean;
  /** Guards export and erase; shorter than 32 characters or unset: those answer 404. */
  adminToken?: string;
  /** Delete signatures older than this many days (0 or unset: keep). */
  retainDays?: number;
  /** How often the public counts are published, in ms (default a minute; see published-counts.ts). */
  publishCountsMs?: number;
  log?: (msg: string) => void;
}

export const MAX_BODY = 16 * 1024;
export const MIN_TOKEN_LENGTH = 32;
const MAINTENANCE_MS = 3600_000;
const PREFLIGHT_MAX_AGE = '7200'; // Chromium caps Access-Control-Max-Age at two hours
const NO_STORE = 'no-store';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Normalizes an --allow-origin value; throws on something that is not an http(s) origin. */
export function parseOrigin(value: string): string {
  const u = new URL(value);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`not an http(s) origin: ${value}`);
  return u.origin;
}

export function buildApp(opts: AppOptions): FastifyInstance {
  const { feed, store } = opts;
  const log = opts.log ?? ((m: string) => console.log(m));
  const allowOrigins = new Set((opts.allowOrigins ?? []).map(parseOrigin));
  const limiter = new RateLimiter(opts.rateLimit ?? 30);
  const token = opts.adminToken && opts.adminToken.length >= MIN_TOKEN_LENGTH ? opts.adminToken : null;
  const tokenHash = token ? Buffer.from(sha256(token), 'hex') : null;
  const distDir = opts.distDir && fs.existsSync(opts.distDir) ? path.resolve(opts.distDir) : null;
  const counts = new PublishedCounts(store, opts.publishCountsMs, log);
  const feedCache = new FeedCache(feed, counts);

  const app = Fastify({
    logger: false, // request logs would hold client addresses; errors are logged below
    // Trust only the nearest hop: the client address is the one our own proxy appended.
    trustProxy: opts.trustProxy ? (_addr: string, hop: number) => hop < 1 : false,
    bodyLimit: MAX_BODY,
    requestTimeout: 30_000,
    // Without coercion "true" is not consent and 123 is not a name.
    ajv: { customOptions: { coerceTypes: false, allErrors: false } },
    // Undecodable URLs never reach a route; answer them in our error shape too.
    frameworkErrors: (_err, _req, reply) => {
      (reply as FastifyReply).code(400).header('Cache-Control', NO_STORE).send(new ApiError(400, 'bad_url', 'The URL is not valid.').toJSON());
    },
  });

  // Only JSON bodies, kept raw as well: the Idempotency-Key check hashes the exact bytes.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    req.rawBody = buf;
    try {
      done(null, JSON.parse(strictUtf8.decode(buf)));
    } catch {
      done(new ApiError(400, 'invalid_json', 'The body is not valid JSON (UTF-8).'), undefined);
    }
  });

  app.setErrorHandler((err: unknown, req, reply) => {
    let api: ApiError;
    const e = err as { statusCode?: number; code?: string; validation?: { instancePath: string; message?: string }[] };
    if (err instanceof ApiError) api = err;
    else if (e.validation?.length) api = schemaError(e.validation[0]);
    else if (e.statusCode === 413) api = new ApiError(413, 'too_large', `The body is larger than ${MAX_BODY / 1024} KiB.`);
    else if (e.statusCode === 415) api = unsupported();
    else if (e.statusCode === 400 && e.code?.startsWith('FST_ERR_CTP')) api = new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
    else if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
      api = new ApiError(e.statusCode, 'bad_request', (err as Error).message);
    } else {
      log(`error: ${req.method} ${req.url.split('?')[0]}: ${(err as Error)?.stack ?? String(err)}`);
      api = new ApiError(500, 'internal', 'Something went wrong on the server; please try again.');
    }
    for (const [k, v] of Object.entries(api.headers)) reply.header(k, v);
    reply.header('Cache-Control', NO_STORE).code(api.status).send(api.toJSON());
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).header('Cache-Control', NO_STORE).send(new ApiError(404, 'not_found', `Nothing at ${req.url.split('?')[0]}.`).toJSON());
  });

  // --- helpers -------------------------------------------------------------------------------

  const ownOrigin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
  const originAllowed = (origin: string, req: FastifyRequest) =>
    allowOrigins.has(origin) || origin === ownOrigin(req);

  /** CORS for signature POSTs and their preflights; a request without Origin is a server-side post. */
  function signatureCors(req: FastifyRequest, reply: FastifyReply): void {
    reply.header('Vary', 'Origin');
    const origin = req.headers.origin;
    if (origin === undefined) return;
    if (!originAllowed(origin, req)) {
      throw new ApiError(403, 'origin_not_allowed', `Signatures are not accepted from ${origin}.`);
    }
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Access-Control-Expose-Headers', 'Retry-After');
  }

  function petitionFor(req: FastifyRequest<{ Params: { id: string } }>): Petition {
    const p = feed.get().feed.petitions.find((x) => x.id === req.params.id);
    if (!p) throw new ApiError(404, 'petition_not_found', `There is no petition "${req.params.id}".`);
    return p;
  }

  function requireAdmin(req: FastifyRequest): void {
    if (!tokenHash) throw new ApiError(404, 'not_found', 'Not found.');
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    // Hash both sides so the comparison takes the same time whatever the length guessed.
    const given = Buffer.from(sha256(m ? m[1] : ''), 'hex');
    if (!m || !timingSafeEqual(given, tokenHash)) {
      throw new ApiError(401, 'unauthorized', 'A valid organizer token is required (Authorization: Bearer …).', undefined, {
        'WWW-Authenticate': 'Bearer realm="solidarity-widgets"',
      });
    }
  }

  const isClosed = (p: Petition, now: Date) => !!p.closes && Date.parse(p.closes) <= now.getTime();

  // --- signatures ----------------------------------------------------------------------------

  app.options<{ Params: { id: string } }>('/api/petitions/:id/signatures', async (req, reply) => {
    signatureCors(req, reply);
    reply
      .header('Access-Control-Allow-Methods', 'POST')
      .header('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key')
      .header('Access-Control-Max-Age', PREFLIGHT_MAX_AGE)
      .code(204)
      .send();
  });

  app.post<{ Params: { id: string }; Body: SignatureBody }>(
    '/api/petitions/:id/signatures',
    {
      schema: { body: signatureSchema },
      onRequest: async (req, reply) => {
        reply.header('Cache-Control', NO_STORE);
        signatureCors(req, reply);
        const wait = limiter.take(clientKey(req.ip));
        if (wait > 0) {
          throw new ApiError(429, 'rate_limited', `Too many signatures from this address; retry in ${wait} s.`, undefined, {
            'Retry-After': String(wait),
          });
        }
        const petition = petitionFor(req);
        if (isClosed(petition, new Date())) throw new ApiError(410, 'petition_closed', 'This petition has closed.');
        req.petition = petition;
      },
      // No Content-Type at all means no parser ran: that is not JSON either.
      preValidation: async (req) => {
        if (req.body === undefined || req.rawBody === undefined) throw unsupported();
      },
    },
    async (req, reply) => {
      const petition = req.petition!;
      const now = new Date();
      const idem = idempotencyRecord(petition.id, req.headers['idempotency-key'], req.rawBody!);
      if (idem) {
        const stored = await claimKey(store, idem, now);
        if (stored) return reply.code(stored.status).type('application/json; charset=utf-8').send(stored.body);
      }
      // The published count, not the live one: the same answer whether this signer is new or not.
      const answer = JSON.stringify({ count: counts.get(petition.id) });
      try {
        const checked = checkSignature(req.body, petition, feed.get().feed.org);
        const origin = req.headers.origin;
        const sig: Signature | null = checked.honeypot
          ? null // a bot filled the hidden field: answer as usual, keep nothing
          : {
              ...checked.fields,
              petition: petition.id,
              email: checked.email,
              origin: origin && origin !== 'null' ? origin : null,
              consent_sha256: checked.consentSha256,
              signed_at: now.toISOString(),
            };
        await store.sign(sig, petition.id, idem && { ...idem, response: answer }, now);
      } catch (err) {
        if (idem) await store.release(idem);
        throw err;
      }
      // The same status, body shape and headers for a new signer, a repeat and a honeypot hit.
      return reply.code(201).type('application/json; charset=utf-8').send(answer);
    },
  );

  app.get<{ Params: { id: string } }>('/api/petitions/:id', async (req, reply) => {
    reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'no-cache');
    const p = petitionFor(req);
    // fields and consent too, so a widget with no feed can ask for what the server will require.
    return {
      id: p.id,
      title: p.title,
      goal: p.goal ?? null,
      count: counts.get(p.id),
      closes: p.closes ?? null,
      fields: p.fields ?? [],
      consent: p.consent ?? feed.get().feed.org.consent ?? null,
    };
  });

  // --- organizers ----------------------------------------------------------------------------

  async function knownPetition(id: string): Promise<void> {
    // Signatures of a petition since removed from the feed can still be exported and erased.
    if (!feed.get().petitions.has(id) && (await store.count(id)) === 0) {
      throw new ApiError(404, 'petition_not_found', `There is no petition "${id}".`);
    }
  }

  app.get<{ Params: { id: string } }>('/api/petitions/:id/signatures.csv', async (req, reply) => {
    requireAdmin(req);
    const id = req.params.id;
    await knownPetition(id);
    async function* lines() {
      yield csvHeader();
      for await (const sig of store.exportRows(id)) yield csvRow(sig);
    }
    return reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${id.replace(/[^\w.-]/g, '_')}-signatures.csv"`)
      .header('Cache-Control', NO_STORE)
      .send(Readable.from(lines()));
  });

  app.delete<{ Params: { id: string }; Querystring: { email?: string } }>(
    '/api/petitions/:id/signatures',
    async (req, reply) => {
      reply.header('Cache-Control', NO_STORE);
      requireAdmin(req);
      await knownPetition(req.params.id);
      const raw = req.query.email;
      const email = typeof raw === 'string' ? normalizeEmail(raw) : null;
      if (!email) throw new ApiError(400, 'invalid_field', 'Give the signer as ?email=…', 'email');
      return { erased: await store.erase(req.params.id, email) };
    },
  );

  // --- feed, health, pages -------------------------------------------------------------------

  app.get('/feed.json', (req, reply) => feedCache.send(req, reply));

  app.get('/healthz', async (_req, reply) => {
    reply.header('Cache-Control', NO_STORE);
    try {
      await store.ping();
    } catch (err) {
      log(`healthz: database does not answer: ${(err as Error).message}`);
      throw new ApiError(503, 'database_unavailable', 'The database does not answer.');
    }
    return { status: 'ok', database: store.kind };
  });

  app.get('/', async (req, reply) => {
    if (!opts.demoFile || !fs.existsSync(opts.demoFile)) throw new ApiError(404, 'not_found', 'The demo page is missing.');
    return sendFile(req, reply, opts.demoFile, 'no-cache');
  });

  app.get('/docs', async (_req, reply) => reply.redirect('/docs/', 301));

  app.get('/*', async (req, reply) => {
    const urlPath = req.url.split('?')[0];
    const found = distDir ? resolveFile(distDir, urlPath) : null;
    // dist/server/ is this server's own code: not for the public.
    const file = found && !path.relative(distDir!, found).startsWith(`server${path.sep}`) ? found : null;
    if (!file) {
      const hint = distDir ? '' : ' (the library is not built: run npm run build)';
      throw new ApiError(404, 'not_found', `Nothing at ${urlPath}${hint}.`);
    }
    reply.header('Access-Control-Allow-Origin', '*');
    return sendFile(req, reply, file, cacheControl(path.relative(distDir!, file).split(path.sep).join('/')));
  });

  // --- retention -----------------------------------------------------------------------------

  let timer: NodeJS.Timeout | undefined;
  async function maintain(): Promise<void> {
    try {
      const now = Date.now();
      await store.purgeIdempotency(new Date(now - KEEP_KEYS_MS));
      if (opts.retainDays && opts.retainDays > 0) {
        const n = await store.purgeSignatures(new Date(now - opts.retainDays * 86400_000));
        if (n > 0) log(`retention: deleted ${n} signature(s) older than ${opts.retainDays} days`);
      }
    } catch (err) {
      log(`retention: ${(err as Error).message}`);
    }
  }
  app.addHook('onReady', async () => {
    await maintain();
    await counts.start();
    timer = setInterval(maintain, MAINTENANCE_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    counts.stop();
  });

  // On shutdown, answers to requests already in progress close their connection, so the
  // server need not wait out the clients' keep-alive before it can exit.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('Connection', 'close');
  });

  return app;
}

function unsupported(): ApiError {
  return new ApiError(415, 'unsupported_media_type', 'Send the signature as JSON (Content-Type: application/json).');
}
