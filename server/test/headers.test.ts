// Response headers and connection limits (issue 15.14) against the real server: nosniff on every
// answer, the versioned copy cached as immutable, open connections capped per client address.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auth, backends, request, sign, signature, startServer, tempDir, type TestServer } from './helpers.js';

describe('headers', () => {
  let s: TestServer;
  let dist: string;
  before(async () => {
    dist = tempDir();
    const files = [
      'solidarity-widgets.js',
      'chunks/a-1b2c.js',
      '0.1.0/solidarity-widgets.js',
      '0.1.0/chunks/a-1b2c.js',
      '1.2.3-rc.1/solidarity-widgets.js',
      'feed.schema.json',
    ];
    for (const rel of files) {
      fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
      fs.writeFileSync(path.join(dist, rel), rel.endsWith('.json') ? '{}' : 'export {};');
    }
    s = await startServer(backends[0], { distDir: dist });
  });
  after(async () => {
    await s?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('every JSON answer carries X-Content-Type-Options: nosniff, errors included', async () => {
    const json = { 'content-type': 'application/json' };
    const answers = [
      await request(s.base, 'GET', '/feed.json'),
      await request(s.base, 'GET', '/api/petitions/open'),
      await request(s.base, 'GET', '/api/petitions/nope'),
      await sign(s.base, signature()),
      await sign(s.base, signature({ email: 'not-an-address' })),
      await request(s.base, 'POST', '/api/petitions/open/signatures', { body: '{', headers: json }),
      await request(s.base, 'DELETE', '/api/petitions/open/signatures?email=a@example.org', { headers: auth }),
      await request(s.base, 'GET', '/api/petitions/open/signatures.csv'),
      await request(s.base, 'GET', '/healthz'),
      await request(s.base, 'GET', '/no/such/thing'),
      await request(s.base, 'GET', '/feed.schema.json'),
      await request(s.base, 'GET', '/%E0%A4%A'),
    ];
    for (const r of answers) {
      assert.match(String(r.headers['content-type']), /^application\/json/, `${r.status} ${r.text}`);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', `${r.status} ${r.text}`);
    }
    assert.deepEqual(
      answers.map((r) => r.status),
      [200, 200, 404, 201, 400, 400, 200, 401, 200, 404, 200, 400],
    );
  });

  it('the versioned copy dist/<version>/… is immutable; the entry keeps a short lifetime', async () => {
    const immutable = [
      '/0.1.0/solidarity-widgets.js',
      '/0.1.0/chunks/a-1b2c.js',
      '/1.2.3-rc.1/solidarity-widgets.js',
      '/chunks/a-1b2c.js',
    ];
    for (const p of immutable) {
      const r = await request(s.base, 'GET', p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', p);
    }
    const entry = await request(s.base, 'GET', '/solidarity-widgets.js');
    assert.equal(entry.headers['cache-control'], 'public, max-age=300');
  });
});

/** A raw connection from `from`; resolves once the server has answered one request on it. */
function connectAndAsk(base: string, from = '127.0.0.1'): Promise<net.Socket> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port), localAddress: from });
    let got = '';
    socket.on('data', (d) => {
      got += d;
      if (/\r\n\r\n/.test(got)) resolve(socket);
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`closed without an answer (from ${from})`)));
    socket.write(`GET /feed.json HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
  });
}

describe('connections per client address', () => {
  it('a 65th connection from one address is closed unanswered; other addresses and freed slots get in', async () => {
    const s = await startServer(backends[0]);
    const sockets: net.Socket[] = [];
    try {
      for (let i = 0; i < 64; i++) sockets.push(await connectAndAsk(s.base));
      await assert.rejects(connectAndAsk(s.base), /closed without an answer|ECONNRESET|EPIPE/);
      sockets.push(await connectAndAsk(s.base, '127.0.0.2'));
      // One slot freed: the server hears of the close a moment later, so ask until it has.
      sockets.shift()!.destroy();
      let again: net.Socket | undefined;
      for (let i = 0; i < 50 && !again; i++) {
        again = await connectAndAsk(s.base).catch(() => undefined);
        if (!again) await new Promise((ok) => setTimeout(ok, 20));
      }
      assert.ok(again, 'a freed slot can be used again');
      sockets.push(again);
    } finally {
      for (const socket of sockets) socket.destroy();
      await s.close();
    }
  });

  it("with --trust-proxy (every connection is the proxy's) or a cap of 0, nothing is capped", async () => {
    for (const opts of [{ trustProxy: true }, { maxConnectionsPerAddress: 0 }]) {
      const s = await startServer(backends[0], opts);
      const sockets: net.Socket[] = [];
      try {
        for (let i = 0; i < 80; i++) sockets.push(await connectAndAsk(s.base));
      } finally {
        for (const socket of sockets) socket.destroy();
        await s.close();
      }
    }
  });
});
