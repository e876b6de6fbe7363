/**
 * `#event-<id>` deep links: once the events are shown, the one named in the page's address is scrolled
 * to and focused, and again after every `hashchange` (the host renders first: the list shows a linked event
 * even past its limit). The events live in the shadow root, out of the browser's own reach for fragments.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { idFromHash } from '../../core/hash-link.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export class EventDeepLink implements ReactiveController {
  private followed = false;

  constructor(private host: Host) {
    host.addController(this);
  }

  /** The event id the page's address names, if any. */
  get linked(): string | undefined {
    return idFromHash(location.hash, 'event');
  }

  hostConnected(): void {
    addEventListener('hashchange', this.onHash);
  }

  hostDisconnected(): void {
    removeEventListener('hashchange', this.onHash);
  }

  private onHash = () => {
    this.followed = false;
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    if (!this.followed) this.followed = this.follow();
  }

  /** Whether the linked event was found (and brought into view). */
  private follow(): boolean {
    const id = this.linked;
    const item =
      id === undefined ? null : this.host.renderRoot.querySelector<HTMLElement>(`[data-event="${CSS.escape(id)}"]`);
    if (!item) return false;
    item.scrollIntoView({ block: 'start' });
    item.focus({ preventScroll: true });
    return true;
  }
}
