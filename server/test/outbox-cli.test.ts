// Issue 20 through the real CLI on a real SQLite file: events pending when the server is
// SIGKILLed are all delivered after the restart; `outbox` shows them; bad settings are refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import Database from 'better-sqlite3';
import { Webhook } from 'standardwebhooks';
import { FIXTURE_FEED, refusedOrServed, runCli, serveCli, sign, signature, tempDir } from './helpers.js';
import { deliveredIds, eventually, SECRET, startReceiver } from './receiver.js';

const env = { SOLIDARITY_WEBHOOK_SECRET: SECRET };

async function cliOutput(args: string[], extraEnv: Record<string, string> = {}) {
  const cli = runCli(args, extraEnv);
  const code = await cli.exited;
  return { code, out: cli.output() };
}

it('events pending when the server is SIGKILLed are all delivered after the restart', async () => {
  const dir = tempDir();
  const db = path.join(dir, 'sw.db');
  // At first the receiver takes every request and never answers: the events are in flight.
  const receiver = await startReceiver(() => null);
  const args = ['--feed', FIXTURE_FEED, '--db', db, '--rate-limit', '0', '--webhook', receiver.url];
  try {
    const first = await serveCli(args, env);
    assert.match(first.output(), new RegExp(`webhook: signed events go to ${receiver.url}`));
    const signers = Array.from({ length: 5 }, () => signature());
    for (const s of signers) assert.equal((await sign(first.base, s)).status, 201);
    await receiver.until((all) => all.length === 5, 'all 5 events in flight');
    first.proc.kill('SIGKILL');
    await first.exited;

    const listed = await cliOutput(['outbox', '--db', db]);
    assert.equal(listed.code, 0, listed.out);
    assert.match(listed.out, /outbox: 5 pending, 0 failed/);
    assert.equal(
      listed.out.match(/signature\.created .* -> webhook http:\/\/127\.0\.0\.1:\d+\/hook: pending/g)?.length,
      5,
    );

    receiver.answer = () => 200;
    const second = await serveCli(args, env);
    try {
      await receiver.until((all) => deliveredIds(all).size === 5, '5 events delivered after the restart');
      const verifier = new Webhook(SECRET);
      const emails = receiver.received
        .filter((r) => r.status === 200)
        .map(
          (r) =>
            (verifier.verify(r.body, r.headers as Record<string, string>) as { data: { email: string } }).data.email,
        );
      assert.deepEqual(emails.sort(), signers.map((s) => s.email).sort());
      assert.deepEqual([...deliveredIds(receiver.received).values()], [1, 1, 1, 1, 1]);
      // The ids after the restart are the ids sent before it.
      const before = new Set(receiver.received.filter((r) => r.status === null).map((r) => r.headers['webhook-id']));
      assert.deepEqual(new Set(deliveredIds(receiver.received).keys()), before);
      const reader = new Database(db, { readonly: true });
      try {
        const left = () => reader.prepare('SELECT count(*) FROM outbox').pluck().get() as number;
        await eventually(async () => left() === 0, 'the outbox emptied');
      } finally {
        reader.close();
      }
    } finally {
      second.proc.kill('SIGTERM');
      await second.exited;
    }
    const after = await cliOutput(['outbox', '--db', db]);
    assert.match(after.out, /nothing waiting/);
  } finally {
    await receiver.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('refuses --webhook without a usable secret, saying how to make one', async () => {
  const dir = tempDir();
  try {
    const base = [
      'serve',
      '--feed',
      FIXTURE_FEED,
      '--db',
      path.join(dir, 'x.db'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ];
    const none = await refusedOrServed(runCli([...base, '--webhook', 'https://crm.example/hook']));
    assert.equal(none.code, 2);
    assert.match(none.out, /--webhook needs SOLIDARITY_WEBHOOK_SECRET.*openssl rand -base64 32/);
    const bad = await refusedOrServed(
      runCli([...base, '--webhook', 'https://crm.example/hook'], { SOLIDARITY_WEBHOOK_SECRET: 'hunter2' }),
    );
    assert.match(bad.out, /SOLIDARITY_WEBHOOK_SECRET must start with "whsec_"/);
    const url = await refusedOrServed(runCli([...base, '--webhook', 'crm.example/hook'], env));
    assert.match(url.out, /--webhook "crm.example\/hook" is not an http\(s\) URL/);
    const bogus = await cliOutput(['outbox', 'resend', '--db', path.join(dir, 'x.db')]);
    assert.equal(bogus.code, 2);
    assert.match(bogus.out, /outbox takes "retry" or nothing, not "resend"/);
    const missing = await cliOutput(['outbox', '--db', path.join(dir, 'none.db')]);
    assert.equal(missing.code, 1);
    assert.match(missing.out, /no database file .*none\.db: give the one serve uses with --db FILE/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('check warns about a petition with action_network when no API key is set', async () => {
  const dir = tempDir();
  try {
    const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
    feed.petitions[0].action_network = 'abc-123';
    const file = path.join(dir, 'feed.json');
    fs.writeFileSync(file, JSON.stringify(feed));
    const without = await cliOutput(['check', file], { ACTION_NETWORK_API_KEY: '' });
    assert.equal(without.code, 0, without.out);
    assert.match(without.out, /warning: \$\.petitions\[0\]\.action_network: ACTION_NETWORK_API_KEY is not set/);
    const withKey = await cliOutput(['check', file], { ACTION_NETWORK_API_KEY: 'key' });
    assert.doesNotMatch(withKey.out, /warning/);
    feed.petitions[0].action_network = 123;
    fs.writeFileSync(file, JSON.stringify(feed));
    const notText = await cliOutput(['check', file], { ACTION_NETWORK_API_KEY: 'key' });
    assert.equal(notText.code, 1);
    assert.match(notText.out, /\$\.petitions\[0\]\.action_network: .*string/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
