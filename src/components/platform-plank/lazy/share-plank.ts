/** A plank's share button, loaded on its first click: the share sheet or the clipboard, with the plank's own link. */
import type { LocaleController } from '../../../core/locale-controller.js';
import { permalink, shareLink } from '../../../core/share.js';

/** Shares the link that opens this plank (`#plank-<id>`); returns what to tell the reader. */
export function sharePlank(id: string | undefined, title: string, locale: LocaleController): Promise<string> {
  return shareLink(permalink(id ? `plank-${id}` : ''), title, locale);
}
