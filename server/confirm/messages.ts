// The words of confirmation by email, in the widget's languages: the email to the signer and
// the page the link opens. One table per language, so a translator sees each language whole.
export const CONFIRM_LANGS = ['en', 'es', 'fr'] as const;
export type ConfirmLang = (typeof CONFIRM_LANGS)[number];

/** The signature's `lang` (the widget's language, e.g. "es-MX") as one we have words for; else English. */
export function confirmLang(lang: unknown): ConfirmLang {
  const primary = typeof lang === 'string' ? lang.toLowerCase().split('-')[0] : '';
  return (CONFIRM_LANGS as readonly string[]).includes(primary) ? (primary as ConfirmLang) : 'en';
}

export interface Words {
  subject: (petition: string) => string;
  greeting: string;
  body: (petition: string, org: string) => string;
  button: string;
  ignore: string;
  confirmedTitle: string;
  confirmed: (petition: string) => string;
  alreadyTitle: string;
  already: (petition: string) => string;
  expiredTitle: string;
  expired: (petition: string) => string;
  unknownTitle: string;
  unknown: string;
  back: string;
}

export const WORDS: Record<ConfirmLang, Words> = {
  en: {
    subject: (p) => `Please confirm your signature: ${p}`,
    greeting: 'Hello,',
    body: (p, o) => `thank you for signing “${p}” with ${o}. Your signature counts once you confirm it:`,
    button: 'Confirm my signature',
    ignore: 'If you did not sign, ignore this email: nothing will be counted, and your address is deleted in 30 days.',
    confirmedTitle: 'Signature confirmed',
    confirmed: (p) => `Thank you: your signature on “${p}” now counts.`,
    alreadyTitle: 'Already confirmed',
    already: (p) => `Your signature on “${p}” was already confirmed; it counts once.`,
    expiredTitle: 'This link has expired',
    expired: (p) => `Confirmation links last 7 days. Sign “${p}” again to get a new one.`,
    unknownTitle: 'Link not found',
    unknown: 'This confirmation link is not known here. Check that it was copied whole.',
    back: 'Back to the petition',
  },
  es: {
    subject: (p) => `Confirma tu firma: ${p}`,
    greeting: 'Hola:',
    body: (p, o) => `gracias por firmar «${p}» con ${o}. Tu firma cuenta cuando la confirmes:`,
    button: 'Confirmar mi firma',
    ignore: 'Si no firmaste, ignora este correo: no se contará nada y tu dirección se borrará en 30 días.',
    confirmedTitle: 'Firma confirmada',
    confirmed: (p) => `Gracias: tu firma en «${p}» ya cuenta.`,
    alreadyTitle: 'Ya confirmada',
    already: (p) => `Tu firma en «${p}» ya estaba confirmada; cuenta una vez.`,
    expiredTitle: 'Este enlace ha caducado',
    expired: (p) => `Los enlaces de confirmación duran 7 días. Vuelve a firmar «${p}» para recibir otro.`,
    unknownTitle: 'Enlace no encontrado',
    unknown: 'Este enlace de confirmación no se conoce aquí. Comprueba que se copió entero.',
    back: 'Volver a la petición',
  },
  fr: {
    subject: (p) => `Confirmez votre signature : ${p}`,
    greeting: 'Bonjour,',
    body: (p, o) => `merci d’avoir signé « ${p} » avec ${o}. Votre signature compte dès que vous la confirmez :`,
    button: 'Confirmer ma signature',
    ignore:
      'Si vous n’avez pas signé, ignorez ce courriel : rien ne sera compté et votre adresse sera effacée dans 30 jours.',
    confirmedTitle: 'Signature confirmée',
    confirmed: (p) => `Merci : votre signature de « ${p} » compte désormais.`,
    alreadyTitle: 'Déjà confirmée',
    already: (p) => `Votre signature de « ${p} » était déjà confirmée ; elle compte une fois.`,
    expiredTitle: 'Ce lien a expiré',
    expired: (p) => `Les liens de confirmation durent 7 jours. Signez de nouveau « ${p} » pour en recevoir un autre.`,
    unknownTitle: 'Lien inconnu',
    unknown: 'Ce lien de confirmation n’est pas connu ici. Vérifiez qu’il a été copié en entier.',
    back: 'Retour à la pétition',
  },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text made safe for HTML content and attribute values. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
