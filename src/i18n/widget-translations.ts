/**
 * The other languages of a widget that has its own strings (the event list, the join form): its English
 * is registered with its module, its Spanish and French come in a chunk of their own, fetched only for
 * readers of those languages.
 */
import type { ReactiveControllerHost } from 'lit';
import { lazy } from '../core/lazy.js';
import { uiLanguage } from './index.js';

/** `translate(host, lang)`: fetches the chunk for a reader of `lang` (once), then renders `host` again. */
export function widgetTranslations(
  importer: () => Promise<unknown>,
): (host: ReactiveControllerHost, lang: string) => void {
  const translations = lazy(importer);
  return (host, lang) => {
    if (uiLanguage(lang) === 'en' || translations.module) return;
    translations.load().then(
      () => host.requestUpdate(),
      () => {}, // English stays
    );
  };
}
