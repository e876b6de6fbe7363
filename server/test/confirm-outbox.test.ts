// Issues 19 and 20 together: a confirming petition's signature reaches the organization's tools
// when its signer confirms (signature.confirmed, written in the confirmation's transaction), not
// before and only once; and the organizers' CSV shows pending signers with an empty confirmed_at.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { linkIn, page, startSmtp, until } from './confirm-rig.js';
import { auth, backends, FIXTURE_FEED, parseCsv, request, sign, signature, startServer } from './helpers.js';
import { SECRET, startReceiver } from './receiver.js';

const dispatch = { retryBaseMs: 20, maxDelayMs: 200, pollMs: 50 };

function confirmingFeed(extra: Record<string, unknown> = {}) {
  const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
  feed.petitions[0] = { ...feed.petitions[0], confirm: true, ...extra }; // "open"
  return feed;
}

for (const backend of backends) {
  describe(`confirmation and the outbox: ${backend.name}`, { skip: backend.skip }, () => {
    it('sends nothing while pending, then one signature.confirmed per destination, once', async () => {
      const hooks = await startReceiver(() => 200);
      const apiKey = 'an-key';
      const an = await startReceiver((req) => (req.headers['osdi-api-token'] === apiKey ? 200 : 401));
      const smtp = await startSmtp();
      const s = await startServer(backend, {
        feedJson: confirmingFeed({ action_network: 'abc-123' }),
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'Test Local 1 <petitions@union.example>',
        mailPollMs: 200,
        outbox: {
          webhooks: [hooks.url],
          webhookSecret: SECRET,
          actionNetwork: { url: new URL(an.url).origin, apiKey },
          dispatch,
        },
      });
      try {
        const body = signature();
        assert.equal((await sign(s.base, body)).status, 201);
        await until(() => smtp.inbox.some((m) => m.to === body.email));
        // The outbox is written in the signing transaction: nothing there means nothing will be sent.
        assert.deepEqual(await s.query('SELECT type FROM outbox'), [], 'a pending signature owes no event');

        const link = linkIn(smtp.inbox.find((m) => m.to === body.email)!.raw);
        assert.equal((await page(link)).status, 200);
        await hooks.until((all) => all.some((r) => r.status === 200), 'the webhook');
        await an.until((all) => all.some((r) => r.status === 200), 'Action Network');
        await until(async () => (await s.query('SELECT type FROM outbox')).length === 0);

        const again = await page(link);
        assert.match(again.text, /Already confirmed/);
        assert.deepEqual(await s.query('SELECT type FROM outbox'), [], 'a second click owes no event');
        assert.equal(hooks.received.length, 1);
        assert.equal(an.received.length, 1);

        const hook = hooks.received[0];
        const event = new Webhook(SECRET).verify(hook.body, {
          'webhook-id': String(hook.headers['webhook-id']),
          'webhook-timestamp': String(hook.headers['webhook-timestamp']),
          'webhook-signature': String(hook.headers['webhook-signature']),
        }) as { type: string; data: Record<string, unknown> };
        assert.equal(event.type, 'signature.confirmed');
        assert.equal(event.data.petition, 'open');
        assert.equal(event.data.email, body.email);
        assert.equal(event.data.given_name, body.given_name);
        assert.match(String(event.data.signed_at), /^\d{4}-\d\d-\d\dT/);
        assert.match(String(event.data.confirmed_at), /^\d{4}-\d\d-\d\dT/);
        assert.match(an.received[0].url, /^\/api\/v2\/petitions\/abc-123\/signatures\/$/);
        assert.equal(JSON.parse(an.received[0].body).person.email_addresses[0].address, body.email);
      } finally {
        await s.close();
        await smtp.close();
        await hooks.close();
        await an.close();
      }
    });

    it('erasing a confirmed signer drops their undelivered signature.confirmed', async () => {
      const hooks = await startReceiver(() => 500); // never delivered, so the event waits
      const smtp = await startSmtp();
      const s = await startServer(backend, {
        feedJson: confirmingFeed(),
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'Test Local 1 <petitions@union.example>',
        mailPollMs: 200,
        outbox: { webhooks: [hooks.url], webhookSecret: SECRET, dispatch },
      });
      try {
        const body = signature();
        assert.equal((await sign(s.base, body)).status, 201);
        await until(() => smtp.inbox.some((m) => m.to === body.email));
        assert.equal((await page(linkIn(smtp.inbox.find((m) => m.to === body.email)!.raw))).status, 200);
        assert.deepEqual(await s.query('SELECT type FROM outbox'), [{ type: 'signature.confirmed' }]);
        const q = `/api/petitions/open/signatures?email=${encodeURIComponent(String(body.email))}`;
        assert.deepEqual((await request(s.base, 'DELETE', q, { headers: auth })).json(), { erased: 1 });
        assert.deepEqual(await s.query('SELECT type FROM outbox'), [{ type: 'signature.erased' }]);
      } finally {
        await s.close();
        await smtp.close();
        await hooks.close();
      }
    });

    it("the organizers' CSV has pending signers, with an empty confirmed_at", async () => {
      const smtp = await startSmtp();
      const s = await startServer(backend, {
        feedJson: confirmingFeed(),
        smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
        mailFrom: 'Test Local 1 <petitions@union.example>',
        mailPollMs: 200,
      });
      try {
        const confirmed = signature();
        const pending = signature();
        for (const b of [confirmed, pending]) assert.equal((await sign(s.base, b)).status, 201);
        await until(() => [confirmed, pending].every((b) => smtp.inbox.some((m) => m.to === b.email)));
        assert.equal((await page(linkIn(smtp.inbox.find((m) => m.to === confirmed.email)!.raw))).status, 200);

        const csv = await request(s.base, 'GET', '/api/petitions/open/signatures.csv', { headers: auth });
        assert.equal(csv.status, 200);
        const [head, ...rows] = parseCsv(csv.text.replace(/^\uFEFF/, ''));
        const at = (name: string) => head.indexOf(name);
        const row = (email: unknown) => rows.find((r) => r[at('email')] === email);
        assert.equal(rows.length, 2);
        assert.match(row(confirmed.email)![at('confirmed_at')], /^\d{4}-\d\d-\d\dT/);
        assert.equal(row(pending.email)![at('confirmed_at')], '');
        assert.equal(row(pending.email)![at('given_name')], pending.given_name);
      } finally {
        await s.close();
        await smtp.close();
      }
    });
  });
}
