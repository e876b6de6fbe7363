/**
 * Shares a link: the Web Share API where the device has it, else the clipboard.
 * Returns what to tell the reader, or '' when the system share sheet handled it.
 */
import type { LocaleController } from './locale-controller.js';

export async function shareLink(url: string, title: string, locale: LocaleController): Promise<string> {
  if (navigator.share) {
    try {
      await navigator.share({ url, title });
      return '';
    } catch (e) {
      if ((e as Error).name === 'AbortError') return '';
      // fall through to copying
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return locale.t('share.copied');
  } catch {
    return locale.t('share.copy-failed', { url });
  }
}

/** The host page's address with a fragment of ours, e.g. `#plank-housing`. */
export function permalink(fragment: string): string {
  const here = new URL(location.href);
  here.hash = fragment;
  return here.href;
}
