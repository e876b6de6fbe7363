// The organization's feed file: checked with the same checkFeed the widgets use, served with
// live counts, and re-read when it changes (fs.watch on the directory, because editors and
// deploy tools replace files by rename; plus an mtime check as a fallback where watching
// is unreliable, e.g. network filesystems).
import fs from 'node:fs';
import path from 'node:path';
import { checkChapters } from '../src/core/chapter-check.js';
import { withActions } from '../src/core/event-check.js';
import { checkFeed } from '../src/core/feed-check.js';
import '../src/core/lazy/feed-words.js'; // the problems of a feed in words, for the CLI and the logs
import type { Feed, FeedProblem, Petition } from '../src/core/feed-types.js';
import { feedDepthProblem } from './feed-depth.js';

export class FeedError extends Error {
  constructor(
    message: string,
    readonly problems: FeedProblem[] = [],
  ) {
    super(message);
  }
}

export interface LoadedFeed {
  /** As parsed from the file: what /feed.json serves (plus counts). */
  raw: Record<string, unknown>;
  /** The checked feed: what the API trusts. */
  feed: Feed;
  problems: FeedProblem[];
  petitions: Map<string, Petition>;
}

/** The whole feed checked, as the server, `check` and the console check it: chapters, events and join too. */
export const checkServerFeed = (raw: unknown) => withActions(checkFeed(raw, checkChapters));

/** Reads and checks a feed file. Throws FeedError when it is unusable. */
export function readFeed(file: string): LoadedFeed {
  return parseFeed(readFeedText(file), file);
}

export function readFeedText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new FeedError(`cannot read feed ${file}: ${(err as Error).message}`);
  }
}

/** Parses and checks a feed's text; `file` names where it came from in messages. Throws FeedError. */
export function parseFeed(text: string, file: string): LoadedFeed {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new FeedError(`feed ${file} is not valid JSON: ${(err as Error).message}`);
  }
  const tooDeep = feedDepthProblem(raw);
  if (tooDeep) throw new FeedError(`feed ${file} is not a usable feed`, [tooDeep]);
  const { feed, problems } = checkServerFeed(raw);
  if (!feed) throw new FeedError(`feed ${file} is not a usable feed`, problems);
  return {
    raw: raw as Record<string, unknown>,
    feed,
    problems,
    petitions: new Map(feed.petitions.map((p) => [p.id, p])),
  };
}

export const formatProblems = (problems: FeedProblem[]) => problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');

const RECHECK_MS = 2000;

export class FeedSource {
  private current: LoadedFeed;
  private stamp: string;
  private dirty = false;
  private lastCheck = Date.now();
  private watcher: fs.FSWatcher | null = null;
  /** Told of each good new version of the file (feed-store.ts shares it with the other servers). */
  onFileChange: ((text: string) => void) | null = null;

  constructor(
    readonly file: string,
    private readonly log: (msg: string) => void = (m) => console.warn(m),
  ) {
    this.current = readFeed(file);
    this.stamp = this.statStamp();
    try {
      const base = path.basename(file);
      this.watcher = fs.watch(path.dirname(path.resolve(file)), (_event, name) => {
        if (name === null || name === base) this.dirty = true;
      });
      this.watcher.on('error', () => {}); // fall back to the mtime check
      this.watcher.unref();
    } catch {
      // No watching on this filesystem: the mtime check alone will notice changes.
    }
  }

  private statStamp(): string {
    try {
      const s = fs.statSync(this.file);
      return `${s.mtimeMs}:${s.size}:${s.ino}`;
    } catch {
      return 'missing';
    }
  }

  /** The current feed, re-read first if the file changed. A broken edit keeps the last good feed. */
  get(): LoadedFeed {
    const now = Date.now();
    if (this.dirty || now - this.lastCheck > RECHECK_MS) {
      this.dirty = false;
      this.lastCheck = now;
      const stamp = this.statStamp();
      if (stamp !== this.stamp) {
        this.stamp = stamp;
        try {
          const text = readFeedText(this.file);
          this.current = parseFeed(text, this.file);
          this.onFileChange?.(text);
          this.log(`feed reloaded from ${this.file}`);
          if (this.current.problems.length)
            this.log(`feed problems (skipped):\n${formatProblems(this.current.problems)}`);
        } catch (err) {
          this.log(
            `feed change ignored, keeping the previous feed: ${(err as Error).message}` +
              ((err as FeedError).problems?.length ? `\n${formatProblems((err as FeedError).problems)}` : ''),
          );
        }
      }
    }
    return this.current;
  }

  /** Serves a feed from elsewhere (the database) until the file or another use() changes it. */
  use(loaded: LoadedFeed): void {
    this.current = loaded;
  }

  close(): void {
    this.watcher?.close();
  }
}
