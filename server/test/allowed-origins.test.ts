// A site not allowed yet, as the organizer meets it: its signing requests are refused and
// counted (origin and day only), `solidarity-widgets origins` lists it, and `origins allow` lets
// it sign on the running server with no restart; `origins remove` undoes that, and --allow-origin
// still holds. The real CLI, on SQLite and on Postgres.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { AllowedOrigins, MAX_REFUSED_ORIGINS_PER_DAY } from '../allowed-origins.js';
import { OriginPolicy } from '../cors.js';
import {
  backends,
  FIXTURE_FEED,
  runCli,
  serveCli,
  sign,
  signature,
  startServer,
  tempDir,
  type CliProcess,
} from './helpers.js';

const NEW_SITE = 'https://union-local.example';
const FLAG_SITE = 'https://ally.example';
const today = () => new Date().toISOString().slice(0, 10);

/** The database settings both `serve` and `origins` are given, and a way to read it directly. */
interface Db {
  args: string[];
  env: Record<string, string>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  cleanup(): Promise<void>;
}

async function sqliteDb(): Promise<Db> {
  const dir = tempDir();
  const file = path.join(dir, 'signatures.db');
  const Database = (await import('better-sqlite3')).default;
  return {
    args: ['--db', file],
    env: {},
    async query(sql) {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare(sql).all() as Record<string, unknown>[];
      } finally {
        db.close();
      }
    },
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresDb(): Promise<Db> {
  const url = process.env.TEST_DATABASE_URL;
  assert.ok(url, 'CI=true but TEST_DATABASE_URL is not set: the Postgres tests cannot run');
  const schema = `sw_origins_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.query(`SET search_path TO ${schema}`);
  const sep = url.includes('?') ? '&' : '?';
  return {
    args: ['--db', '/nonexistent/ignored.db'],
    env: { DATABASE_URL: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}` },
    query: async (sql) => (await admin.query(sql)).rows,
    async cleanup() {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

for (const backend of backends) {
  describe(`allowed origins: ${backend.name}`, { skip: backend.skip }, () => {
    let db: Db;
    let server: CliProcess;
    /** Runs `solidarity-widgets origins …` on the same database; resolves to its exit code and output. */
    const origins = async (...args: string[]) => {
      const cli = runCli(['origins', ...args, ...db.args], db.env);
      return { code: await cli.exited, out: cli.output() };
    };
    const signFrom = (origin: string, email: string) => sign(server.base, signature({ email }), { origin });
    const stored = async () => (await db.query('SELECT email, origin FROM signatures ORDER BY email')) as object[];

    before(async () => {
      db = backend.name === 'sqlite' ? await sqliteDb() : await postgresDb();
      server = await serveCli(['--feed', FIXTURE_FEED, '--allow-origin', FLAG_SITE, ...db.args], db.env);
    });
    after(async () => {
      server?.proc.kill('SIGTERM');
      await server?.exited;
      await db?.cleanup();
    });

    it('refuses a site not allowed, stores nothing of the reader, and counts the site per day', async () => {
      for (const email of ['one@example.org', 'two@example.org']) {
        const r = await signFrom(NEW_SITE, email);
        assert.equal(r.status, 403);
        assert.equal(r.json().error.code, 'origin_not_allowed');
        assert.equal(r.headers['access-control-allow-origin'], NEW_SITE);
      }
      assert.deepEqual(await stored(), []);
      const refused = await db.query('SELECT origin, day, count FROM refused_origins');
      assert.deepEqual(
        refused.map((r) => ({ ...r, count: Number(r.count) })),
        [{ origin: NEW_SITE, day: today(), count: 2 }],
      );
    });

    it('`origins` lists the refused site with its count and the command that allows it', async () => {
      const { code, out } = await origins();
      assert.equal(code, 0, out);
      assert.match(out, new RegExp(`${today()}  ${NEW_SITE}  2\\n`));
      assert.match(out, new RegExp(`origins allow ${NEW_SITE}`));
    });

    it('`origins allow` lets the site sign on the running server, with no restart', async () => {
      const allowed = await origins('allow', `${NEW_SITE}/join-us`);
      assert.equal(allowed.code, 0, allowed.out);
      assert.match(allowed.out, new RegExp(`allowed: ${NEW_SITE} may now sign`));
      assert.equal((await signFrom(NEW_SITE, 'three@example.org')).status, 201);
      assert.deepEqual(await stored(), [{ email: 'three@example.org', origin: NEW_SITE }]);
      const { out } = await origins();
      assert.match(out, new RegExp(`  ${NEW_SITE}  since ${today()}`));
    });

    it('`origins remove` refuses the site again; an --allow-origin site stays allowed', async () => {
      assert.equal((await origins('remove', NEW_SITE)).code, 0);
      assert.equal((await signFrom(NEW_SITE, 'four@example.org')).status, 403);
      const flag = await origins('remove', FLAG_SITE);
      assert.match(flag.out, /was not allowed in the database/);
      assert.equal((await signFrom(FLAG_SITE, 'five@example.org')).status, 201);
    });

    it('says clearly what is wrong with a bad command', async () => {
      const bad = await origins('allow', 'not a site');
      assert.equal(bad.code, 2);
      assert.match(bad.out, /"not a site" is not a site address like https:\/\/ally\.example/);
      const missing = await origins('allow');
      assert.equal(missing.code, 2);
      assert.match(missing.out, /origins allow needs a site address/);
      assert.match((await origins('permit', NEW_SITE)).out, /unknown origins command "permit"/);
    });
  });
}

for (const backend of backends) {
  describe(`refused origins, counted: ${backend.name}`, { skip: backend.skip }, () => {
    it('counts at most MAX_REFUSED_ORIGINS_PER_DAY new origins a day (pages can make them up); counted ones go on', async () => {
      const s = await startServer(backend);
      try {
        const gate = new AllowedOrigins(new OriginPolicy([], s.base), s.store.origins);
        const now = new Date();
        const made = Array.from({ length: MAX_REFUSED_ORIGINS_PER_DAY + 5 }, (_, i) => `https://made-up-${i}.example`);
        const admitted = await Promise.all(made.map((o) => gate.admits(o, now)));
        assert.ok(admitted.every((a) => a === false));
        const rows = await s.store.origins.refusals();
        assert.equal(rows.length, MAX_REFUSED_ORIGINS_PER_DAY);
        assert.equal(await gate.admits(rows[0].origin, now), false);
        const again = (await s.store.origins.refusals()).find((r) => r.origin === rows[0].origin);
        assert.equal(again?.count, 2);
        // Own and server-side requests are not refusals.
        assert.equal(await gate.admits(s.base, now), true);
        assert.equal(await gate.admits(undefined, now), false);
        assert.equal((await s.store.origins.refusals()).length, MAX_REFUSED_ORIGINS_PER_DAY);
      } finally {
        await s.close();
      }
    });
  });
}
