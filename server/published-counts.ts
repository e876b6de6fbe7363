// The petition counts the public sees (in /feed.json, GET /api/petitions/:id and the answer to
// a signature POST) are a snapshot taken at most once per interval, a minute by default. Read
// live, a count would tell whoever signs with someone else's address whether that person had
// already signed (the count did not move). With a snapshot, one probe is lost among everything
// else signed in the same interval; what remains is documented in stories/running-the-server.mdx.
// An interval of 0 publishes live (the old behaviour, for an organization that prefers it).
import type { EventCounts } from './storage/action-types.js';
import type { SignatureStore } from './storage/types.js';

export const PUBLISH_COUNTS_MS = 60_000;

export class PublishedCounts {
  private counts = new Map<string, number>();
  private events = new Map<string, EventCounts>();
  private timer: NodeJS.Timeout | undefined;
  private publishing: Promise<void> | null = null;
  /** Changes whenever a published count changes: what caches of the counts key on. */
  version = 0;
  /** When a published count last changed. */
  changedAt = new Date();

  constructor(
    private readonly store: SignatureStore,
    readonly everyMs = PUBLISH_COUNTS_MS,
    private readonly log: (msg: string) => void = (m) => console.warn(m),
  ) {}

  /** Counts are read when asked for, not at intervals. */
  get live(): boolean {
    return this.everyMs === 0;
  }

  /** Publishes the counts as they are now, then again every interval. */
  async start(): Promise<void> {
    await this.publish();
    clearInterval(this.timer);
    if (this.live) return;
    this.timer = setInterval(() => void this.publish(), this.everyMs);
    this.timer.unref();
  }

  /** Live: publishes the counts as they are now (read after the caller's request began); else nothing. */
  async refresh(): Promise<void> {
    if (this.live) await this.take();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  get(petition: string): number {
    return this.counts.get(petition) ?? 0;
  }

  /** An event's published RSVP counts (issue 21), taken with the petitions'. */
  event(id: string): EventCounts {
    return this.events.get(id) ?? { going: 0, waitlisted: 0 };
  }

  /** Takes a new snapshot, one at a time. */
  private publish(): Promise<void> {
    this.publishing ??= this.take().finally(() => (this.publishing = null));
    return this.publishing;
  }

  /** Reads the counts and publishes them if they changed; a failed read keeps the last ones. */
  private async take(): Promise<void> {
    try {
      const next = await this.store.counts();
      const events = await this.store.actions().allEventCounts();
      const flat = new Map([...events].map(([id, c]) => [id, `${c.going}/${c.waitlisted}`]));
      const before = new Map([...this.events].map(([id, c]) => [id, `${c.going}/${c.waitlisted}`]));
      if (sameCounts(this.counts, next) && sameCounts(before, flat)) return;
      this.counts = next;
      this.events = events;
      this.version++;
      this.changedAt = new Date();
    } catch (err) {
      this.log(`counts: could not read them, keeping the last published: ${(err as Error).message}`);
    }
  }
}

function sameCounts<T>(a: Map<string, T>, b: Map<string, T>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}
