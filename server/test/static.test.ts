// Built files as a reader downloads them: the precompressed .br/.gz siblings that
// scripts/compress.mjs writes, chosen from Accept-Encoding by server/static.ts.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { acceptedCodings } from '../static.js';
import { backends, repoRoot, request, startServer, tempDir, type Res, type TestServer } from './helpers.js';

describe('acceptedCodings (Accept-Encoding)', () => {
  const cases: [string | undefined, string[]][] = [
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip, deflate, br, zstd', ['br', 'gzip']],
    ['gzip', ['gzip']],
    ['x-gzip', ['gzip']],
    ['GZip;Q=0.5, BR', ['br', 'gzip']],
    ['br;q=0, gzip;q=0', []],
    ['br;q=0, gzip', ['gzip']],
    ['br;q=0.000, gzip;q=0.001', ['gzip']],
    ['gzip;q=1, br;q=0.5', ['gzip', 'br']],
    ['gzip;q=1.0, br;q=1', ['br', 'gzip']],
    ['*', ['br', 'gzip']],
    ['*;q=0', []],
    ['*;q=0.5, gzip', ['gzip', 'br']],
    ['*, br;q=0', ['gzip']],
    ['br;q=2, gzip;q=abc', []],
    ['deflate ; q = 0.8 , br ; q = 0.9', ['br']],
  ];
  for (const [header, expected] of cases) {
    it(`${JSON.stringify(header)} → ${JSON.stringify(expected)}`, () =>
      assert.deepEqual(acceptedCodings(header), expected));
  }
});

/** The script, as large and as compressible as real code. */
const script = Buffer.from(
  Array.from({ length: 400 }, (_, i) => `export const widget${i} = (x) => x.map((y) => y * ${i});\n`).join(''),
);
const css = Buffer.from(
  Array.from({ length: 100 }, (_, i) => `.w${i} { margin-inline: ${i}px; color: var(--sw-c${i}); }\n`).join(''),
);
const demo = Buffer.from(`<!doctype html><title>demo</title>${'<p>Solidarity forever.</p>\n'.repeat(100)}`);
const brotli = (b: Buffer) => brotliCompressSync(b);
const gzip = (b: Buffer) => gzipSync(b, { level: 9 });

describe('precompressed siblings', () => {
  let dir: string;
  let dist: string;
  let server: TestServer;
  const get = (p: string, headers: Record<string, string> = {}, method = 'GET') =>
    request(server.base, method, p, { headers });
  const decoded = (res: Res) =>
    res.headers['content-encoding'] === 'br'
      ? brotliDecompressSync(res.body)
      : res.headers['content-encoding'] === 'gzip'
        ? gunzipSync(res.body)
        : res.body;

  before(async () => {
    dir = tempDir();
    dist = path.join(dir, 'dist');
    fs.mkdirSync(path.join(dist, 'chunks'), { recursive: true });
    const write = (rel: string, data: Buffer) => fs.writeFileSync(path.join(dist, rel), data);
    write('solidarity-widgets.js', script);
    write('solidarity-widgets.js.br', brotli(script));
    write('solidarity-widgets.js.gz', gzip(script));
    // Stale: the .br is from an older build than the file (a copy that kept an old mtime).
    write('chunks/theme-abc.css', css);
    write('chunks/theme-abc.css.br', brotli(Buffer.from('.old { color: red }')));
    write('chunks/theme-abc.css.gz', gzip(css));
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(dist, 'chunks/theme-abc.css.br'), old, old);
    fs.mkdirSync(path.join(dist, 'server'));
    write('server/cli.js', Buffer.from('// the server itself'));
    write('logo.png', randomBytes(2000));
    write('logo.png.br', brotli(randomBytes(10)));
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the web');
    fs.writeFileSync(path.join(dir, 'secret.txt.br'), brotli(Buffer.from('not for the web')));
    fs.writeFileSync(path.join(dir, 'index.html'), demo);
    fs.writeFileSync(path.join(dir, 'index.html.br'), brotli(demo));
    server = await startServer(backends[0], { distDir: dist, demoFile: path.join(dir, 'index.html') });
  });

  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sends brotli when it is allowed, with the original type, its length and Vary', async () => {
    const res = await get('/solidarity-widgets.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(res.headers.vary, 'Accept-Encoding');
    assert.equal(Number(res.headers['content-length']), res.body.length);
    assert.ok(res.body.length < script.length / 3, `${res.body.length} bytes for ${script.length}`);
    assert.ok(decoded(res).equals(script), 'the decoded body is the file, byte for byte');
  });

  it('sends gzip when only gzip is allowed, or br is refused or less wanted', async () => {
    for (const ae of ['gzip', 'x-gzip', 'br;q=0, gzip', 'gzip;q=1, br;q=0.5']) {
      const res = await get('/solidarity-widgets.js', { 'accept-encoding': ae });
      assert.equal(res.headers['content-encoding'], 'gzip', ae);
      assert.equal(Number(res.headers['content-length']), res.body.length, ae);
      assert.ok(decoded(res).equals(script), ae);
    }
  });

  it('sends the file itself without Accept-Encoding, with identity only, or with both codings refused', async () => {
    const cases: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
      { 'accept-encoding': '*;q=0' },
    ];
    for (const headers of cases) {
      const res = await get('/solidarity-widgets.js', headers);
      const label = JSON.stringify(headers);
      assert.equal(res.status, 200, label);
      assert.equal(res.headers['content-encoding'], undefined, label);
      assert.equal(res.headers.vary, 'Accept-Encoding', `Vary on the uncompressed answer too (${label})`);
      assert.equal(Number(res.headers['content-length']), script.length, label);
      assert.ok(res.body.equals(script), label);
    }
  });

  it('ignores a sibling older than its file', async () => {
    const res = await get('/chunks/theme-abc.css', { 'accept-encoding': 'br, gzip' });
    assert.equal(res.headers['content-encoding'], 'gzip', 'the stale .br is skipped, the fresh .gz used');
    assert.ok(decoded(res).equals(css));
    fs.rmSync(path.join(dist, 'chunks/theme-abc.css.gz'));
    const only = await get('/chunks/theme-abc.css', { 'accept-encoding': 'br' });
    assert.equal(only.headers['content-encoding'], undefined);
    assert.ok(only.body.equals(css));
  });

  it('answers HEAD with the headers GET would send, and Range with the whole file unencoded', async () => {
    const get1 = await get('/solidarity-widgets.js', { 'accept-encoding': 'br' });
    const head = await get('/solidarity-widgets.js', { 'accept-encoding': 'br' }, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body.length, 0);
    assert.equal(head.headers['content-encoding'], 'br');
    assert.equal(head.headers['content-length'], get1.headers['content-length']);
    assert.equal(head.headers.vary, 'Accept-Encoding');

    const range = await get('/solidarity-widgets.js', { 'accept-encoding': 'br', range: 'bytes=0-9' });
    assert.equal(range.status, 200, 'ranges are not served: the whole file');
    assert.equal(range.headers['content-encoding'], undefined);
    assert.ok(range.body.equals(script));
  });

  it('compresses the demo page the same way', async () => {
    const res = await get('/', { 'accept-encoding': 'gzip, br' });
    assert.equal(res.headers['content-encoding'], 'br');
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.ok(decoded(res).equals(demo));
  });

  it('leaves other types alone: no sibling sent, no Vary', async () => {
    const res = await get('/logo.png', { 'accept-encoding': 'br' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers.vary, undefined);
    assert.equal(res.body.length, 2000);
  });

  it('does not serve a sibling as a file of its own, the server’s own code (dist/server/), nor anything outside dist/', async () => {
    for (const p of [
      '/solidarity-widgets.js.br',
      '/solidarity-widgets.js.gz',
      '/solidarity-widgets.js.BR',
      '/chunks/theme-abc.css.br',
      '/server/cli.js',
      '/server/',
    ]) {
      assert.equal((await get(p, { 'accept-encoding': 'br, gzip' })).status, 404, p);
    }
    // Raw paths: a URL object would resolve the dots before they are sent.
    for (const p of [
      '/..%2fsecret.txt',
      '/..%2fsecret.txt.br',
      '/%2e%2e%2fsecret.txt',
      '/chunks/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const u = new URL(server.base);
        http
          .get({ host: u.hostname, port: u.port, path: p, headers: { 'accept-encoding': 'br' } }, (r) => {
            let body = '';
            r.on('data', (c) => (body += c));
            r.on('end', () => resolve({ status: r.statusCode!, body }));
          })
          .on('error', reject);
      });
      assert.ok(res.status === 404 || res.status === 400, `${p}: ${res.status}`);
      assert.ok(!res.body.includes('not for the web'), p);
    }
  });
});

describe('scripts/compress.mjs', () => {
  it('writes .br and .gz where they save, refreshes stale ones, drops orphans, skips server/', () => {
    const dir = tempDir();
    try {
      const write = (rel: string, data: Buffer | string) => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), data);
      };
      write('app.js', script);
      write('copy/app.js', script);
      write('tiny.js', 'export{}');
      write('noise.txt', randomBytes(4000).toString('base64')); // base64 of noise: gzip saves ~24%
      write('random.json', randomBytes(4000)); // noise: compression saves nothing
      write('image.png', randomBytes(4000));
      write('gone.js.br', 'old');
      write('server/cli.js', script);
      write('style.css', css);
      write('style.css.br', 'stale');
      const old = new Date(Date.now() - 3600_000);
      fs.utimesSync(path.join(dir, 'style.css.br'), old, old);

      const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'compress.mjs'), dir], {
        encoding: 'utf8',
      });
      assert.equal(run.status, 0, run.stderr);
      const has = (rel: string) => fs.existsSync(path.join(dir, rel));
      for (const rel of ['app.js', 'copy/app.js', 'style.css']) {
        assert.ok(
          brotliDecompressSync(fs.readFileSync(path.join(dir, `${rel}.br`))).equals(
            fs.readFileSync(path.join(dir, rel)),
          ),
          rel,
        );
        assert.ok(
          gunzipSync(fs.readFileSync(path.join(dir, `${rel}.gz`))).equals(fs.readFileSync(path.join(dir, rel))),
          rel,
        );
      }
      assert.ok(has('noise.txt.br') && has('noise.txt.gz'));
      for (const rel of [
        'tiny.js.br',
        'tiny.js.gz',
        'random.json.br',
        'random.json.gz',
        'image.png.br',
        'gone.js.br',
        'server/cli.js.br',
      ]) {
        assert.ok(!has(rel), `${rel} should not be there`);
      }

      // A second run keeps what is up to date and redoes what is not.
      const before = fs.statSync(path.join(dir, 'app.js.br')).mtimeMs;
      write('style.css', css.toString() + '.more { color: blue }\n');
      const again = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'compress.mjs'), dir], {
        encoding: 'utf8',
      });
      assert.equal(again.status, 0, again.stderr);
      assert.equal(fs.statSync(path.join(dir, 'app.js.br')).mtimeMs, before);
      assert.ok(
        brotliDecompressSync(fs.readFileSync(path.join(dir, 'style.css.br'))).equals(
          fs.readFileSync(path.join(dir, 'style.css')),
        ),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

const dist = path.join(repoRoot, 'dist');
const built = fs.existsSync(path.join(dist, 'solidarity-widgets.js.br'));

describe('the built dist/', { skip: built ? false : 'dist/ is not built with siblings (npm run build)' }, () => {
  it('has siblings that decode to each file, so dist/sri.json (over the decoded bytes) still holds', () => {
    const sri = JSON.parse(fs.readFileSync(path.join(dist, 'sri.json'), 'utf8'));
    const hash = (b: Buffer) => `sha384-${createHash('sha384').update(b).digest('base64')}`;
    const files = ['solidarity-widgets.js', ...Object.keys(sri.chunks)];
    for (const rel of files) {
      const raw = fs.readFileSync(path.join(dist, rel));
      const expected = rel === 'solidarity-widgets.js' ? sri[rel] : sri.chunks[rel];
      assert.equal(hash(raw), expected, rel);
      for (const [ext, decode] of [
        ['.br', brotliDecompressSync],
        ['.gz', gunzipSync],
      ] as const) {
        const sib = path.join(dist, rel + ext);
        if (raw.length >= 1024) assert.ok(fs.existsSync(sib), `${rel}${ext} is missing`);
        if (fs.existsSync(sib)) assert.equal(hash(decode(fs.readFileSync(sib))), expected, `${rel}${ext}`);
      }
    }
    assert.ok(!Object.keys(sri.chunks).some((f) => /\.(br|gz)$/.test(f)), 'sri.json lists no sibling');
  });
});
