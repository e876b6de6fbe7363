// Issue 23: two servers on one Postgres, behind a round-robin balancer, keep every promise one
// server keeps: one signature per Idempotency-Key, one count per signer, no acknowledged
// signature lost when a server is killed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fs from 'node:fs';
import { Organizers } from '../console/organizers.js';
import { PostgresStore } from '../storage/postgres.js';
import { FIXTURE_FEED, request, sign, signature } from './helpers.js';
import { solved } from './altcha-client.js';
import { eventually } from './receiver.js';
import { postgres, startServers } from './two-servers.js';

const stored = async (rig: Awaited<ReturnType<typeof startServers>>, petition = 'open') => {
  const [row] = await rig.query('SELECT count(*)::int AS n FROM signatures WHERE petition = $1', [petition]);
  const [counted] = await rig.query('SELECT sum(count) AS count FROM petition_count_shards WHERE petition = $1', [
    petition,
  ]);
  return { rows: Number(row.n), count: Number(counted?.count ?? 0) };
};

describe('two servers on one Postgres', { skip: postgres.skip }, () => {
  it('a proof-of-work solution spent on one server is refused by the other', async () => {
    const rig = await startServers({ args: ['--proof-of-work', 'on'] });
    try {
      const [a, b] = rig.bases;
      // The challenge key is shared through the database: a challenge from one server signs on the other.
      const fromA = await solved(a);
      assert.equal((await sign(b, signature({ email: 'cross@two.example', altcha: fromA }))).status, 201);
      // Spent on one, refused on the other.
      const altcha = await solved(a);
      assert.equal((await sign(a, signature({ email: 'once@two.example', altcha }))).status, 201);
      const replayed = await sign(b, signature({ email: 'twice@two.example', altcha }));
      assert.equal(replayed.status, 400, replayed.text);
      assert.equal(replayed.json().error.code, 'challenge_invalid');
      assert.deepEqual(await stored(rig), { rows: 2, count: 2 });
    } finally {
      await rig.close();
    }
  });

  it('the same Idempotency-Key sent to both at once stores one signature; both answers are documented', async () => {
    const rig = await startServers();
    try {
      const keys = 20;
      const pairs = await Promise.all(
        Array.from({ length: keys }, async (_, i) => {
          const body = signature({ email: `key${i}@two.example` });
          const headers = { 'idempotency-key': `both-${i}` };
          const answers = await Promise.all(rig.bases.map((base) => sign(base, body, headers)));
          return { body, headers, answers };
        }),
      );
      for (const { answers } of pairs) {
        const statuses = answers.map((a) => a.status).sort();
        // One server stores it; the other replays the stored answer or says it is in progress.
        assert.ok(
          ['201,201', '201,409'].includes(statuses.join()),
          `answers ${statuses}: ${answers.map((a) => a.text)}`,
        );
        const created = answers.filter((a) => a.status === 201);
        for (const a of created) assert.deepEqual(Object.keys(a.json()), ['count']);
        if (created.length === 2) assert.equal(created[0].text, created[1].text, 'a replay is the stored answer');
        const busy = answers.find((a) => a.status === 409);
        if (busy) assert.equal(busy.json().error.code, 'in_progress');
      }
      assert.deepEqual(await stored(rig), { rows: keys, count: keys });
      // A client that got 409 retries, on whichever server: it gets the stored answer.
      for (const [i, { body, headers, answers }] of pairs.entries()) {
        const first = answers.find((a) => a.status === 201)!;
        const again = await sign(rig.spread(i + 1), body, headers);
        assert.equal(again.status, 201);
        assert.equal(again.text, first.text);
      }
      assert.deepEqual(await stored(rig), { rows: keys, count: keys });
    } finally {
      await rig.close();
    }
  });

  it('the same signer through both servers is counted once', async () => {
    const rig = await startServers();
    try {
      const signers = 10;
      await Promise.all(
        Array.from({ length: signers * 8 }, async (_, n) => {
          // Each signer eight times, half on each server, some with another capitalization.
          const i = n % signers;
          const email = n % 3 ? `signer${i}@two.example` : `Signer${i}@Two.Example`;
          const r = await sign(rig.spread(n), signature({ email }), { 'idempotency-key': `same-${n}` });
          assert.equal(r.status, 201, r.text);
        }),
      );
      assert.deepEqual(await stored(rig), { rows: signers, count: signers });
    } finally {
      await rig.close();
    }
  });

  it('the rate limit is per server: N servers let one address sign N × --rate-limit a minute', async () => {
    const rig = await startServers({ args: ['--rate-limit', '2'] });
    try {
      const statuses: number[] = [];
      for (let n = 0; n < 6; n++) statuses.push((await sign(rig.spread(n), signature())).status);
      // Round robin: two on each server, then each refuses the third (docs/design.md: the rate limit, several servers).
      assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
    } finally {
      await rig.close();
    }
  });

  it('a console session made on one server works on the other, and its feed save reaches both', async () => {
    const rig = await startServers();
    const store = new PostgresStore(rig.databaseUrl);
    try {
      await new Organizers(store.sql()).add('ana@party.example', 'a long enough passphrase');
      const [a, b] = rig.bases;
      const signIn = await request(a, 'POST', '/api/admin/session', {
        json: { email: 'ana@party.example', password: 'a long enough passphrase' },
        headers: { origin: a },
      });
      assert.equal(signIn.status, 200, signIn.text);
      const cookie = String(signIn.headers['set-cookie']).split(';')[0];
      const me = await request(b, 'GET', '/api/admin/session', { headers: { cookie } });
      assert.equal(me.status, 200, me.text);
      assert.deepEqual(me.json(), { email: 'ana@party.example', csrf: signIn.json().csrf });

      const feed = JSON.parse(fs.readFileSync(FIXTURE_FEED, 'utf8'));
      feed.org.name = 'Saved In The Console';
      const saved = await request(b, 'PUT', '/api/admin/feed', {
        json: feed,
        headers: { cookie, origin: b, 'x-csrf-token': signIn.json().csrf },
      });
      assert.equal(saved.status, 200, saved.text);
      const names = async () =>
        Promise.all(rig.bases.map(async (base) => (await request(base, 'GET', '/feed.json')).json().org.name));
      await eventually(async () => (await names()).every((n) => n === feed.org.name), 'the saved feed on both');
    } finally {
      await store.close();
      await rig.close();
    }
  });

  it('SIGKILL of one server under load loses no acknowledged signature; the other keeps accepting', async (t) => {
    const rig = await startServers();
    try {
      const [doomed, survivor] = rig.servers;
      const acked: string[] = [];
      const cutOff: { email: string; key: string }[] = [];
      let afterKill = 0;
      let killed = false;
      let running = true;
      const worker = async (w: number) => {
        for (let i = 0; running; i++) {
          const email = `w${w}.n${i}@kill.example`;
          // A balancer spreads requests over both, and stops sending to a server that died.
          const base = killed ? survivor.base : rig.spread(w + i);
          const key = `kill-${w}-${i}`;
          try {
            const r = await sign(base, signature({ email }), { 'idempotency-key': key });
            assert.equal(r.status, 201, r.text);
            acked.push(email);
            if (killed && base === survivor.base) afterKill++;
          } catch (err) {
            if ((err as Error).name === 'AssertionError') throw err;
            // Cut off with the killed server: never acknowledged, so not counted as stored.
            cutOff.push({ email, key });
          }
        }
      };
      const workers = Array.from({ length: 16 }, (_, w) => worker(w));
      const wait = async (done: () => boolean, what: string) => {
        const deadline = Date.now() + 30_000;
        while (!done()) {
          if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
          await new Promise((ok) => setTimeout(ok, 20));
        }
      };
      await wait(() => acked.length >= 300, '300 acknowledged signatures');
      doomed.proc.kill('SIGKILL');
      killed = true;
      const before = acked.length;
      await wait(() => afterKill >= 100, '100 signatures on the survivor after the kill');
      running = false;
      await Promise.all(workers);
      assert.equal(await doomed.exited, null, 'killed by a signal');
      t.diagnostic(`${before} acknowledged before the kill, ${afterKill} by the survivor after it`);

      // The widget retries a request that was cut off, with its key: the survivor takes it over
      // at once (its claim died with the killed server), not after the stale-claim minute.
      for (const { email, key } of cutOff) {
        const r = await sign(survivor.base, signature({ email }), { 'idempotency-key': key });
        assert.equal(r.status, 201, r.text);
        acked.push(email);
      }
      t.diagnostic(`${cutOff.length} requests cut off by the kill, retried on the survivor`);

      const rows = await rig.query("SELECT email FROM signatures WHERE petition = 'open'");
      const have = new Set(rows.map((r) => r.email));
      const lost = acked.filter((e) => !have.has(e));
      assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged signatures lost`);
      const { count } = await stored(rig);
      assert.equal(count, rows.length, 'the count matches the rows');
    } finally {
      await rig.close();
    }
  });
});
