// What every console view shares: the API client, the language and the styles.
import { html, LitElement } from 'lit';
import type { ConsoleApi, PetitionRow } from './api.js';
import { translate, type Lang, type StringKey } from './strings.js';
import { consoleStyles } from './styles.js';

/** A feed text: a string, or one per language ({ "en": …, "es": … }). */
export type FeedText = string | Record<string, string>;

export function localized(text: FeedText, lang: string): string {
  return typeof text === 'string' ? text : (text[lang] ?? text.en ?? Object.values(text)[0] ?? '');
}

export class ConsoleView extends LitElement {
  static styles = consoleStyles;
  static properties = { api: { attribute: false }, lang: {} };
  declare api: ConsoleApi;
  lang: Lang = 'en';

  t(key: StringKey, params?: Record<string, string | number>): string {
    return translate(this.lang, key, params);
  }

  petitionName(p: PetitionRow): string {
    if (p.title === null) return this.t('removed-petition', { id: p.id });
    return localized(p.title, this.lang);
  }

  /** The petitions as <option>s, `chosen` selected. */
  petitionOptions(petitions: PetitionRow[], chosen: string) {
    return petitions.map(
      (p) => html`<option value=${p.id} ?selected=${p.id === chosen}>${this.petitionName(p)}</option>`,
    );
  }

  when(iso: string | null): string {
    return iso ? new Date(iso).toLocaleString(this.lang, { timeZone: 'UTC', timeZoneName: 'short' }) : this.t('never');
  }
}
