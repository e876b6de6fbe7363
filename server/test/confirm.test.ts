// Confirmation by email (issue 19), with a real SMTP server (smtp-server) on 127.0.0.1: the
// signer gets one email with a link; following it makes the signature count, once; unknown
// and expired links get a clear page; mail waits in the database while SMTP is down.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  auth,
  backends,
  FIXTURE_FEED,
  parseCsv,
  refusedOrServed,
  request,
  runCli,
  serveCli,
  sign,
  signature,
  startServer,
  tempDir,
  storedSignature,
} from './helpers.js';
import type { TestServer } from './helpers.js';
import { linkIn, page, startSmtp, until } from './confirm-rig.js';

/** A port nothing listens on (taken, then freed). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

function confirmingFeed() {
  const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
  feed.petitions[0].confirm = true; // "open"
  return feed;
}

for (const backend of backends) {
  describe(`confirmation by email: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    before(async () => {
      smtp = await startSmtp();
      s = await startServer(backend, {
        feedJson: confirmingFeed(),
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'Test Local 1 <petitions@union.example>',
        mailPollMs: 200,
      });
    });
    after(async () => {
      await s?.close();
      await smtp?.close();
    });

    it('a signature is pending and uncounted until its one emailed link is followed, once', async () => {
      const body = signature();
      const r = await sign(s.base, body);
      assert.equal(r.status, 201, r.text);
      await until(() => smtp.inbox.some((m) => m.to === body.email));
      const mails = smtp.inbox.filter((m) => m.to === body.email);
      assert.equal(mails.length, 1);
      assert.match(mails[0].raw, /Subject: Please confirm your signature: Open petition/);
      assert.match(mails[0].raw, /From: Test Local 1 <petitions@union\.example>/);
      assert.match(mails[0].raw, /Content-Type: text\/html/);
      assert.equal(await s.store.count('open'), 0, 'a pending signature is not counted');
      assert.equal(await s.store.confirmations().pendingCount('open'), 1);

      const link = linkIn(mails[0].raw);
      const first = await page(link);
      assert.equal(first.status, 200);
      assert.match(first.text, /Signature confirmed/);
      assert.match(first.text, /Open petition/);
      assert.match(first.text, /href="https:\/\/union\.example"/);
      assert.equal(await s.store.count('open'), 1);
      assert.equal(await s.store.confirmations().pendingCount('open'), 0);

      const second = await page(link);
      assert.equal(second.status, 200);
      assert.match(second.text, /Already confirmed/);
      assert.equal(await s.store.count('open'), 1, 'no double count');

      const csv = await request(s.base, 'GET', '/api/petitions/open/signatures.csv', { headers: auth });
      const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
      assert.equal(rows[0].at(-1), 'confirmed_at');
      assert.match(rows[1].at(-1)!, /^\d{4}-\d\d-\d\dT/);
    });

    it('a pending signer who signs again gets no second email within 10 minutes', async () => {
      const body = signature();
      assert.equal((await sign(s.base, body)).status, 201);
      await until(() => smtp.inbox.some((m) => m.to === body.email));
      assert.equal((await sign(s.base, { ...body, given_name: 'Again' })).status, 201);
      // A third signer's email arrives after the repeat was handled: the queue is in order.
      const marker = signature();
      assert.equal((await sign(s.base, marker)).status, 201);
      await until(() => smtp.inbox.some((m) => m.to === marker.email));
      assert.equal(smtp.inbox.filter((m) => m.to === body.email).length, 1);
    });

    it("in the widget's language: email and page in Spanish", async () => {
      const body = signature({ lang: 'es-MX' });
      assert.equal((await sign(s.base, body)).status, 201);
      await until(() => smtp.inbox.some((m) => m.to === body.email));
      const raw = smtp.inbox.find((m) => m.to === body.email)!.raw;
      assert.match(raw, /Subject: =\?UTF-8\?|Subject: Confirma tu firma/);
      const r = await page(linkIn(raw));
      assert.equal(r.status, 200);
      assert.match(r.text, /lang="es"/);
      assert.match(r.text, /Firma confirmada/);
      assert.match(r.text, /Petición abierta/);
    });

    it('an unknown link is 404 and an expired one 410, each with a clear page', async () => {
      const unknown = await request(s.base, 'GET', `/confirm/${'A'.repeat(43)}`);
      assert.equal(unknown.status, 404);
      assert.match(unknown.text, /Link not found/);
      assert.equal((await request(s.base, 'GET', '/confirm/short')).status, 404);

      const body = signature();
      assert.equal((await sign(s.base, body)).status, 201);
      await until(() => smtp.inbox.some((m) => m.to === body.email));
      const pending = await s.store.confirmations().pendingCount('open');
      const link = linkIn(smtp.inbox.find((m) => m.to === body.email)!.raw);
      const gone = new Date(Date.now() - 1000).toISOString();
      await s.query(`UPDATE confirm_tokens SET expires_at = '${gone}' WHERE email = '${body.email}' RETURNING email`);
      const expired = await page(link);
      assert.equal(expired.status, 410);
      assert.match(expired.text, /This link has expired/);
      assert.equal(await s.store.confirmations().pendingCount('open'), pending, 'still pending, not counted');
    });
    it('erasing a pending signer removes the signature and its link', async () => {
      const body = signature();
      assert.equal((await sign(s.base, body)).status, 201);
      await until(() => smtp.inbox.some((m) => m.to === body.email));
      const link = linkIn(smtp.inbox.find((m) => m.to === body.email)!.raw);
      const q = `/api/petitions/open/signatures?email=${encodeURIComponent(String(body.email))}`;
      const erased = await request(s.base, 'DELETE', q, { headers: auth });
      assert.deepEqual(erased.json(), { erased: 1 });
      const left = `SELECT 1 FROM pending_signatures WHERE email = '${body.email}'
        UNION ALL SELECT 1 FROM confirm_tokens WHERE email = '${body.email}'`;
      assert.equal((await s.query(left)).length, 0);
      assert.equal((await page(link)).status, 404);
    });
  });

  describe(`confirmation by email, retention: ${backend.name}`, { skip: backend.skip }, () => {
    it('pending signatures older than 30 days are deleted', async () => {
      const old = new Date(Date.now() - 31 * 86400_000);
      const recent = new Date(Date.now() - 29 * 86400_000);
      const pending = (email: string, at: Date) => ({
        ...(signature({ email }) as object),
        ...storedSignature({ email, given_name: 'Rosa', signed_at: at.toISOString() }),
        lang: 'en',
      });
      const mail = { to: 'x@example.org', subject: 's', text: 't', html: 'h' };
      const smtp = await startSmtp();
      const s = await startServer(backend, {
        feedJson: confirmingFeed(),
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'Test <t@union.example>',
        seed: async (store) => {
          const c = store.confirmations();
          await c.addPending(
            pending('old@example.org', old) as never,
            { sha256: 'a'.repeat(64), expiresAt: old },
            mail,
            old,
            0,
          );
          await c.addPending(
            pending('recent@example.org', recent) as never,
            { sha256: 'b'.repeat(64), expiresAt: recent },
            mail,
            recent,
            0,
          );
        },
      });
      try {
        const rows = await s.query('SELECT email FROM pending_signatures');
        assert.deepEqual(
          rows.map((r) => r.email),
          ['recent@example.org'],
        );
        assert.equal((await s.query("SELECT 1 FROM confirm_tokens WHERE email = 'old@example.org'")).length, 0);
      } finally {
        await s.close();
        await smtp.close();
      }
    });
  });
}

describe('confirmation by email: SMTP down, then back, across a server restart', () => {
  it('the signature is accepted at once and its email arrives once the mail server is back', async () => {
    const dir = tempDir();
    const feedFile = path.join(dir, 'feed.json');
    fs.writeFileSync(feedFile, JSON.stringify(confirmingFeed()));
    const smtpPort = await freePort();
    const args = [
      '--feed',
      feedFile,
      '--db',
      path.join(dir, 'db.sqlite'),
      '--rate-limit',
      '0',
      '--smtp',
      `smtp://127.0.0.1:${smtpPort}`,
      '--mail-from',
      'Test Local 1 <petitions@union.example>',
    ];
    let cli = await serveCli(args);
    let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
    try {
      const body = signature();
      const r = await sign(cli.base, body);
      assert.equal(r.status, 201, r.text);
      await until(() => /mail: cannot send through SMTP/.test(cli.output()));
      cli.proc.kill('SIGTERM');
      assert.equal(await cli.exited, 0);

      smtp = await startSmtp(smtpPort);
      cli = await serveCli(args);
      await until(() => smtp!.inbox.some((m) => m.to === body.email));
      const link = linkIn(smtp.inbox.find((m) => m.to === body.email)!.raw).replace(
        /:\d+\//,
        `:${new URL(cli.base).port}/`,
      );
      assert.equal((await page(link)).status, 200);
      assert.equal(smtp.inbox.filter((m) => m.to === body.email).length, 1);
    } finally {
      cli.proc.kill('SIGTERM');
      await cli.exited;
      await smtp?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serve refuses a confirming feed without SMTP, and check warns', async () => {
    const dir = tempDir();
    const feedFile = path.join(dir, 'feed.json');
    fs.writeFileSync(feedFile, JSON.stringify(confirmingFeed()));
    try {
      const { code, out } = await refusedOrServed(
        runCli(['serve', '--feed', feedFile, '--port', '0'], { SMTP_URL: '' }),
      );
      assert.equal(code, 1);
      assert.match(out, /petition\(s\) open ask signers to confirm by email .* --smtp/);
      const check = runCli(['check', feedFile]);
      assert.equal(await check.exited, 0);
      assert.match(check.output(), /warning: petition open asks signers to confirm by email/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
