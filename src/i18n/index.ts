/**
 * UI strings. English ships in the entry script; Spanish and French are lazy
 * chunks, fetched only by a page that needs them.
 */
import { en } from './en.js';

export type Messages = typeof en;
export type MessageKey = keyof Messages;

export const UI_LANGUAGES = ['en', 'es', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const loaded: Partial<Record<UiLanguage, Messages>> = { en };
const loaders: Record<Exclude<UiLanguage, 'en'>, () => Promise<Messages>> = {
  es: () => import('./es.js').then((m) => m.es),
  fr: () => import('./fr.js').then((m) => m.fr),
};

/** Our UI language for a tag: its primary subtag if we have it, else English. */
export function uiLanguage(lang: string): UiLanguage {
  const primary = lang.toLowerCase().split('-')[0] as UiLanguage;
  return UI_LANGUAGES.includes(primary) ? primary : 'en';
}

export function messagesNow(lang: UiLanguage): Messages | undefined {
  return loaded[lang];
}

export async function loadMessages(lang: UiLanguage): Promise<Messages> {
  if (loaded[lang]) return loaded[lang]!;
  try {
    const messages = await loaders[lang as Exclude<UiLanguage, 'en'>]();
    return (loaded[lang] = { ...en, ...messages });
  } catch {
    return en; // a chunk that fails to load leaves the widget in English, never broken
  }
}

export function formatMessage(template: string, params?: Record<string, string | number>, _lang?: string): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
