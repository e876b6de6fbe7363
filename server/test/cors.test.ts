// Cross-origin rules against the real server: public reads answer any page's preflight, and only
// the configured own origin (never the Host header) and the allow-list may sign.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { listenOrigins } from '../cors.js';
import { backends, request, sign, signature, startServer, tempDir, type Res, type TestServer } from './helpers.js';

const PUBLIC_READS = [
  '/feed.json',
  '/api/petitions/open',
  '/solidarity-widgets.js',
  '/chunks/map-abc123.js',
  '/feed.schema.json',
];

const errorCode = (r: Res) => r.json().error.code as string;

/** A dist/ with the files a cross-origin page loads: the script, a chunk, the feed schema. */
function fakeDist(): string {
  const dist = tempDir();
  fs.mkdirSync(path.join(dist, 'chunks'));
  fs.writeFileSync(path.join(dist, 'solidarity-widgets.js'), 'export {};');
  fs.writeFileSync(path.join(dist, 'chunks', 'map-abc123.js'), 'export {};');
  fs.writeFileSync(path.join(dist, 'feed.schema.json'), '{}');
  return dist;
}

describe('listenOrigins', () => {
  it('names the origins a browser on this machine or network uses for a listen address', () => {
    assert.deepEqual(listenOrigins('0.0.0.0', 8080), [
      'http://localhost:8080',
      'http://127.0.0.1:8080',
      'http://[::1]:8080',
    ]);
    assert.deepEqual(listenOrigins('::', 80), ['http://localhost', 'http://127.0.0.1', 'http://[::1]']);
    assert.deepEqual(listenOrigins('127.0.0.1', 3000), ['http://127.0.0.1:3000', 'http://localhost:3000']);
    assert.deepEqual(listenOrigins('::1', 3000), ['http://[::1]:3000', 'http://localhost:3000']);
    assert.deepEqual(listenOrigins('192.0.2.7', 8080), ['http://192.0.2.7:8080']);
    assert.deepEqual(listenOrigins('2001:db8::1', 8080), ['http://[2001:db8::1]:8080']);
  });
});

for (const backend of backends) {
  describe(`cors: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    let dist: string;
    before(async () => {
      dist = fakeDist();
      s = await startServer(backend, { distDir: dist, allowOrigins: ['https://ally.example'] });
    });
    after(async () => {
      await s?.close();
      fs.rmSync(dist, { recursive: true, force: true });
    });

    it('answers the preflight of every public read from any origin, allowing headers such as traceparent', async () => {
      for (const p of PUBLIC_READS) {
        const r = await request(s.base, 'OPTIONS', p, {
          headers: {
            origin: 'https://any-host.example',
            'access-control-request-method': 'GET',
            'access-control-request-headers': 'traceparent,tracestate',
          },
        });
        assert.equal(r.status, 204, p);
        assert.equal(r.headers['access-control-allow-origin'], '*', p);
        assert.match(String(r.headers['access-control-allow-methods']), /\bGET\b/, p);
        assert.match(String(r.headers['access-control-allow-headers']), /\btraceparent\b/i, p);
        assert.match(String(r.headers['access-control-allow-headers']), /\btracestate\b/i, p);
        assert.ok(Number(r.headers['access-control-max-age']) > 0, p);
        assert.equal(r.headers['access-control-allow-credentials'], undefined, p);
      }
    });

    it('refuses the preflight of what does not exist, and allows no header it cannot read', async () => {
      const headers = { origin: 'https://any-host.example', 'access-control-request-method': 'GET' };
      for (const p of ['/api/petitions/no-such-petition', '/nothing.js', '/server/cli.js']) {
        const r = await request(s.base, 'OPTIONS', p, { headers });
        assert.equal(r.status, 404, p);
        assert.equal(errorCode(r), p.startsWith('/api') ? 'petition_not_found' : 'not_found', p);
      }
      const odd = await request(s.base, 'OPTIONS', '/feed.json', {
        headers: { ...headers, 'access-control-request-headers': 'x-a, (bad)' },
      });
      assert.equal(odd.status, 204);
      assert.equal(odd.headers['access-control-allow-headers'], undefined);
    });

    it('takes its own origin from the listen address, never from the Host header', async () => {
      const email = 'host.header@example.org';
      const r = await sign(s.base, signature({ email }), { host: 'evil.example', origin: 'http://evil.example' });
      assert.deepEqual([r.status, errorCode(r)], [403, 'origin_not_allowed']);
      assert.ok(!(await s.dump()).includes(email), 'nothing stored');
      const own = await sign(s.base, signature(), { origin: s.base });
      assert.equal(own.status, 201, 'the listen address is its own origin');
    });
  });

  describe(`cors with --public-url: ${backend.name}`, { skip: backend.skip }, () => {
    it('the configured URL is the own origin; the listen address and a matching Host are not', async () => {
      const s = await startServer(backend, { publicUrl: 'https://party.example/' });
      try {
        const ok = await sign(s.base, signature(), { origin: 'https://party.example' });
        assert.equal(ok.status, 201, ok.text);
        assert.equal(ok.headers['access-control-allow-origin'], 'https://party.example');
        const cases: Record<string, string>[] = [
          { origin: s.base },
          { host: 'party.example', origin: 'http://party.example' },
          { host: 'evil.example', origin: 'https://evil.example' },
        ];
        for (const headers of cases) {
          const r = await sign(s.base, signature({ email: 'refused@example.org' }), headers);
          assert.deepEqual([r.status, errorCode(r)], [403, 'origin_not_allowed'], JSON.stringify(headers));
        }
        assert.ok(!(await s.dump()).includes('refused@example.org'));
      } finally {
        await s.close();
      }
    });
  });
}

for (const backend of backends) {
  describe(`cors for sites not allowed: ${backend.name}`, { skip: backend.skip }, () => {
    it('their preflight is answered so the page can read the 403 of its POST; nothing is stored', async () => {
      const s = await startServer(backend, { allowOrigins: ['https://ally.example'] });
      try {
        const origin = 'https://not-an-ally.example';
        const pre = await request(s.base, 'OPTIONS', '/api/petitions/open/signatures', {
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,traceparent',
          },
        });
        assert.equal(pre.status, 204);
        assert.equal(pre.headers['access-control-allow-origin'], origin);
        assert.match(String(pre.headers['access-control-allow-headers']), /Content-Type/i);
        assert.match(String(pre.headers['access-control-allow-headers']), /Idempotency-Key/i);
        assert.match(String(pre.headers['access-control-allow-headers']), /traceparent/i, 'a host wrapper may add it');
        const email = 'not.an.ally@example.org';
        const r = await sign(s.base, signature({ email }), { origin });
        assert.deepEqual([r.status, errorCode(r)], [403, 'origin_not_allowed']);
        assert.equal(r.headers['access-control-allow-origin'], origin, 'the page can read why');
        assert.match(r.json().error.message, /not accepted from https:\/\/not-an-ally\.example/);
        assert.ok(!(await s.dump()).includes(email), 'nothing stored');
      } finally {
        await s.close();
      }
    });
  });
}
