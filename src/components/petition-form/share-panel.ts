/**
 * Where to share a signed petition, in its own lazy chunk (fetched once signed,
 * importing nothing, so it pulls no shared code out of the entry script). Every
 * shared link is the host page's address with a `?source=` naming the channel, so
 * the signatures it brings are counted to it.
 */

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

/** Links to share on: an email draft, then social networks, each `[name, href]`; the email entry is named ''. */
export function shareLinks(title: string, text: string): [name: string, href: string][] {
  return [
    ['', `mailto:?subject=${enc(title)}&body=${enc(`${text}\n\n${sharedUrl('email')}`)}`],
    ...SOCIAL.map(([name, make]): [string, string] => [name, make(sharedUrl(name.toLowerCase()), text)]),
  ];
}
