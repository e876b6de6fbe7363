/**
 * Readies a list's first render a piece per task, so showing it never becomes one long task for the host
 * page: Intl's first use (core/intl-warmup.ts), then the pieces the list names (checking the feed's events,
 * formatting each shown event's times and languages: the formatters are made once and kept, so the render
 * that follows only uses them). Until then the list says it is loading.
 */
import type { ReactiveControllerHost } from 'lit';
import { warmIntl } from '../../core/intl-warmup.js';
import { yieldToPage } from '../../core/scheduling.js';

export class ListPreparation<T extends object> {
  private readied = new WeakSet<T>();
  private preparing?: T;
  /** Settles once the readying under way (if any) is over and the host was asked to render. */
  pending?: Promise<void>;

  /** `pieces(of)` does the work a piece at a time, `yield` between pieces. */
  constructor(
    private host: ReactiveControllerHost & { locale: { lang: string } },
    private pieces: (of: T) => Iterator<unknown>,
  ) {}

  /** Whether the list can render `of` now; when not, it is being readied and the host renders again after. */
  ready(of: T): boolean {
    if (this.readied.has(of)) return true;
    if (this.preparing !== of) {
      this.preparing = of;
      this.pending = this.prepare(of);
    }
    return false;
  }

  private async prepare(of: T) {
    try {
      await warmIntl(this.host.locale.lang);
      const pieces = this.pieces(of);
      // Each piece in a task of its own, the first too (not in the task of Intl's last part).
      do await yieldToPage();
      while (this.preparing === of && !pieces.next().done);
    } catch {
      // The render does the same work, and shows what went wrong rather than leaving the list loading.
    }
    if (this.preparing !== of) return; // another feed came meanwhile
    this.readied.add(of);
    this.preparing = this.pending = undefined;
    this.host.requestUpdate();
  }
}
