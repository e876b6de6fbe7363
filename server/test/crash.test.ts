// SIGKILL in the middle of a load loses no signature that received a 201.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { FIXTURE_FEED, auth, parseCsv, request, serveCli, sign, signature, tempDir, TOKEN } from './helpers.js';

it('every 201-acknowledged signature survives kill -9 and a restart', async (t) => {
  const dir = tempDir();
  const db = path.join(dir, 'crash.db');
  const args = ['--feed', FIXTURE_FEED, '--db', db, '--rate-limit', '0'];
  const env = { SOLIDARITY_ADMIN_TOKEN: TOKEN };
  const first = await serveCli(args, env);

  const acked: string[] = [];
  let sent = 0;
  let running = true;
  const worker = async (w: number) => {
    for (let i = 0; running; i++) {
      const email = `w${w}.n${i}@crash.example`;
      sent++;
      try {
        const r = await sign(first.base, signature({ email }));
        if (r.status === 201) acked.push(email);
        else assert.fail(`unexpected ${r.status}: ${r.text}`);
      } catch (err) {
        if ((err as Error).name === 'AssertionError') throw err;
        return; // the server died under this request: it was never acknowledged
      }
    }
  };
  const workers = Array.from({ length: 32 }, (_, w) => worker(w));
  // Kill once the load is well under way (a time cap keeps a slow machine from hanging here).
  const deadline = Date.now() + 20_000;
  while (acked.length < 500 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 20));
  first.proc.kill('SIGKILL');
  running = false;
  await Promise.all(workers);
  assert.equal(await first.exited, null, 'killed by a signal');
  assert.ok(acked.length > 50, `only ${acked.length} signatures were acknowledged before the kill`);

  t.diagnostic(`${acked.length} acknowledged of ${sent} sent before the kill`);
  const second = await serveCli(args, env);
  try {
    const r = await request(second.base, 'GET', '/api/petitions/open/signatures.csv', { headers: auth });
    const stored = new Set(
      parseCsv(r.text.replace(/^\uFEFF/, ''))
        .slice(1)
        .map((row) => row[3]),
    );
    const lost = acked.filter((e) => !stored.has(e));
    assert.deepEqual(lost, [], `${lost.length} of ${acked.length} acknowledged signatures lost (${sent} sent)`);
    const count = (await request(second.base, 'GET', '/api/petitions/open')).json().count;
    assert.equal(count, stored.size, 'the count matches the rows');
  } finally {
    second.proc.kill('SIGTERM');
    await second.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
