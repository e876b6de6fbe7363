// GET /confirm/:token: the page a confirmation email links to, in the signer's language
// (the widget's, kept with the signature): 200 confirmed (or already), 410 expired, 404 unknown.
import type { FastifyInstance } from 'fastify';
import { pickTranslation } from '../../src/core/translations.js';
import { NO_STORE } from '../cache-headers.js';
import { orgName } from '../confirm/confirmer.js';
import { memberWords } from '../confirm/member-messages.js';
import { escapeHtml, WORDS, type ConfirmLang } from '../confirm/messages.js';
import { actionKey } from '../storage/action-types.js';
import type { AppContext } from './context.js';

const STATUS = { confirmed: 200, already: 200, expired: 410, unknown: 404 } as const;

export async function confirmPage(app: FastifyInstance, { confirmer, feed, outbox }: AppContext): Promise<void> {
  if (!confirmer) return;
  app.get<{ Params: { token: string } }>('/confirm/:token', async (req, reply) => {
    const result = await confirmer.confirm(req.params.token, new Date());
    if (result.state === 'confirmed') outbox.kick(); // its signature.confirmed events, if any
    const lang: ConfirmLang = result.state === 'unknown' ? 'en' : (result.lang as ConfirmLang);
    const member = result.state !== 'unknown' && result.petition === actionKey('join');
    const w = member ? memberWords(lang) : WORDS[lang];
    const { org, petitions, join } = feed.get().feed;
    const petition = result.state === 'unknown' ? undefined : petitions.find((p) => p.id === result.petition);
    const title = petition ? pickTranslation(petition.title, lang) : member ? pickTranslation(join?.title, lang) : '';
    const [heading, text] =
      result.state === 'confirmed'
        ? [w.confirmedTitle, w.confirmed(title)]
        : result.state === 'already'
          ? [w.alreadyTitle, w.already(title)]
          : result.state === 'expired'
            ? [w.expiredTitle, w.expired(title)]
            : [w.unknownTitle, w.unknown];
    const back =
      org?.url && /^https?:\/\//.test(org.url)
        ? `<p><a href="${escapeHtml(org.url)}">${escapeHtml(w.back)}</a></p>`
        : '';
    const html =
      `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">` +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      `<title>${escapeHtml(heading)} · ${escapeHtml(orgName(org, lang))}</title></head>` +
      `<body><main><h1>${escapeHtml(heading)}</h1>` +
      (title ? `<p><strong>${escapeHtml(title)}</strong></p>` : '') +
      `<p>${escapeHtml(text)}</p>${back}</main></body></html>`;
    return reply
      .code(STATUS[result.state])
      .header('Cache-Control', NO_STORE)
      .header('Referrer-Policy', 'no-referrer') // the token is in this page's URL
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
