/**
 * UI strings. English ships in the entry script; Spanish and French are lazy
 * chunks, fetched only by a page that needs them. Strings used only by a lazy
 * chunk travel in that chunk: it calls `registerMessages` with its own en/es/fr
 * tables, and declares their keys in `LazyMessages` (see petition-form/lazy/flow.ts).
 */
import { lazy } from '../core/lazy.js';
import { en } from './en.js';
import type { enProblems } from './lazy/en-problems.js';

/** The entry's strings and the rare ones: what lazy/es.ts and lazy/fr.ts must translate. */
export type Messages = typeof en & typeof enProblems;

/**
 * Keys of the strings lazy chunks register, declared by each chunk:
 * `declare module '../../i18n/index.js' { interface LazyMessages extends Record<keyof typeof table.en, string> {} }`.
 */
export interface LazyMessages {}

export type AllMessages = Messages & LazyMessages;
export type MessageKey = keyof AllMessages;

export const UI_LANGUAGES = ['en', 'es', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

const loaded: Partial<Record<UiLanguage, AllMessages>> = { en: en as AllMessages };
/** What lazy chunks registered, per language, for tables loaded later. */
const extra: Partial<Record<UiLanguage, Record<string, string>>> = {};
const tables = {
  es: lazy(() => import('./lazy/es.js').then((m) => m.es)),
  fr: lazy(() => import('./lazy/fr.js').then((m) => m.fr)),
};

/** The English strings for things gone wrong (lazy/en-problems.ts). */
const problems = lazy(() => import('./lazy/en-problems.js').then((m) => void Object.assign(loaded.en!, m.enProblems)));

/** Fetches the English strings for things gone wrong the first time one is wanted (offline, a later call tries again). */
export const loadRareMessages = (): Promise<void> => problems.load();

/** Our UI language for a tag: its primary subtag if we have it, else English. */
export function uiLanguage(lang: string): UiLanguage {
  const primary = lang.toLowerCase().split('-')[0] as UiLanguage;
  return UI_LANGUAGES.includes(primary) ? primary : 'en';
}

export function messagesNow(lang: UiLanguage): AllMessages | undefined {
  return loaded[lang];
}

export async function loadMessages(lang: UiLanguage): Promise<AllMessages> {
  if (loaded[lang]) return loaded[lang]!;
  try {
    const messages = await tables[lang as Exclude<UiLanguage, 'en'>].load();
    return (loaded[lang] ??= { ...en, ...messages, ...extra[lang] } as AllMessages);
  } catch {
    return loaded.en!; // a chunk that fails to load leaves the widget in English, never broken
  }
}

/**
 * A lazy chunk's own strings, in every UI language (each table has the same keys as `en`).
 * Call it when the chunk loads, before rendering with them; tables already loaded
 * (shared by every widget) gain them at once.
 */
export function registerMessages<K extends string>(tables: Record<UiLanguage, Record<K, string>>): void {
  for (const lang of UI_LANGUAGES) {
    Object.assign((extra[lang] ??= {}), tables[lang]);
    if (loaded[lang]) Object.assign(loaded[lang]!, tables[lang]);
  }
}

export function formatMessage(template: string, params?: Record<string, string | number>, _lang?: string): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
