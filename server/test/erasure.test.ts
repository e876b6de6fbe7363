// Issue 15, point 2, through the real CLI on a real SQLite file: the server keeps its data for
// its own user only, and an erased signer's bytes are gone from the database file and its WAL.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { FIXTURE_FEED, auth, request, serveCli, sign, signature, tempDir, TOKEN } from './helpers.js';

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

it('creates its directory 0700 and database files 0600; DELETE leaves no byte of the signer', async () => {
  const dir = tempDir();
  const dataDir = path.join(dir, 'data', 'signatures');
  const db = path.join(dataDir, 'solidarity.db');
  const env = { SOLIDARITY_ADMIN_TOKEN: TOKEN };
  const cli = await serveCli(['--feed', FIXTURE_FEED, '--db', db, '--rate-limit', '0'], env);
  try {
    const secret = (what: string) => `${what}Qwertzuiop${process.pid}`;
    const email = `${secret('mail')}@example.org`;
    const erased = signature({ email, given_name: secret('name'), family_name: secret('family') });
    assert.equal((await sign(cli.base, erased)).status, 201);
    for (let i = 0; i < 20; i++) assert.equal((await sign(cli.base, signature())).status, 201);

    assert.deepEqual([mode(path.join(dir, 'data')), mode(dataDir)], ['700', '700']);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) assert.equal(mode(f), '600', f);

    const files = () => [db, `${db}-wal`].map((f) => (fs.existsSync(f) ? fs.readFileSync(f) : Buffer.alloc(0)));
    assert.ok(
      files().some((b) => b.includes(secret('family'))),
      'stored before the erasure',
    );
    const r = await request(cli.base, 'DELETE', `/api/petitions/open/signatures?email=${email}`, { headers: auth });
    assert.deepEqual([r.status, r.json()], [200, { erased: 1 }]);
    for (const what of ['name', 'family', 'mail']) {
      for (const [i, b] of files().entries()) {
        assert.ok(!b.includes(secret(what)), `${what} still in ${i ? 'the WAL' : 'the file'}`);
      }
    }
  } finally {
    cli.proc.kill('SIGTERM');
    await cli.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
