/**
 * The sharing row shown after signing, in its own lazy chunk (fetched once the
 * reader has signed): the Web Share API where the device has it, copy link, email,
 * and social links. Every shared link is the host page's address with a `?source=`
 * naming the channel, so the signatures it brings are counted to it.
 */
import { html, nothing } from 'lit';
import type { LocaleController } from '../../../core/locale-controller.js';
import { shareLink } from '../../../core/share.js';

/** The host page's address (no fragment) with `source` set to `channel`. */
export function sharedUrl(channel: string): string {
  const url = new URL(location.href);
  url.hash = '';
  url.searchParams.set('source', channel);
  return url.href;
}

const enc = encodeURIComponent;
const SOCIAL: [name: string, make: (url: string, text: string) => string][] = [
  ['Facebook', (u) => `https://www.facebook.com/sharer/sharer.php?u=${enc(u)}`],
  ['X', (u, t) => `https://x.com/intent/post?text=${enc(t)}&url=${enc(u)}`],
  ['WhatsApp', (u, t) => `https://wa.me/?text=${enc(`${t} ${u}`)}`],
  ['Bluesky', (u, t) => `https://bsky.app/intent/compose?text=${enc(`${t} ${u}`)}`],
  ['Telegram', (u, t) => `https://t.me/share/url?url=${enc(u)}&text=${enc(t)}`],
];

/** `say` puts a message in the widget's live status line. */
export function renderShare(title: string, t: LocaleController, say: (message: string) => void) {
  const text = t.t('petition.share-text', { title });
  const copy = async () => {
    const url = sharedUrl('copy');
    try {
      await navigator.clipboard.writeText(url);
      say(t.t('share.copied'));
    } catch {
      say(t.t('share.copy-failed', { url }));
    }
  };
  // role=list: Safari drops the list semantics of a <ul> styled list-style: none.
  /* eslint-disable lit-a11y/no-redundant-role */
  return html`<p>${t.t('petition.ask')}</p>
    <ul class="share" role="list">
      ${
        'share' in navigator
          ? html`<li><button type="button" class="btn" @click=${async () => say(await shareLink(sharedUrl('share'), title, t))}>${t.t('petition.share')}</button></li>`
          : nothing
      }
      <li><button type="button" class="btn" @click=${copy}>${t.t('petition.copy')}</button></li>
      <li><a href="mailto:?subject=${enc(title)}&amp;body=${enc(`${text}\n\n${sharedUrl('email')}`)}">${t.t('petition.share-email')}</a></li>
      ${SOCIAL.map(([name, make]) => html`<li><a href=${make(sharedUrl(name.toLowerCase()), text)} target="_blank" rel="noopener">${name}</a></li>`)}
    </ul>`;
  /* eslint-enable lit-a11y/no-redundant-role */
}
