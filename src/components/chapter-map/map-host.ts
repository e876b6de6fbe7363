/**
 * What the panel's controllers need of `<chapter-map>`: its properties and shared
 * services. A type only, so the lazy chunk never imports the element's module.
 */
import type { ReactiveControllerHost } from 'lit';
import type { SolidarityEventMap, SolidarityEventName } from '../../core/events.js';
import type { FeedController } from '../../core/feed-controller.js';
import type { LocaleController } from '../../core/locale-controller.js';

export interface MapHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  feed?: string;
  src?: string;
  chapters?: unknown[];
  styleUrl?: string;
  center?: string;
  zoom?: string;
  list?: string;
  /** Whether the element has come near the viewport; undefined until the observer has said. */
  near?: boolean;
  feedState: FeedController;
  locale: LocaleController;
  warnOnce(message: string): void;
  emit<K extends SolidarityEventName>(name: K, detail: SolidarityEventMap[K]): boolean;
}
