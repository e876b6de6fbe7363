// Whether a signature can be stored now: /healthz used to ask only whether the database answered
// a read, and said "ok" while every write failed (a full disk). The probe commits a real write
// through the signing path (store.sign: the same transaction, writer thread and fsync as a
// signature) and remembers the result briefly, so a monitor polling every second costs about one
// small write every two seconds.
import type { KeyedAnswer, SignatureStore } from './storage/types.js';

/** Feed petition ids are never empty, so the probe's record can never meet a real one. */
const PROBE: KeyedAnswer = { petition: '', key: 'solidarity-widgets:write-probe', bodySha256: '', response: '{}' };

export interface ProbeResult {
  ok: boolean;
  /** Why a write cannot be made now, when it cannot. */
  reason?: string;
}

export class WriteProbe {
  private last: { at: number; result: ProbeResult } | null = null;
  private running: Promise<ProbeResult> | null = null;

  constructor(
    private readonly store: SignatureStore,
    private readonly keepMs = 2000,
    private readonly timeoutMs = 3000,
  ) {}

  /** The last result if recent, else a fresh probe (one at a time, whoever asks). */
  check(now = Date.now()): Promise<ProbeResult> {
    if (this.last && now - this.last.at < this.keepMs) return Promise.resolve(this.last.result);
    this.running ??= this.probe().then((result) => {
      this.last = { at: Date.now(), result };
      this.running = null;
      return result;
    });
    return this.running;
  }

  private async probe(): Promise<ProbeResult> {
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = new Promise<ProbeResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, reason: `a test write did not commit within ${this.timeoutMs / 1000} s` }),
        this.timeoutMs,
      );
    });
    const write = this.store.sign(null, PROBE.petition, PROBE, new Date()).then(
      (): ProbeResult => ({ ok: true }),
      (err: Error): ProbeResult => ({ ok: false, reason: `a test write failed: ${err.message}` }),
    );
    try {
      return await Promise.race([write, tooSlow]);
    } finally {
      clearTimeout(timer);
    }
  }
}
