/**
 * A page's first Intl date formatter loads ICU's locale data all at once: in Chromium at 4× CPU, one task
 * of about 60 ms, a long task for the host page. The calls below load the same data a part at a time
 * (each 10–35 ms at 4×), each in a task of its own, so a widget's first date or count costs the page no
 * long task.
 */
import { yieldToPage } from './scheduling.js';

const PARTS: ((lang: string) => unknown)[] = [
  // The likely-subtags data.
  (lang) => new Intl.Locale(lang).maximize(),
  // The data of Unicode extension keywords (`-u-ca-…`), which listing the available locales needs.
  () => Intl.getCanonicalLocales('en-u-ca-gregory'),
  // The available locales, which every formatter's locale negotiation needs.
  (lang) => Intl.DateTimeFormat.supportedLocalesOf(lang),
  // The number formatting data (counts such as "12 going"; dates' digits use it too).
  (lang) => new Intl.NumberFormat(lang).format(12),
];

let warming: Promise<void> | undefined;

/** Readies Intl for formatting dates in `lang` (once per page; a tag Intl refuses is warmed as English). */
export function warmIntl(lang: string): Promise<void> {
  return (warming ??= (async () => {
    for (const part of PARTS) {
      await yieldToPage();
      try {
        part(lang);
      } catch {
        part('en');
      }
    }
  })());
}
