// Signature POSTs per client address per minute: a fixed window that starts at an address's
// first request. Kept in memory: with several servers behind a balancer each counts its own
// share, which is enough to stop one client hammering one form.
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one request; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(address: string, now = Date.now()): number {
    if (this.limit <= 0) return 0;
    if (now - this.lastSweep > this.windowMs) this.sweep(now);
    let w = this.windows.get(address);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(address, w);
    }
    w.count++;
    if (w.count <= this.limit) return 0;
    return Math.max(1, Math.ceil((w.start + this.windowMs - now) / 1000));
  }

  /** Forgets finished windows so memory stays bounded by the addresses of the last minute. */
  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}

/**
 * The address a limit is counted against. An IPv6 client usually holds a whole /64 and can
 * pick a fresh address per request, so IPv6 is counted per /64 network; IPv4-mapped
 * addresses count as the IPv4 address they carry.
 */
export function clientKey(ip: string): string {
  const addr = ip.split('%')[0].toLowerCase(); // drop a zone id (fe80::1%eth0)
  if (!addr.includes(':')) return addr;
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/.test(addr)) return addr.slice(7);
  const [head, tail] = addr.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}
