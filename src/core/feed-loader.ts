/**
 * Loads feeds: one request per feed URL per page, shared by every widget,
 * with a timeout and a specific error for each way a feed can fail.
 */
import { yieldToPage } from './scheduling.js';
import { checkFeed } from './feed-check.js';
import { lazy } from './lazy.js';
import { dictionary } from './dictionary.js';
import type { PageFeed } from './feed-types.js';
import { warn } from './warn.js';

export type FeedErrorCode = 'timeout' | 'network' | 'not-found' | 'http' | 'not-json' | 'bad-shape';

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface LoadedFeed {
  /** Absolute URL the feed came from (base for its relative URLs). */
  url: string;
  feed: PageFeed;
}

export type FeedState =
  | { status: 'loading'; url: string }
  | { status: 'ready'; url: string; feed: PageFeed }
  | { status: 'error'; url: string; error: FeedError };

export const FEED_TIMEOUT_MS = 15000;

/** The words of a feed's problems: checked again with them, for the warnings. */
const feedWords = lazy(() => import('./lazy/feed-words.js'));

const cache = new Map<string, Promise<LoadedFeed>>();

export function absoluteFeedUrl(src: string): string {
  return new URL(src, document.baseURI).href;
}

/** The shared, cached load of one feed URL. A failed load is forgotten so a later widget may retry. */
export function loadFeed(src: string, timeoutMs = FEED_TIMEOUT_MS): Promise<LoadedFeed> {
  const url = absoluteFeedUrl(src);
  let pending = cache.get(url);
  if (!pending) {
    pending = fetchFeed(url, timeoutMs);
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
  }
  return pending;
}

async function fetchFeed(url: string, timeoutMs: number): Promise<LoadedFeed> {
  const protocol = new URL(url).protocol;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new FeedError('network', `the feed address must be http or https, not ${protocol}`);
  }
  await yieldToPage(); // a page's first fetch() takes a while to set up: a task of its own
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  let text: string;
  try {
    response = await fetch(
      url,
      dictionary<RequestInit>({
        signal: controller.signal,
        credentials: 'omit',
        headers: dictionary({ accept: 'application/json' }),
      }),
    );
    text = await response.text();
  } catch (e) {
    if (controller.signal.aborted)
      throw new FeedError('timeout', `the feed did not answer within ${timeoutMs / 1000} s`);
    throw new FeedError('network', `the feed could not be reached (${(e as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
  if (response.status === 404) throw new FeedError('not-found', 'the feed was not found (404)', 404);
  if (!response.ok) throw new FeedError('http', `the feed server answered ${response.status}`, response.status);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new FeedError('not-json', 'the feed is not valid JSON');
  }
  await yieldToPage(); // reading a large feed and checking it: two short tasks for the host, not one long
  let { feed, problems } = checkFeed(raw);
  // A problem's words come in a chunk of their own (most feeds have none); offline, its key stands in.
  if (
    problems.length &&
    (await feedWords.load().then(
      () => true,
      () => false,
    ))
  )
    ({ feed, problems } = checkFeed(raw));
  for (const p of problems) warn(`feed ${url}: ${p.path} ${p.message}`);
  if (!feed)
    throw new FeedError(
      'bad-shape',
      `the feed is not in the expected format: ${problems[0]?.path} ${problems[0]?.message}`,
    );
  return { url, feed };
}

/** Test hook: forget cached feeds. */
export function clearFeedCache(): void {
  cache.clear();
}
