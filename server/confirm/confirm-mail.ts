// The confirmation email: plain text and HTML, in the signer's language, with the
// organization's name, the petition's title and the link to /confirm/<token>.
import type { OutgoingMail } from '../storage/types.js';
import { escapeHtml, WORDS, type ConfirmLang, type Words } from './messages.js';

export interface ConfirmMailInput {
  to: string;
  lang: ConfirmLang;
  org: string;
  petitionTitle: string;
  link: string;
  /** Other words than a signer's (a new member's: member-messages.ts). */
  words?: Words;
}

export function confirmMail({ to, lang, org, petitionTitle, link, words }: ConfirmMailInput): OutgoingMail {
  const w = words ?? WORDS[lang];
  const body = w.body(petitionTitle, org);
  const text = `${w.greeting}\n\n${body}\n\n${link}\n\n${w.ignore}\n\n— ${org}\n`;
  const html =
    `<!doctype html><html lang="${lang}"><meta charset="utf-8"><body>` +
    `<p>${escapeHtml(w.greeting)}</p><p>${escapeHtml(body)}</p>` +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(w.button)}</a></p>` +
    `<p>${escapeHtml(link)}</p><p>${escapeHtml(w.ignore)}</p><p>— ${escapeHtml(org)}</p></body></html>`;
  return { to, subject: w.subject(petitionTitle), text, html };
}
