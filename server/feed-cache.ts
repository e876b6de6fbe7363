// /feed.json from a cached serialization. A 50,000-chapter feed is ~14 MB of JSON: serializing
// and sending it whole per request made the server's one thread the bottleneck for readers and
// signers alike. Now the feed file's part is serialized once per feed change; the petitions and
// events, whose counts change at most once per count publication, are serialized apart and spliced in;
// each compressed variant is made once per version, on zlib's thread pool, and shared; while it
// is being made (brotli takes a second or so for 14 MB), readers get the version before it.
// Validators (ETag, Last-Modified) let a reader that has the current version get a 304.
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FeedSource, LoadedFeed } from './feed.js';
import type { PublishedCounts } from './published-counts.js';
import { acceptedCodings } from './static.js';

type Coding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
// Quality 5: close to the best ratio on JSON at a small part of quality 11's time, which
// matters because every count publication makes a new version.
const ENCODERS: Record<Coding, (b: Buffer) => Promise<Buffer>> = {
  br: (b) =>
    brotli(b, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length,
      },
    }),
  gzip: (b) => gzip(b, { level: 6 }),
};

/** One version of the served feed: one feed file and one count publication. */
export interface FeedVersion {
  body: Buffer;
  etag: string;
  lastModified: Date;
  encoded(coding: Coding): Promise<Buffer>;
  /** Whether encoded(coding) is made already. */
  ready(coding: Coding): boolean;
}

/** The lists whose items carry live counts: petitions their `count`, events their `going` and `waitlisted`. */
const COUNTED = ['petitions', 'events'] as const;
type Counted = (typeof COUNTED)[number];

/** The feed file's part of the body, cut where the counted lists go. */
interface Split {
  loaded: LoadedFeed;
  /** The feed's text around the counted lists: one more piece than `lists`. */
  pieces: Buffer[];
  /** The raw counted lists, in the order they go between the pieces (a feed without one has none). */
  lists: { key: Counted; items: unknown[] }[];
  hash: string;
  at: Date;
}

export class FeedCache {
  private split: Split | undefined;
  private current: (FeedVersion & { split: Split; countsVersion: number }) | undefined;
  private previous: FeedVersion | undefined;

  constructor(
    private readonly feed: FeedSource,
    private readonly counts: PublishedCounts,
  ) {}

  /** The current version, made only if the feed or the published counts changed. */
  version(): FeedVersion {
    const loaded = this.feed.get();
    if (this.split?.loaded !== loaded) this.split = splitFeed(loaded);
    const split = this.split;
    const cur = this.current;
    if (cur && cur.split === split && cur.countsVersion === this.counts.version) return cur;

    const lists = split.lists.map(({ key, items }) =>
      Buffer.from(JSON.stringify(items.map((item) => this.withCounts(key, item)))),
    );
    const body = Buffer.concat(split.pieces.flatMap((piece, i) => (i < lists.length ? [piece, lists[i]] : [piece])));
    const hashed = createHash('sha256').update(split.hash);
    for (const list of lists) hashed.update(list);
    const hash = hashed.digest('base64url');
    const encoded = new Map<Coding, Promise<Buffer>>();
    const made = new Set<Coding>();
    // Whole seconds, as HTTP dates have them, and later than the last version's, so that
    // If-Modified-Since never takes two versions for one.
    const changed = Math.max(split.at.getTime(), this.counts.changedAt.getTime());
    const after = cur ? cur.lastModified.getTime() / 1000 + 1 : 0;
    const lastModified = new Date(Math.max(Math.floor(changed / 1000), after) * 1000);
    this.previous = cur;
    this.current = {
      split,
      countsVersion: this.counts.version,
      body,
      etag: `W/"${hash.slice(0, 27)}"`,
      lastModified,
      encoded: (coding) => {
        let p = encoded.get(coding);
        if (!p) encoded.set(coding, (p = ENCODERS[coding](body).then((b) => (made.add(coding), b))));
        return p;
      },
      ready: (coding) => made.has(coding),
    };
    return this.current;
  }

  /** The current version, or the one before while the current one's coding is being made. */
  private servable(coding: Coding | undefined): FeedVersion {
    const latest = this.version();
    if (!coding || latest.ready(coding) || !this.previous?.ready(coding)) return latest;
    latest.encoded(coding).catch(() => {}); // a failure is met by the next reader that waits for it
    return this.previous;
  }

  private withCounts(key: Counted, item: unknown): unknown {
    const id = (item as { id?: unknown })?.id;
    if (typeof id !== 'string') return item;
    return key === 'petitions'
      ? { ...(item as object), count: this.counts.get(id) }
      : { ...(item as object), ...this.counts.event(id) };
  }

  /** Answers GET /feed.json: 304 when the reader has this version, else the body the reader accepts. */
  async send(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    await this.counts.refresh();
    const coding = acceptedCodings(req.headers['accept-encoding'])[0];
    const v = this.servable(coding);
    reply
      .header('Vary', 'Accept-Encoding')
      .header('ETag', v.etag)
      .header('Last-Modified', v.lastModified.toUTCString());
    if (notModified(req, v)) return reply.code(304).send();
    const body = coding ? await v.encoded(coding) : v.body;
    if (coding) reply.header('Content-Encoding', coding);
    return reply.type('application/json; charset=utf-8').send(body);
  }
}

/** Serializes the feed once, with a marker where each counted list goes, and cuts it there. */
function splitFeed(loaded: LoadedFeed): Split {
  const { raw } = loaded;
  const at = new Date();
  const lists = COUNTED.filter((key) => Array.isArray(raw[key])).map((key) => ({ key, items: raw[key] as unknown[] }));
  const markers = lists.map(({ key }) => JSON.stringify(`sw-${key}-${randomUUID()}`)); // cannot occur in the feed
  const marked = { ...raw };
  lists.forEach(({ key }, i) => (marked[key] = markers[i].slice(1, -1)));
  let text = JSON.stringify(marked);
  const pieces: Buffer[] = [];
  // Cut at the markers in the order they occur in the text.
  const order = lists.map((_, i) => i).sort((a, b) => text.indexOf(markers[a]) - text.indexOf(markers[b]));
  for (const i of order) {
    const cut = text.indexOf(markers[i]);
    pieces.push(Buffer.from(text.slice(0, cut)));
    text = text.slice(cut + markers[i].length);
  }
  pieces.push(Buffer.from(text));
  const hash = digest(Buffer.concat(pieces.flatMap((p) => [p, Buffer.from([0])])));
  return { loaded, pieces, lists: order.map((i) => lists[i]), hash, at };
}

const digest = (b: Buffer) => createHash('sha256').update(b).digest('base64url');

/**
 * RFC 9110 §13.1: If-None-Match (weak comparison) decides when present; otherwise
 * If-Modified-Since, at the one-second precision of HTTP dates.
 */
function notModified(req: FastifyRequest, v: FeedVersion): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    const ours = v.etag.replace(/^W\//, '');
    return inm.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || t.replace(/^W\//, '') === ours;
    });
  }
  const ims = req.headers['if-modified-since'];
  const since = ims === undefined ? NaN : Date.parse(ims);
  return !Number.isNaN(since) && v.lastModified.getTime() <= since;
}
