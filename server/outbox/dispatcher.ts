// Delivers the outbox: at least once, the same event id on every attempt, exponential backoff
// with jitter for up to 3 days, a timeout per attempt and a bounded number in flight. All state
// is in the database (storage/outbox-types.ts), so a restart, even after SIGKILL, carries on
// where it stopped; an attempt cut short is simply made again.
import { outboxKey, type OutboxEntry, type OutboxStore } from '../storage/outbox-types.js';
import { EndpointHealth } from './endpoint-health.js';
import { outcomeOfError, type Outcome } from './outcome.js';

export type Send = (e: OutboxEntry, signal: AbortSignal) => Promise<Outcome>;

export interface DispatcherOptions {
  /** Attempts under way at once (default 16): a receiver that never answers holds at most these. */
  maxInFlight?: number;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
  /** The first retry's delay (default 10 s); each next one doubles, up to maxDelayMs. */
  retryBaseMs?: number;
  maxDelayMs?: number;
  /** How often due events are looked for when nothing prompts it (default 1 s). */
  pollMs?: number;
}

/** Full exponential backoff, jittered into its upper half so that retries of many events spread out. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, random = Math.random): number {
  const delay = Math.min(baseMs * 2 ** Math.min(attempts - 1, 30), maxMs);
  return Math.round(delay / 2 + (random() * delay) / 2);
}

export class Dispatcher {
  private readonly o: Required<DispatcherOptions>;
  private readonly health: EndpointHealth;
  private readonly busy = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private closed = true;
  private polling = false;
  private again = false;

  constructor(
    private readonly store: OutboxStore,
    private readonly send: Send,
    opts: DispatcherOptions,
    private readonly log: (msg: string) => void,
  ) {
    this.o = {
      maxInFlight: 16,
      timeoutMs: 10_000,
      retryBaseMs: 10_000,
      maxDelayMs: 6 * 3600_000,
      pollMs: 1000,
      ...opts,
    };
    this.health = new EndpointHealth(log);
  }

  start(): void {
    this.closed = false;
    this.timer = setInterval(() => this.kick(), this.o.pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Looks for due events now (after a signature, or when an attempt frees a slot). */
  kick(): void {
    if (this.closed) return;
    if (this.polling) {
      this.again = true;
      return;
    }
    void this.poll();
  }

  private async poll(): Promise<void> {
    this.polling = true;
    try {
      do {
        this.again = false;
        const free = this.o.maxInFlight - this.busy.size;
        if (free <= 0) break;
        // Another server's lease outlives its attempt: three timeouts.
        const due = await this.store.due(new Date(), free, this.o.timeoutMs * 3, this.busy);
        for (const e of due) this.launch(e);
      } while (this.again && !this.closed);
    } catch (err) {
      if (!this.closed) this.log(`outbox: cannot read the events to deliver: ${(err as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  private launch(e: OutboxEntry): void {
    const key = outboxKey(e);
    this.busy.add(key);
    const p = this.attempt(e).finally(() => {
      this.busy.delete(key);
      this.running.delete(p);
      this.kick();
    });
    this.running.add(p);
  }

  private async attempt(e: OutboxEntry): Promise<void> {
    const signal = AbortSignal.any([this.abort.signal, AbortSignal.timeout(this.o.timeoutMs)]);
    let outcome: Outcome;
    try {
      outcome = await this.send(e, signal);
    } catch (err) {
      outcome = outcomeOfError(err, this.o.timeoutMs);
    }
    // Shutting down: the event stays pending and is sent again after the restart.
    if (this.closed) return;
    try {
      await this.record(e, outcome);
    } catch (err) {
      this.log(`outbox: cannot record an attempt on ${e.event_id}: ${(err as Error).message}`);
    }
  }

  private async record(e: OutboxEntry, outcome: Outcome): Promise<void> {
    if (outcome.ok) {
      await this.store.delivered(e);
      this.health.ok(e.destination);
      return;
    }
    const now = new Date();
    const attempts = e.attempts + 1;
    if (outcome.gone) {
      // The endpoint is stopped, not the event: it waits, due at once, for `outbox retry`.
      await this.store.stop(e.destination, outcome.error, now);
      await this.store.failed(e, { attempts, nextAt: now, error: outcome.error });
      this.health.stopped(e.destination, outcome.error);
      return;
    }
    const giveUp = now.getTime() >= Date.parse(e.give_up_at);
    const nextAt = giveUp ? null : new Date(now.getTime() + backoffMs(attempts, this.o.retryBaseMs, this.o.maxDelayMs));
    await this.store.failed(e, { attempts, nextAt, error: outcome.error });
    if (giveUp) this.health.gaveUp(e.destination, outcome.error);
    else this.health.failing(e.destination, outcome.error);
  }

  /** Stops looking for events and cuts attempts under way short; they are made again after a restart. */
  async stop(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await Promise.allSettled([...this.running]);
  }
}
