/**
 * A signature refused because this page's site is not yet on the organization's list of sites
 * allowed to sign (403 `origin_not_allowed`): the reader is told so in their language, with the
 * organization's own site to sign on when the feed names one, and the webmaster gets one console
 * warning with the exact step the organization must take. Its own chunk: only a page whose site
 * is not allowed ever loads it.
 *
 * The signature is not kept on the device: nobody knows when (or whether) the site will be
 * allowed, and a signature delivered weeks later, after the reader has signed elsewhere or
 * changed their mind, is not one they gave for now. The message says so.
 */
import { html } from 'lit';
import type { LocaleController } from '../../../core/locale-controller.js';
import { pickTranslation } from '../../../core/translations.js';
import { safeUrl } from '../../../core/url.js';
import { warn } from '../../../core/warn.js';
import { registerMessages } from '../../../i18n/index.js';
import type { PetitionView } from '../petition-view.js';

const en = {
  'petition.not-allowed':
    'This site can’t send signatures to {org} yet, so your signature was not sent (and was not kept on this device).',
  'petition.not-allowed-org': 'the organization',
  'petition.sign-at-org': 'Sign on {org}’s own site',
};

declare module '../../../i18n/index.js' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging: the keys are the Record's
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

registerMessages({
  en,
  es: {
    'petition.not-allowed':
      'Este sitio todavía no puede enviar firmas a {org}: tu firma no se envió (ni se guardó en este dispositivo).',
    'petition.not-allowed-org': 'la organización',
    'petition.sign-at-org': 'Firma en el sitio de {org}',
  },
  fr: {
    'petition.not-allowed':
      'Ce site ne peut pas encore envoyer de signatures à {org} : votre signature n’a pas été envoyée (ni gardée sur cet appareil).',
    'petition.not-allowed-org': 'l’organisation',
    'petition.sign-at-org': 'Signez sur le site de {org}',
  },
});

/** The webmaster's step, for the console: the site, the server, and the two ways to allow it. */
export function notAllowedWarning(site: string, server: string): string {
  return (
    `this site (${site}) is not allowed to send signatures to ${server} yet, so readers cannot sign here. ` +
    `Ask the organization to allow it: start the server with --allow-origin ${site}, ` +
    `or run: solidarity-widgets origins allow ${site}`
  );
}

let warned = false;

/** The reader's message (with a link to the organization's site when the feed gives one); warns once per page. */
export function renderNotAllowed(t: LocaleController, view: PetitionView) {
  if (!warned) {
    warned = true;
    warn(notAllowedWarning(location.origin, new URL(view.endpoint).origin));
  }
  const org = pickTranslation(view.org?.name, t.lang) || t.t('petition.not-allowed-org');
  const url = safeUrl(view.org?.url, { base: view.base, context: 'organization URL' });
  return html`${t.t('petition.not-allowed', { org })}
  ${url ? html`<a href=${url}>${t.t('petition.sign-at-org', { org })}</a>` : ''}`;
}
