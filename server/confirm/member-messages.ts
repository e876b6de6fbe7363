// The words of a new member's confirmation (join.confirm), where they differ from a signer's
// (messages.ts): the email asks to confirm a membership, and the page says it is confirmed.
import { WORDS, type ConfirmLang, type Words } from './messages.js';

const MEMBER: Record<ConfirmLang, Partial<Words>> = {
  en: {
    subject: (t) => `Please confirm your membership: ${t}`,
    body: (t, o) => `thank you for joining ${o} (“${t}”). Your membership starts once you confirm it:`,
    button: 'Confirm my membership',
    ignore: 'If you did not ask to join, ignore this email: nothing is kept, and your address is deleted in 30 days.',
    confirmedTitle: 'Membership confirmed',
    confirmed: () => 'Thank you: you are now a member. Your chapter will be in touch.',
    already: () => 'Your membership was already confirmed.',
    expired: () => 'Confirmation links last 7 days. Fill in the join form again to get a new one.',
    back: 'Back to the site',
  },
  es: {
    subject: (t) => `Confirma tu afiliación: ${t}`,
    body: (t, o) => `gracias por unirte a ${o} («${t}»). Tu afiliación empieza cuando la confirmes:`,
    button: 'Confirmar mi afiliación',
    ignore: 'Si no pediste unirte, ignora este correo: no se guarda nada y tu dirección se borrará en 30 días.',
    confirmedTitle: 'Afiliación confirmada',
    confirmed: () => 'Gracias: ya eres miembro. Tu sección se pondrá en contacto contigo.',
    already: () => 'Tu afiliación ya estaba confirmada.',
    expired: () => 'Los enlaces de confirmación duran 7 días. Vuelve a llenar el formulario para recibir otro.',
    back: 'Volver al sitio',
  },
  fr: {
    subject: (t) => `Confirmez votre adhésion : ${t}`,
    body: (t, o) => `merci d’avoir rejoint ${o} (« ${t} »). Votre adhésion commence dès que vous la confirmez :`,
    button: 'Confirmer mon adhésion',
    ignore:
      'Si vous n’avez pas demandé à adhérer, ignorez ce courriel : rien n’est gardé ' +
      'et votre adresse sera effacée dans 30 jours.',
    confirmedTitle: 'Adhésion confirmée',
    confirmed: () => 'Merci : vous êtes désormais membre. Votre section vous contactera.',
    already: () => 'Votre adhésion était déjà confirmée.',
    expired: () =>
      'Les liens de confirmation durent 7 jours. Remplissez à nouveau le formulaire pour en recevoir un autre.',
    back: 'Retour au site',
  },
};

/** A new member's words in a language: a signer's, with the membership's own where they differ. */
export const memberWords = (lang: ConfirmLang): Words => ({ ...WORDS[lang], ...MEMBER[lang] });
