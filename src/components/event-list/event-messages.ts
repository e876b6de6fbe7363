/**
 * `<event-list>`'s strings: English registered when its module loads (they travel in the widget's own chunk, so
 * pages without the widget pay nothing for them); Spanish and French in a lazy chunk (lazy/event-translations.ts)
 * that the widget fetches for readers of those languages. Add a key to all three tables (the type check enforces it).
 */
import { registerMessages } from '../../i18n/index.js';
import { widgetTranslations } from '../../i18n/widget-translations.js';
import { en } from './event-strings.js';

declare module '../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

// English stands in for the other languages until their chunk comes (or if it cannot).
registerMessages({ en, es: en, fr: en });

/** Fetches the Spanish and French strings for a reader of either, then renders the host again. */
export const translate = widgetTranslations(() => import('./lazy/event-translations.js'));
