/**
 * A virtualized listbox: only the rows in view (plus a few) are in the DOM, so fifty
 * thousand chapters stay fast. Keyboard: the listbox holds focus and points at the
 * active row with aria-activedescendant; arrows, Page Up/Down, Home/End move,
 * Enter or Space picks. Rows carry aria-posinset/aria-setsize for screen readers.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

const OVERSCAN = 4;

export interface VirtualListOptions {
  /** Prefix of the row ids (unique within the shadow root). */
  id: string;
  /** Called when the reader picks a row (click, Enter, Space). */
  pick: (index: number) => void;
}

export class VirtualList implements ReactiveController {
  /** Index of the active row (keyboard focus), or -1. */
  active = -1;
  private el?: HTMLElement;
  private top = 0;
  private view = 320;
  private row = 48;
  private count = 0;
  private frame = 0;
  private resize = new ResizeObserver(() => this.measure());
  /** Rows are sized in em: their real height is measured by an observer, after layout (reading offsetHeight here would force one). */
  private rowResize = new ResizeObserver(([entry]) => {
    const height = entry.borderBoxSize[0]?.blockSize;
    if (height && height !== this.row) {
      this.row = height;
      this.host.requestUpdate();
    }
  });
  private measured?: Element;

  constructor(
    private host: ReactiveControllerHost & { renderRoot: ParentNode },
    private options: VirtualListOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.resize.disconnect();
    this.rowResize.disconnect();
    this.measured = undefined;
    cancelAnimationFrame(this.frame);
  }

  hostUpdated(): void {
    const el = this.host.renderRoot.querySelector<HTMLElement>(`#${this.options.id}-list`) ?? undefined;
    if (el !== this.el) {
      if (this.el) this.resize.unobserve(this.el);
      this.el = el;
      if (el) this.resize.observe(el);
    }
    if (!el) return;
    el.querySelector<HTMLElement>('.rows')!.style.blockSize = `${this.count * this.row}px`;
    const rows = el.querySelectorAll<HTMLElement>('[role=option]');
    rows.forEach((r) => (r.style.insetBlockStart = `${(Number(r.ariaPosInSet) - 1) * this.row}px`));
    if (rows[0] && rows[0] !== this.measured) {
      if (this.measured) this.rowResize.unobserve(this.measured);
      this.rowResize.observe((this.measured = rows[0]));
    }
  }

  /** Scrolls so that row `i` is in view and makes it active. */
  show(i: number, align: 'nearest' | 'start' = 'nearest'): void {
    this.active = i;
    const el = this.el;
    if (el && i >= 0) {
      const y = i * this.row;
      if (align === 'start' || y < el.scrollTop) el.scrollTop = y;
      else if (y + this.row > el.scrollTop + el.clientHeight) el.scrollTop = y + this.row - el.clientHeight;
      this.top = el.scrollTop;
    }
    this.host.requestUpdate();
  }

  /** Resets scroll and focus for a new set of rows. */
  reset(): void {
    this.active = -1;
    this.top = 0;
    if (this.el) this.el.scrollTop = 0;
  }

  private measure = () => {
    if (!this.el) return;
    this.view = this.el.clientHeight || this.view;
    this.top = this.el.scrollTop;
    this.host.requestUpdate();
  };

  private onScroll = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(this.measure);
  };

  private onKey = (e: KeyboardEvent) => {
    const n = this.count;
    if (!n) return;
    const page = Math.max(1, Math.floor(this.view / this.row) - 1);
    const a = this.active;
    const to: Record<string, number> = {
      ArrowDown: a + 1,
      ArrowUp: a < 0 ? 0 : a - 1,
      PageDown: a + page,
      PageUp: a - page,
      Home: 0,
      End: n - 1,
    };
    if (e.key in to) {
      e.preventDefault();
      this.show(Math.min(n - 1, Math.max(0, to[e.key])));
    } else if ((e.key === 'Enter' || e.key === ' ') && a >= 0) {
      e.preventDefault();
      this.options.pick(a);
    }
  };

  private onFocus = () => {
    if (this.active < 0 && this.count) this.show(Math.min(this.count - 1, Math.floor(this.top / this.row)));
  };

  /**
   * The listbox. `row(i)` renders the content of row `i`; `selected` is the picked row.
   */
  render(count: number, label: string, row: (i: number) => TemplateResult, selected = -1): TemplateResult {
    this.count = count;
    if (this.active >= count) this.active = count - 1;
    const first = Math.max(0, Math.floor(this.top / this.row) - OVERSCAN);
    const last = Math.min(count, Math.ceil((this.top + this.view) / this.row) + OVERSCAN);
    const rows: TemplateResult[] = [];
    const id = this.options.id;
    // Keys are handled once, on the listbox (aria-activedescendant, see onKey), not on each option.
    /* eslint-disable lit-a11y/click-events-have-key-events */
    for (let i = first; i < last; i++) {
      rows.push(html`<div
        role="option"
        id="${id}-${i}"
        part="option"
        class=${i === this.active ? 'active' : ''}
        aria-selected=${i === selected}
        aria-posinset=${i + 1}
        aria-setsize=${count}
        @click=${() => {
          this.show(i);
          this.options.pick(i);
        }}
      >${row(i)}</div>`);
    }
    /* eslint-enable lit-a11y/click-events-have-key-events */
    return html`<div
      id="${id}-list"
      class="list"
      part="list"
      role="listbox"
      tabindex="0"
      aria-label=${label}
      aria-activedescendant=${this.active >= first && this.active < last ? `${id}-${this.active}` : nothing}
      @scroll=${this.onScroll}
      @keydown=${this.onKey}
      @focus=${this.onFocus}
    ><div role="none" class="rows">${rows}</div></div>`;
  }
}
