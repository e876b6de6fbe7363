/**
 * What the panel's controllers need of `<chapter-map>`: its properties and shared
 * services. A type only, so the lazy chunk never imports the element's module.
 */
import type { SolidarityElement } from '../../core/base-element.js';
import type { FeedController } from '../../core/feed-controller.js';
import type { LocaleController } from '../../core/locale-controller.js';

export interface MapHost extends SolidarityElement {
  feed?: string;
  src?: string;
  chapters?: unknown[];
  styleUrl?: string;
  center?: string;
  zoom?: string;
  list?: string;
  joinUrl?: string;
  /** Whether the element has come near the viewport; undefined until the observer has said. */
  near?: boolean;
  feedState: FeedController;
  locale: LocaleController;
}
