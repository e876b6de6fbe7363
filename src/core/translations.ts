import type { Text } from './feed-types.js';

/**
 * Picks a translation: exact tag, then primary subtag (`es-MX` → `es`),
 * then the feed's first key (DESIGN.md, "Language").
 */
export function pickTranslation(value: Text | undefined | null, lang: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  const keys = Object.keys(value);
  if (!keys.length) return '';
  const wanted = lang.toLowerCase();
  const primary = wanted.split('-')[0];
  const exact = keys.find((k) => k.toLowerCase() === wanted);
  const sameLanguage = keys.find((k) => k.toLowerCase() === primary);
  return value[exact ?? sameLanguage ?? keys[0]] ?? '';
}
