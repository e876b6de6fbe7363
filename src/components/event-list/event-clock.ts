/**
 * The list's own clock: the host renders again when a shown event ends (so it leaves the list by itself
 * on a page left open), and `now` is the moment the latest render judged "past" by.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

// setTimeout's longest delay; a later change is rescheduled when this one fires.
const LONGEST_DELAY_MS = 2 ** 31 - 1;

export class ListClock implements ReactiveController {
  now = Date.now();
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.now = Date.now();
  }

  /** Renders the host again at `when` (ms since the epoch); replaces any earlier request. */
  wakeAt(when: number | undefined): void {
    clearTimeout(this.timer);
    if (when === undefined) return;
    this.timer = setTimeout(
      () => this.host.requestUpdate(),
      Math.min(Math.max(when - Date.now(), 0), LONGEST_DELAY_MS),
    );
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
