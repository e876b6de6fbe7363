// The CLI as organizers meet it: help, clear errors, `check`, graceful SIGTERM.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import {
  backends,
  FIXTURE_FEED,
  auth,
  finish,
  parseCsv,
  refusedOrServed,
  repoRoot,
  request,
  runCli,
  serveCli,
  sign,
  signature,
  tempDir,
  TOKEN,
} from './helpers.js';

/** `serve` of the fixture feed on 127.0.0.1 (port 0: any free one). */
const serveOnLoopback = (db: string, port: number | string = 0) => [
  'serve',
  '--feed',
  FIXTURE_FEED,
  '--db',
  db,
  '--host',
  '127.0.0.1',
  '--port',
  String(port),
];

describe('cli', { concurrency: 4 }, () => {
  it('--help lists every serve option and the environment', async () => {
    const { code, out } = await finish(runCli(['--help']));
    assert.equal(code, 0);
    for (const s of [
      'serve',
      'check',
      '--feed',
      '--db',
      '--port',
      '--public-url',
      '--allow-origin',
      '--rate-limit',
      '--trust-proxy',
      '--max-connections-per-address',
      '--retain-days',
      'DATABASE_URL',
      'SOLIDARITY_ADMIN_TOKEN',
    ]) {
      assert.ok(out.includes(s), s);
    }
  });

  it('serve without --feed says so and exits 2', async () => {
    const { code, out } = await finish(runCli(['serve']));
    assert.equal(code, 2);
    assert.match(out, /--feed FILE is required/);
  });

  it('an unknown option or command is a usage error', async () => {
    assert.equal((await finish(runCli(['serve', '--feed', FIXTURE_FEED, '--colour']))).code, 2);
    assert.equal((await finish(runCli(['launch']))).code, 2);
    const bad = await finish(runCli(['serve', '--feed', FIXTURE_FEED, '--port', 'eighty']));
    assert.equal(bad.code, 2);
    assert.match(bad.out, /--port/);
  });

  it('refuses a missing or unusable feed, naming the problem', async () => {
    const dir = tempDir();
    const missing = await finish(
      runCli(['serve', '--feed', path.join(dir, 'nope.json'), '--db', path.join(dir, 'db')]),
    );
    assert.equal(missing.code, 1);
    assert.match(missing.out, /cannot read feed/);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{"version": 7}');
    const bad = await finish(runCli(['serve', '--feed', path.join(dir, 'bad.json'), '--db', path.join(dir, 'db')]));
    assert.equal(bad.code, 1);
    assert.match(bad.out, /\$\.version: must be 1/);
    fs.writeFileSync(path.join(dir, 'broken.json'), '{"version": 1,');
    const broken = await finish(
      runCli(['serve', '--feed', path.join(dir, 'broken.json'), '--db', path.join(dir, 'db')]),
    );
    assert.equal(broken.code, 1);
    assert.match(broken.out, /not valid JSON/);
  });

  it('says clearly when the database path is not writable', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a-file'), '');
    const { code, out } = await finish(
      runCli(['serve', '--feed', FIXTURE_FEED, '--db', path.join(dir, 'a-file', 'solidarity.db')]),
    );
    assert.equal(code, 1);
    assert.match(out, /cannot open the database file .*a-file\/solidarity\.db/);
    assert.match(out, /--db/);
  });

  it('says clearly when the port is in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dir = tempDir();
      const { code, out } = await finish(runCli(serveOnLoopback(path.join(dir, 'db'), port)));
      assert.equal(code, 1);
      assert.match(out, new RegExp(`port ${port} is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('warns at start when the admin token is unset', async () => {
    const dir = tempDir();
    const cli = await serveCli(['--feed', FIXTURE_FEED, '--db', path.join(dir, 'db')], { SOLIDARITY_ADMIN_TOKEN: '' });
    cli.proc.kill('SIGTERM');
    const code = await cli.exited;
    assert.equal(code, 0);
    assert.match(cli.output(), /SOLIDARITY_ADMIN_TOKEN is not set/);
  });

  it('refuses at start an admin token that could never authenticate, saying why', async () => {
    const dir = tempDir();
    const cases: [string, RegExp][] = [
      ['correct horse battery staple and more words', /contains whitespace/],
      [`${TOKEN}\n`, /contains whitespace/],
      [`\t${TOKEN}`, /contains whitespace/],
      [`${TOKEN}é`, /visible ASCII/],
      ['short', /is 5 characters long; it must have at least 32/],
    ];
    for (const [token, why] of cases) {
      const cli = runCli(serveOnLoopback(path.join(dir, 'db')), { SOLIDARITY_ADMIN_TOKEN: token });
      const { code, out } = await refusedOrServed(cli);
      assert.equal(code, 1, JSON.stringify(token));
      assert.match(out, /SOLIDARITY_ADMIN_TOKEN/, JSON.stringify(token));
      assert.match(out, why, JSON.stringify(token));
      assert.doesNotMatch(out, /serving/, JSON.stringify(token));
    }
  });

  it('--public-url is the origin whose pages may sign; a bad one is a usage error', async () => {
    const bad = await finish(runCli(['serve', '--feed', FIXTURE_FEED, '--public-url', 'party.example']));
    assert.equal(bad.code, 2);
    assert.match(bad.out, /--public-url "party\.example" is not an http\(s\) URL/);
    const dir = tempDir();
    const cli = await serveCli([
      '--feed',
      FIXTURE_FEED,
      '--db',
      path.join(dir, 'db'),
      '--public-url',
      'https://party.example',
    ]);
    try {
      assert.match(cli.output(), /signatures accepted from: https:\/\/party\.example/);
      assert.equal((await sign(cli.base, signature(), { origin: 'https://party.example' })).status, 201);
      const evil = await sign(cli.base, signature(), { host: 'evil.example', origin: 'http://evil.example' });
      assert.equal(evil.status, 403);
      assert.equal((await sign(cli.base, signature(), { origin: cli.base })).status, 403);
    } finally {
      cli.proc.kill('SIGTERM');
      await cli.exited;
    }
  });

  it('check FEED prints each problem with its JSON path and exits 1; a good feed exits 0', async () => {
    const good = await finish(runCli(['check', FIXTURE_FEED]));
    assert.equal(good.code, 0, good.out);
    assert.match(good.out, /OK/);
    const dir = tempDir();
    const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
    delete feed.platform[0].title;
    delete feed.petitions[1].title;
    fs.writeFileSync(path.join(dir, 'feed.json'), JSON.stringify(feed));
    const bad = await finish(runCli(['check', path.join(dir, 'feed.json')]));
    assert.equal(bad.code, 1);
    assert.match(bad.out, /\$\.platform\[0\]\.title/);
    assert.match(bad.out, /\$\.petitions\[1\]\.title/);
  });

  it('SIGTERM finishes requests in progress, closes the database and exits 0', async () => {
    const dir = tempDir();
    const args = ['--feed', FIXTURE_FEED, '--db', path.join(dir, 'db'), '--rate-limit', '0'];
    const env = { SOLIDARITY_ADMIN_TOKEN: TOKEN };
    const cli = await serveCli(args, env);
    const pending = Array.from({ length: 40 }, (_, i) =>
      sign(cli.base, signature({ email: `term${i}@example.org` })).then(
        (r) => (r.status === 201 ? `term${i}@example.org` : null),
        () => null,
      ),
    );
    await new Promise((ok) => setTimeout(ok, 5));
    cli.proc.kill('SIGTERM');
    const acked = (await Promise.all(pending)).filter(Boolean);
    assert.equal(await cli.exited, 0, cli.output());
    assert.match(cli.output(), /SIGTERM/);
    // Nothing is left in the write-ahead log's way: the restarted server sees every 201.
    const again = await serveCli(args, env);
    try {
      const r = await request(again.base, 'GET', '/api/petitions/open/signatures.csv', { headers: auth });
      const stored = new Set(parseCsv(r.text.replace(/^\uFEFF/, '')).map((row) => row[3]));
      for (const email of acked) assert.ok(stored.has(email!), email!);
    } finally {
      again.proc.kill('SIGTERM');
      await again.exited;
    }
  });

  it('DATABASE_URL=postgres://… switches to Postgres', { skip: backends[1].skip }, async () => {
    const url = process.env.TEST_DATABASE_URL;
    assert.ok(url, 'CI=true but TEST_DATABASE_URL is not set: the Postgres tests cannot run');
    const schema = `sw_cli_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const sep = url.includes('?') ? '&' : '?';
    const cli = await serveCli(['--feed', FIXTURE_FEED, '--db', '/nonexistent/ignored.db'], {
      DATABASE_URL: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    });
    try {
      // The database line follows the address line; give it a moment to arrive.
      for (let i = 0; i < 50 && !/database:/.test(cli.output()); i++) await new Promise((r) => setTimeout(r, 20));
      assert.match(cli.output(), /Postgres/);
      assert.equal((await request(cli.base, 'GET', '/healthz')).json().database, 'postgres');
      assert.equal((await sign(cli.base, signature({ email: 'pg.cli@example.org' }))).status, 201);
      const rows = await admin.query(`SELECT email FROM ${schema}.signatures`);
      assert.deepEqual(rows.rows, [{ email: 'pg.cli@example.org' }]);
    } finally {
      cli.proc.kill('SIGTERM');
      await cli.exited;
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });

  it('bin/solidarity-widgets.js explains when the server is not built', async () => {
    const bin = fs.readFileSync(path.join(repoRoot, 'bin', 'solidarity-widgets.js'), 'utf8');
    assert.match(bin, /npm run build/);
    assert.ok(bin.startsWith('#!/usr/bin/env node'));
  });
});
