// The feed shared by several servers on one Postgres (issue 23): the shared_feed row, which
// every server polls. A server's feed file is imported when the server starts with a file the
// database has never imported, and whenever that file changes (the console's editor saves the
// file: so its edit reaches every server). A server started with an old copy serves the shared feed.
import pg from 'pg';
import { parseFeed, readFeedText, type FeedSource } from './feed.js';
import { sha256 } from './validate.js';

/** How often each server looks for a feed saved by another: a saved feed is everywhere within this. */
export const FEED_POLL_MS = 1000;

/** Several servers on one Postgres: the feed lives in the database. */
export class SharedFeed {
  private version = -1;
  private timer: NodeJS.Timeout | undefined;
  private failing = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly feed: FeedSource,
    private readonly log: (msg: string) => void,
  ) {}

  /** Imports the file if the database never did, then serves the database's feed. */
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
      const { rows } = await pool.query('SELECT 1 FROM shared_feed_files WHERE sha256 = $1', [sha256(text)]);
      if (rows.length === 0) await shared.save(text, 'file');
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

  /** Checks the text as a feed (FeedError with its problems if unusable), stores it, serves it at once. */
  async save(text: string, savedBy = 'file'): Promise<void> {
    const loaded = parseFeed(text, 'the saved feed');
    const { rows } = await this.pool.query(
      `WITH file AS (INSERT INTO shared_feed_files (sha256, imported_at) SELECT $3, now() WHERE $2 = 'file'
         ON CONFLICT (sha256) DO NOTHING)
       INSERT INTO shared_feed (id, text, version, saved_by, saved_at) VALUES (1, $1, 1, $2, now())
       ON CONFLICT (id) DO UPDATE SET text = excluded.text, version = shared_feed.version + 1,
         saved_by = excluded.saved_by, saved_at = excluded.saved_at
       RETURNING version`,
      [text, savedBy, sha256(text)],
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
