// Issue 15, point 10: /feed.json from a cached serialization, compressed, with validators.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { backends, request, sign, signature, startServer, type Res, type TestServer } from './helpers.js';

type Headers = Record<string, string>;
const getFeed = (s: TestServer, headers: Headers = {}) => request(s.base, 'GET', '/feed.json', { headers });
const openCount = (feed: { petitions: { id: string; count: number }[] }) =>
  feed.petitions.find((p) => p.id === 'open')!.count;

const decoders = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync };
/** The JSON of an answer, decoded as its Content-Encoding says. */
const decoded = (r: Res) => {
  const coding = r.headers['content-encoding'] as keyof typeof decoders | undefined;
  return JSON.parse((coding ? decoders[coding](r.body) : r.body).toString('utf8'));
};

/**
 * Polls the feed until test() holds: the counts are published and the file re-read at intervals,
 * and a compressed reader may get the version before while the new one is being compressed.
 */
async function feedUntil(s: TestServer, test: (feed: any) => boolean, headers: Headers = {}): Promise<Res> {
  let r = await getFeed(s, headers);
  for (const deadline = Date.now() + 20_000; !test(decoded(r)) && Date.now() < deadline;) {
    await new Promise((ok) => setTimeout(ok, 25));
    r = await getFeed(s, headers);
  }
  assert.ok(test(decoded(r)), 'the feed did not change');
  return r;
}

for (const backend of backends) {
  describe(`feed cache: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend, { publishCountsMs: 50 })));
    after(async () => s?.close());

    it('answers 304 to a reader that has this version (If-None-Match, If-Modified-Since)', async () => {
      const first = await getFeed(s);
      const etag = String(first.headers.etag);
      const lastModified = String(first.headers['last-modified']);
      assert.match(etag, /^W\/"[\w-]+"$/);
      assert.ok(!Number.isNaN(Date.parse(lastModified)), lastModified);
      const fresh: Headers[] = [
        { 'if-none-match': etag },
        { 'if-none-match': `"other", ${etag}` },
        { 'if-modified-since': lastModified },
      ];
      for (const headers of fresh) {
        const r = await getFeed(s, headers);
        assert.equal(r.status, 304, JSON.stringify(headers));
        assert.equal(r.body.length, 0);
        assert.equal(r.headers.etag, etag);
        assert.equal(r.headers['access-control-allow-origin'], '*');
      }
      // If-None-Match decides when both are sent; an older date or another tag gets the feed.
      const stale: Headers[] = [
        { 'if-none-match': 'W/"other"', 'if-modified-since': lastModified },
        { 'if-modified-since': 'Thu, 01 Jan 2015 00:00:00 GMT' },
      ];
      for (const headers of stale) {
        const r = await getFeed(s, headers);
        assert.equal(r.status, 200, JSON.stringify(headers));
        assert.deepEqual(r.json(), first.json());
      }
    });

    it('sends br or gzip when accepted, decoding to the same JSON', async () => {
      const plain = await getFeed(s);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.match(String(plain.headers['content-type']), /^application\/json; charset=utf-8/);
      assert.match(String(plain.headers.vary), /Accept-Encoding/i);
      const cases = [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0.5, gzip', 'gzip'],
        ['br', 'br'],
      ] as const;
      for (const [accept, coding] of cases) {
        const r = await getFeed(s, { 'accept-encoding': accept });
        assert.equal(r.headers['content-encoding'], coding, accept);
        assert.equal(r.headers.etag, plain.headers.etag);
        assert.deepEqual(decoded(r), plain.json());
      }
    });

    it('counts still update, each publication with a new ETag, compressed or not', async () => {
      for (const headers of <Headers[]>[{ 'accept-encoding': 'br' }, {}]) {
        const before = await getFeed(s, headers);
        const count = openCount(decoded(before));
        await sign(s.base, signature());
        const after = await feedUntil(s, (feed) => openCount(feed) === count + 1, headers);
        assert.notEqual(after.headers.etag, before.headers.etag);
        const old = await getFeed(s, { ...headers, 'if-none-match': String(before.headers.etag) });
        assert.equal(old.status, 200);
        assert.equal(openCount(decoded(old)), count + 1);
      }
    });

    it('a change of the feed file is served, with a new ETag', async () => {
      const before = await getFeed(s);
      const feed = JSON.parse(fs.readFileSync(s.feedFile, 'utf8'));
      feed.org.name = 'Renamed Local';
      fs.writeFileSync(`${s.feedFile}.tmp`, JSON.stringify(feed));
      fs.renameSync(`${s.feedFile}.tmp`, s.feedFile);
      const after = await feedUntil(s, (feed) => feed.org.name === 'Renamed Local');
      assert.notEqual(after.headers.etag, before.headers.etag);
      assert.equal(openCount(after.json()), openCount(before.json()), 'counts kept');
    });
  });
}
