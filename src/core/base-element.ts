import { LitElement, ReactiveElement, type CSSResult, type PropertyValues } from 'lit';
import { emit, type SolidarityEventMap, type SolidarityEventName } from './events.js';
import { yieldToPage } from './scheduling.js';
import { warn } from './warn.js';

export { yieldToPage }; // where widgets have long found it

/** The base of every widget: a tolerant `define`, typed events, one warning per problem. */
export class SolidarityElement extends LitElement {
  /**
   * Defines the tag unless the page already has it (the script included twice, or
   * a host that took the name first): then it warns and keeps the existing one. A define
   * that throws (a host's wrapper, a name clash) is one warning, never an error in the page.
   */
  static define(tag: string): void {
    try {
      const existing = customElements.get(tag);
      if (!existing) customElements.define(tag, this);
      else if (existing !== this) warn(`<${tag}> is already defined on this page; keeping the first definition.`);
    } catch (e) {
      warn(`<${tag}> could not be defined (${e}); the page's own content stays.`);
    }
  }

  /**
   * Readies the class for `define`, in a task before it: its properties and its style
   * sheets (their CSS parsed), so that upgrading the page's elements is a shorter task.
   */
  static prepare(): void {
    this.finalize();
    for (const style of this.elementStyles) void (style as CSSResult).styleSheet;
  }

  private warned = new Set<string>();

  /**
   * A render waits for a task of its own (a first render, a feed's arrival, a language
   * loaded), so a page full of widgets never blocks the host in one long task; but
   * while the reader is interacting (the page has a transient user activation), a
   * render follows their input at once.
   */
  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated || !(navigator as { userActivation?: { isActive: boolean } }).userActivation?.isActive)
      await yieldToPage();
    return super.scheduleUpdate();
  }

  /**
   * A render that throws (a host page's patched built-in, say) is one warning, and the
   * widget keeps what it showed: nothing of ours may throw into the page.
   */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (e) {
      this.warnOnce(`<${this.localName}> could not render: ${e}`);
      // The update is over (as Lit's own update would have said): later ones may come.
      (ReactiveElement.prototype as unknown as { update(c: PropertyValues): void }).update.call(this, changed);
    }
  }

  /** Warns once per distinct message for this element (re-renders must not repeat it). */
  warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    warn(message, this);
  }

  emit<K extends SolidarityEventName>(name: K, detail: SolidarityEventMap[K], options?: { cancelable?: boolean }) {
    return emit(this, name, detail, options);
  }
}
