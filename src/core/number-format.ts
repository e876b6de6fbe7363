/**
 * Numbers and plural categories for UI text, with English fast paths: a page's first
 * Intl.NumberFormat or Intl.PluralRules makes V8 load its locale data (tens of ms on a slow
 * phone: a long task for the host), which English whole numbers and dollars do not need.
 */

/** `1,234` (and `$1,234`) for English whole numbers, as Intl writes them; undefined when Intl is needed. */
export function englishWholeNumber(lang: string, n: number, options?: Intl.NumberFormatOptions): string | undefined {
  const dollars = options?.style === 'currency' && options.currency === 'USD' && options.minimumFractionDigits === 0;
  if (!/^en(-US)?$/.test(lang) || !Number.isInteger(n) || n < 0 || (options && !dollars)) return undefined;
  return (dollars ? '$' : '') + String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** `n` written for `lang` (English when Intl does not know the language). */
export function formatNumber(lang: string, n: number, options?: Intl.NumberFormatOptions): string {
  const english = englishWholeNumber(lang, n, options);
  if (english !== undefined) return english;
  try {
    return new Intl.NumberFormat(lang, options).format(n);
  } catch {
    return new Intl.NumberFormat('en', options).format(n);
  }
}

/** The plural category of `count` in `lang`: English whole numbers without Intl. */
export function pluralCategory(lang: string, count: number): Intl.LDMLPluralRule {
  if (/^en(-|$)/.test(lang) && Number.isInteger(count)) return count === 1 ? 'one' : 'other';
  return new Intl.PluralRules(lang).select(count);
}
