// `solidarity-widgets organizer …` against a real database file and a real Postgres schema.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { repoRoot, tempDir } from './helpers.js';

const pgUrl = process.env.TEST_DATABASE_URL;

/** Runs the CLI with `input` on standard input; resolves with its exit code and output. */
function organizer(args: string[], input: string, env: Record<string, string>) {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'server', 'cli.ts'), 'organizer', ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: '', ...env },
    },
  );
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  proc.stdin.end(input);
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    proc.on('exit', (code) => resolve({ code, out })),
  );
}

interface Target {
  name: string;
  skip?: string;
  setup(): Promise<{ args: string[]; env: Record<string, string>; hashes(): Promise<string[]> }>;
}

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of cleanups) await c();
});

const targets: Target[] = [
  {
    name: 'sqlite',
    async setup() {
      const db = path.join(tempDir(), 'db.sqlite');
      const { default: Database } = await import('better-sqlite3');
      return {
        args: ['--db', db],
        env: {},
        async hashes() {
          const conn = new Database(db, { readonly: true });
          try {
            return conn.prepare('SELECT password_hash FROM organizers').pluck().all() as string[];
          } finally {
            conn.close();
          }
        },
      };
    },
  },
  {
    name: 'postgres',
    skip: pgUrl || process.env.CI === 'true' ? undefined : 'TEST_DATABASE_URL is not set',
    async setup() {
      const schema = `sw_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      cleanups.push(async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      });
      const url = new URL(pgUrl!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      return {
        args: [],
        env: { DATABASE_URL: url.href },
        async hashes() {
          return (await admin.query(`SELECT password_hash FROM ${schema}.organizers`)).rows.map((r) => r.password_hash);
        },
      };
    },
  },
];

for (const target of targets) {
  describe(`organizer CLI (${target.name})`, { skip: target.skip }, () => {
    it('adds, lists, changes the password of and removes an organizer; refuses what it must', async () => {
      const { args, env, hashes } = await target.setup();
      const password = 'a long enough passphrase';
      const added = await organizer(['add', ' Ana@Party.Example ', ...args], `${password}\n`, env);
      assert.equal(added.code, 0, added.out);
      assert.match(added.out, /added ana@party\.example/);
      assert.ok(!added.out.includes(password), 'the password is never printed');

      const [hash] = await hashes();
      assert.match(hash, /^scrypt\$32768\$8\$1\$/);
      assert.ok(!hash.includes(password));

      const short = await organizer(['add', 'bo@party.example', ...args], 'too short\n', env);
      assert.equal(short.code, 1);
      assert.match(short.out, /9 characters; it needs at least 12/);

      const again = await organizer(['add', 'ana@party.example', ...args], `${password}\n`, env);
      assert.equal(again.code, 1);
      assert.match(again.out, /already an organizer/);

      const bad = await organizer(['add', 'not-an-email', ...args], `${password}\n`, env);
      assert.equal(bad.code, 1);
      assert.match(bad.out, /"not-an-email" is not an email address/);

      const list = await organizer(['list', ...args], '', env);
      assert.equal(list.code, 0);
      assert.match(list.out, /^ana@party\.example\tadded /m);

      const changed = await organizer(['password', 'ana@party.example', ...args], 'another long passphrase\n', env);
      assert.equal(changed.code, 0, changed.out);
      assert.notEqual((await hashes())[0], hash);

      const removed = await organizer(['remove', 'ana@party.example', ...args], '', env);
      assert.equal(removed.code, 0, removed.out);
      assert.deepEqual(await hashes(), []);
      const gone = await organizer(['remove', 'ana@party.example', ...args], '', env);
      assert.equal(gone.code, 1);
      assert.match(gone.out, /is not an organizer/);

      const usage = await organizer(['promote', ...args], '', env);
      assert.equal(usage.code, 2);
      assert.match(usage.out, /unknown organizer command "promote"/);
    });
  });
}
