// Where a changed feed is saved so that every server serves it (issue 23). One server (SQLite):
// the feed file itself, replaced atomically. Several servers (DATABASE_URL): the shared_feed row,
// which every server polls; the file is the initial import, and a server started with a
// different file, or whose file changes, imports it. The console's editor calls save().
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parseFeed, readFeedText, type FeedSource } from './feed.js';
import { sha256 } from './validate.js';

/** How often each server looks for a feed saved by another: a saved feed is everywhere within this. */
export const FEED_POLL_MS = 1000;

export interface FeedStore {
  /** Checks the text as a feed (FeedError with its problems if unusable), stores it, serves it at once. */
  save(text: string, savedBy?: string): Promise<void>;
  close(): Promise<void>;
}

/** One server: the file is the feed. */
export class FileFeedStore implements FeedStore {
  constructor(private readonly feed: FeedSource) {}

  async save(text: string): Promise<void> {
    const loaded = parseFeed(text, 'the saved feed');
    // Write beside it, then rename: a reader never sees half a file.
    const tmp = path.join(path.dirname(path.resolve(this.feed.file)), `.${path.basename(this.feed.file)}.saving`);
    await fs.promises.writeFile(tmp, text);
    await fs.promises.rename(tmp, this.feed.file);
    this.feed.use(loaded);
  }

  async close(): Promise<void> {}
}

/** Several servers on one Postgres: the feed lives in the database. */
export class SharedFeed implements FeedStore {
  private version = -1;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly feed: FeedSource,
    private readonly log: (msg: string) => void,
  ) {}

  /** Imports the file if the database has no feed or another file's, then serves the database's. */
  static async start(
    databaseUrl: string,
    feed: FeedSource,
    log: (msg: string) => void,
    pollMs = FEED_POLL_MS,
  ): Promise<SharedFeed> {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    pool.on('error', (err) => log(`feed store: ${err.message}`));
    const shared = new SharedFeed(pool, feed, log);
    try {
      const text = readFeedText(feed.file);
      const { rows } = await pool.query('SELECT file_sha256 FROM shared_feed WHERE id = 1');
      if (rows[0]?.file_sha256 !== sha256(text)) await shared.save(text, 'file');
      else await shared.pull();
    } catch (err) {
      await pool.end();
      throw err;
    }
    feed.onFileChange = (text) => {
      shared.save(text, 'file').catch((err) => log(`feed: could not share the changed file: ${err.message}`));
    };
    shared.timer = setInterval(() => void shared.tick(), pollMs);
    shared.timer.unref();
    return shared;
  }

  async save(text: string, savedBy = 'console'): Promise<void> {
    const loaded = parseFeed(text, 'the saved feed');
    const fileSha = savedBy === 'file' ? sha256(text) : null;
    const { rows } = await this.pool.query(
      `INSERT INTO shared_feed (id, text, version, file_sha256, saved_by, saved_at) VALUES (1, $1, 1, $2, $3, now())
       ON CONFLICT (id) DO UPDATE SET text = excluded.text, version = shared_feed.version + 1,
         file_sha256 = COALESCE(excluded.file_sha256, shared_feed.file_sha256),
         saved_by = excluded.saved_by, saved_at = excluded.saved_at
       RETURNING version`,
      [text, fileSha, savedBy],
    );
    this.feed.use(loaded);
    this.version = Number(rows[0].version);
    this.log(`feed: version ${this.version} saved (${savedBy}) for every server`);
  }

  /** Notices a changed file (which get() imports), then a feed saved by another server. */
  private async tick(): Promise<void> {
    this.feed.get();
    try {
      await this.pull();
      if (this.failing) this.log('feed: the shared feed can be read again');
      this.failing = false;
    } catch (err) {
      if (!this.failing) this.log(`feed: cannot read the shared feed, serving the last one: ${(err as Error).message}`);
      this.failing = true;
    }
  }

  private async pull(): Promise<void> {
    const { rows } = await this.pool.query('SELECT text, version FROM shared_feed WHERE id = 1 AND version <> $1', [
      this.version,
    ]);
    if (!rows[0]) return;
    const version = Number(rows[0].version);
    try {
      this.feed.use(parseFeed(rows[0].text as string, `shared feed version ${version}`));
    } catch (err) {
      // Checked before it was saved; a newer server's checks may differ: keep serving the last good one.
      this.log(`feed: version ${version} ignored, keeping the previous feed: ${(err as Error).message}`);
    }
    this.version = version;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.feed.onFileChange = null;
    await this.pool.end();
  }
}
