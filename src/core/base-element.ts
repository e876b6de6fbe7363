import { LitElement } from 'lit';
import { emit, type SolidarityEventMap, type SolidarityEventName } from './events.js';
import { warn } from './warn.js';

/** The base of every widget: a tolerant `define`, typed events, one warning per problem. */
export class SolidarityElement extends LitElement {
  /**
   * Defines the tag unless the page already has it (the script included twice, or
   * a host that took the name first): then it warns and keeps the existing one.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (existing) {
      if (existing !== this) warn(`<${tag}> is already defined on this page; keeping the first definition.`);
      return;
    }
    customElements.define(tag, this);
  }

  private warned = new Set<string>();

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
