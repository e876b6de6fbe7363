import { warn } from './warn.js';

/**
 * The one URL check for every URL taken from a feed or an attribute: only
 * http(s) (and mailto: when allowed) survive; anything else is dropped with a warning.
 */
export function safeUrl(
  value: string | undefined | null,
  { base, mailto = false, context = 'URL' }: { base?: string; mailto?: boolean; context?: string } = {},
): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(trim(value), base ?? document.baseURI);
  } catch {
    warn(`ignored ${context} "${value}": it is not a valid URL.`);
    return null;
  }
  const ok = url.protocol === 'https:' || url.protocol === 'http:' || (mailto && url.protocol === 'mailto:');
  if (!ok) {
    warn(`ignored ${context} "${value}": only http and https${mailto ? ' (and mailto)' : ''} links are used.`);
    return null;
  }
  return url.href;
}

/**
 * A CSS color only if it is one by itself: `CSS.supports` also accepts `var(--x, url(…))`
 * (a custom property could hold anything) and `env(…)`, which could make every reader's
 * browser fetch a third party's URL, so those are refused before asking the browser.
 */
export function safeColor(value: string | undefined | null): string | null {
  if (!value) return null;
  const text = String(value);
  if (!/\b(var|url|env|image-set|attr)\(|\\|@/i.test(text) && globalThis.CSS?.supports('color', text)) return text;
  warn(`ignored color "${text}": it is not a CSS color.`);
  return null;
}

/**
 * Whitespace trimmed without `String.prototype.trim`, which a host page may have replaced
 * (and made throw): our render paths must not depend on it for text that is ours to read.
 */
export const trim = (text: string): string => text.replace(/^\s+|\s+$/g, '');
