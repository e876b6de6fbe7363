/**
 * How much of a long list a widget renders: a first slice, then one more slice per task until the whole
 * list is rendered, so a list of any length never renders in one long task for the host page. Lit keeps
 * the items already rendered and only adds the new ones. A render's later part is a one-item list whose
 * first slice is empty: it comes a task after the rest.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { yieldToPage } from './scheduling.js';

export class GrowingSlice implements ReactiveController {
  /** How many items the host renders now. */
  private count: number;
  private total = 0;
  /** Settles once the next slice was asked for; undefined when every item is rendered. */
  growing?: Promise<void>;

  constructor(
    private host: ReactiveControllerHost,
    private first: number,
    private step: number,
  ) {
    this.count = first;
    host.addController(this);
  }

  /** The items of `items` to render now (call it in `render()`). */
  of<T>(items: readonly T[]): T[] {
    this.total = items.length;
    return items.slice(0, this.count);
  }

  /** Back to the first slice (a new list). */
  reset(): void {
    this.count = this.first;
  }

  hostUpdated(): void {
    if (this.count >= this.total || this.growing) return;
    this.growing = yieldToPage().then(() => {
      this.growing = undefined;
      this.count += this.step;
      this.host.requestUpdate();
    });
  }
}

/**
 * A host's `updateComplete` that also waits out what `pending()` names (a slice still growing, a render being
 * readied): for a `getUpdateComplete` override, so a caller gets the whole render, every slice of it.
 */
export async function wholeRender(
  update: () => Promise<boolean>,
  pending: () => Promise<unknown> | undefined,
): Promise<boolean> {
  for (;;) {
    const complete = await update();
    const next = pending();
    if (!next) return complete;
    await next;
  }
}
