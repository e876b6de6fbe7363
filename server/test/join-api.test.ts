// Joining (issue 21) against a real server on 127.0.0.1 and a real database, for both databases:
// the chapter chosen or assigned by postal code, repeats, confirmation by email with a real SMTP
// server, and the outbox events written with RSVPs and members.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { linkIn, page, startSmtp, until } from './confirm-rig.js';
import { eventsFeed as feedJson, joinUs, rsvp } from './action-helpers.js';
import {
  auth,
  backends,
  parseCsv,
  refusedOrServed,
  repoRoot,
  request,
  runCli,
  signature,
  startServer,
  tempDir,
  type Res,
  type TestServer,
} from './helpers.js';

const CONSENT = 'Welcome me as a member.';
const member = (overrides: Record<string, unknown> = {}) =>
  signature({ consent: { granted: true, text: CONSENT }, lang: 'en', ...overrides });
const errorOf = (r: Res) => r.json().error as { code: string; message: string; field?: string };

for (const backend of backends) {
  describe(`join api: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => (s = await startServer(backend, { feedJson: feedJson() })));
    after(async () => s?.close());

    const stored = async (email: string) =>
      (await s.query(`SELECT chapter, status, given_name FROM members WHERE email = '${email}'`)).map((r) => ({
        ...r,
      }));

    it('postal code 60614 without a chapter is stored with Chicago North Side, by the longest prefix', async () => {
      const r = await joinUs(s.base, member({ email: 'lucy@example.org', postal_code: '60614' }));
      assert.equal(r.status, 201, r.text);
      assert.deepEqual(r.json(), { chapter: 'chicago-north', pending: false });
      assert.deepEqual(await stored('lucy@example.org'), [
        { chapter: 'chicago-north', status: 'member', given_name: 'Rosa' },
      ]);
      const loop = await joinUs(s.base, member({ email: 'loop@example.org', postal_code: '60601' }));
      assert.equal(loop.json().chapter, 'chicago');
    });

    it('a chosen chapter wins over the postal code; an unknown one is refused by name', async () => {
      const r = await joinUs(s.base, member({ email: 'to@example.org', postal_code: '60614', chapter: 'toronto' }));
      assert.deepEqual(r.json(), { chapter: 'toronto', pending: false });
      const bad = await joinUs(s.base, member({ chapter: 'atlantis' }));
      assert.equal(bad.status, 400);
      assert.deepEqual(errorOf(bad), {
        code: 'invalid_field',
        message: 'There is no chapter "atlantis".',
        field: 'chapter',
      });
    });

    it('no chapter covers the postal code and the form asks for one: 400 on chapter', async () => {
      const r = await joinUs(s.base, member({ postal_code: '99999' }));
      assert.equal(r.status, 400);
      assert.equal(errorOf(r).field, 'chapter');
      assert.match(errorOf(r).message, /chapter is required/);
    });

    it('a repeat join by the same address keeps the first member and answers with their chapter', async () => {
      await joinUs(s.base, member({ email: 'rep@example.org', postal_code: '60601' }));
      const again = await joinUs(s.base, member({ email: 'REP@example.org', chapter: 'toronto', given_name: 'Other' }));
      assert.deepEqual(again.json(), { chapter: 'chicago', pending: false });
      assert.deepEqual(await stored('rep@example.org'), [{ chapter: 'chicago', status: 'member', given_name: 'Rosa' }]);
    });

    it("checks the body as a signature's (the join form's fields and consent); a honeypot keeps nothing", async () => {
      const noName = await joinUs(s.base, member({ given_name: ' ' }));
      assert.deepEqual(errorOf(noName), {
        code: 'invalid_field',
        message: 'given_name is required for this join form.',
        field: 'given_name',
      });
      const petitionConsent = await joinUs(s.base, signature({ postal_code: '60601' }));
      assert.match(errorOf(petitionConsent).message, /join form's consent text/);
      const bot = await joinUs(s.base, member({ email: 'bot@example.org', website: 'x', postal_code: '60614' }));
      assert.deepEqual([bot.status, bot.json()], [201, { chapter: 'chicago-north', pending: false }]);
      assert.deepEqual(await stored('bot@example.org'), []);
    });

    it('503 cannot_confirm for a confirming join form on a server that cannot send email', async () => {
      const confirming = feedJson();
      confirming.join.confirm = true;
      const other = await startServer(backend, { feedJson: confirming });
      try {
        const r = await joinUs(other.base, member({ email: 'nomail@example.org', postal_code: '60614' }));
        assert.deepEqual([r.status, errorOf(r).code], [503, 'cannot_confirm']);
        assert.deepEqual(await other.query('SELECT * FROM members'), []);
      } finally {
        await other.close();
      }
    });

    it('404 join_not_found when the feed has no join form', async () => {
      const noJoin = feedJson();
      delete noJoin.join;
      const other = await startServer(backend, { feedJson: noJoin });
      try {
        const r = await joinUs(other.base, member());
        assert.deepEqual([r.status, errorOf(r).code], [404, 'join_not_found']);
      } finally {
        await other.close();
      }
    });
  });

  describe(`join with confirmation by email: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    before(async () => {
      smtp = await startSmtp();
      const feed = feedJson();
      feed.join.confirm = true;
      s = await startServer(backend, {
        feedJson: feed,
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'Test Local 1 <join@union.example>',
        mailPollMs: 200,
      });
    });
    after(async () => {
      await s?.close();
      await smtp?.close();
    });

    it('a member is pending until the emailed link is followed, once; a repeat sends no second mail', async () => {
      const r = await joinUs(s.base, member({ email: 'new@example.org', postal_code: '60614', lang: 'es' }));
      assert.deepEqual(r.json(), { chapter: 'chicago-north', pending: true });
      await joinUs(s.base, member({ email: 'new@example.org', postal_code: '60614' }));
      await until(() => smtp.inbox.length > 0);
      const status = async () =>
        (await s.query("SELECT status FROM members WHERE email = 'new@example.org'"))[0].status;
      assert.equal(await status(), 'pending');
      assert.match(smtp.inbox[0].raw, /Confirma_tu_afiliaci=C3=B3n/, "the subject, in the member's language");
      const first = await page(linkIn(smtp.inbox[0].raw));
      assert.equal(first.status, 200);
      assert.match(first.text, /Afiliación confirmada/);
      assert.match(first.text, /Únete/, 'the join form title');
      assert.equal(await status(), 'member');
      const second = await page(linkIn(smtp.inbox[0].raw));
      assert.equal(second.status, 200);
      assert.match(second.text, /ya estaba confirmada/);
      assert.equal(smtp.inbox.length, 1, 'one email for the two joins');
    });
  });

  describe(`outbox events for RSVPs and members: ${backend.name}`, { skip: backend.skip }, () => {
    let s: TestServer;
    before(async () => {
      s = await startServer(backend, {
        feedJson: feedJson(),
        // Nothing listens there: the events stay in the outbox, where the test reads them.
        outbox: { webhooks: ['http://127.0.0.1:9/hook'], webhookSecret: `whsec_${'A'.repeat(32)}` },
      });
    });
    after(async () => s?.close());

    it('rsvp.created and member.joined are written with the RSVP and the member, once', async () => {
      await rsvp(s.base, 'small', signature({ email: 'ev@example.org' }));
      await rsvp(s.base, 'small', signature({ email: 'ev@example.org' }));
      await joinUs(s.base, member({ email: 'ev@example.org', postal_code: '60614' }));
      await joinUs(s.base, member({ email: 'ev@example.org', postal_code: '60614' }));
      const rows = await s.query('SELECT type, body FROM outbox ORDER BY type');
      assert.deepEqual(
        rows.map((r) => r.type),
        ['member.joined', 'rsvp.created'],
      );
      const joined = JSON.parse(rows[0].body as string).data;
      assert.equal(joined.chapter, 'chicago-north');
      assert.equal(JSON.parse(rows[1].body as string).data.status, 'going');
    });
  });
}

describe('join against the sample feed (npm start)', () => {
  it('60614 is stored with Chicago North Side and exported with its chapter id and name', async () => {
    const sample = JSON.parse(fs.readFileSync(path.join(repoRoot, 'sample', 'feed.json'), 'utf8'));
    const s = await startServer(backends[0], { feedJson: sample });
    try {
      const text = sample.join.consent.en;
      const r = await joinUs(s.base, signature({ postal_code: '60614', consent: { granted: true, text } }));
      assert.deepEqual(r.json(), { chapter: 'chicago-north', pending: false });
      const csv = await request(s.base, 'GET', '/api/join/members.csv', { headers: auth });
      const rows = parseCsv(csv.text.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows[1].slice(1, 3), ['chicago-north', 'Chicago North Side']);
    } finally {
      await s.close();
    }
  });
});

describe('join: serve and check', () => {
  it('serve refuses a feed whose join form confirms by email without SMTP, and check warns', async () => {
    const dir = tempDir();
    const feedFile = path.join(dir, 'feed.json');
    const feed = feedJson();
    feed.join.confirm = true;
    fs.writeFileSync(feedFile, JSON.stringify(feed));
    try {
      const served = await refusedOrServed(runCli(['serve', '--feed', feedFile, '--port', '0'], { SMTP_URL: '' }));
      assert.equal(served.code, 1);
      assert.match(served.out, /the join form asks new members to confirm by email .* --smtp/);
      const check = runCli(['check', feedFile]);
      assert.equal(await check.exited, 0);
      assert.match(check.output(), /warning: join asks new members to confirm by email/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
