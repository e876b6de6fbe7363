/**
 * `<event-list>`'s strings: English registered when its module loads (they travel in the widget's own chunk, so
 * pages without the widget pay nothing for them); Spanish and French in a lazy chunk (lazy/event-translations.ts)
 * that the widget fetches for readers of those languages. Add a key to all three tables (the type check enforces it).
 */
import type { ReactiveControllerHost } from 'lit';
import { lazy } from '../../core/lazy.js';
import { registerMessages, uiLanguage } from '../../i18n/index.js';
import { en } from './event-strings.js';

declare module '../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

// English stands in for the other languages until their chunk comes (or if it cannot).
registerMessages({ en, es: en, fr: en });

const translations = lazy(() => import('./lazy/event-translations.js'));

/** Fetches the Spanish and French strings for a reader of either, then renders `host` again. */
export function translate(host: ReactiveControllerHost, lang: string): void {
  if (uiLanguage(lang) === 'en' || translations.module) return;
  translations.load().then(
    () => host.requestUpdate(),
    () => {},
  );
}
