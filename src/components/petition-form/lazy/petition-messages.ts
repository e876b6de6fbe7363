/**
 * The petition strings only its lazy chunk (flow.ts) brings on screen: the server's
 * answer (including "the server is busy"), thanks, sharing and the email suggestion.
 * Registered when that chunk loads, so a page pays for them only once the reader starts on
 * the form; what must work offline (validation, "saved") stays in en.ts. Add a key to all
 * three tables (the type check enforces it).
 */
import { registerMessages } from '../../../i18n/index.js';

const en = {
  'petition.queued-server': 'Saved on this device — the server is busy, so it will be sent automatically in a moment.',
  'petition.signed': 'Signed.',
  'petition.thanks': 'Thank you for signing!',
  'petition.check-inbox': 'One more step: check your email and follow the link we sent you, so your signature counts.',
  'petition.ask': 'Now ask others to sign too:',
  'petition.error.server': 'Your signature could not be sent: the server had a problem. Please try again.',
  'petition.did-you-mean': 'Did you mean {email}?',
  'petition.share': 'Share',
  'petition.copy': 'Copy link',
  'petition.share-email': 'Email',
  'petition.share-text': 'I just signed “{title}”. Will you sign too?',
  'petition.error.email': 'Enter an email address like name@example.org.',
  'petition.error.too-long': 'Use at most {max} characters.',
  'petition.error.phone': 'Enter a phone number: digits, spaces and + ( ) - only.',
};

declare module '../../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

registerMessages({
  en,
  es: {
    'petition.queued-server':
      'Guardada en este dispositivo: el servidor está ocupado y se enviará automáticamente en un momento.',
    'petition.signed': 'Firmada.',
    'petition.thanks': '¡Gracias por firmar!',
    'petition.check-inbox': 'Un paso más: revisa tu correo y abre el enlace que te enviamos para que tu firma cuente.',
    'petition.ask': 'Ahora pide a otras personas que firmen:',
    'petition.error.server': 'No se pudo enviar tu firma: el servidor tuvo un problema. Inténtalo de nuevo.',
    'petition.did-you-mean': '¿Quisiste decir {email}?',
    'petition.share': 'Compartir',
    'petition.copy': 'Copiar enlace',
    'petition.share-email': 'Correo',
    'petition.share-text': 'Acabo de firmar «{title}». ¿Firmas tú también?',
    'petition.error.email': 'Escribe un correo como nombre@ejemplo.org.',
    'petition.error.too-long': 'Usa como máximo {max} caracteres.',
    'petition.error.phone': 'Escribe un teléfono: solo cifras, espacios y + ( ) -.',
  },
  fr: {
    'petition.queued-server':
      'Enregistrée sur cet appareil : le serveur est occupé, elle sera envoyée automatiquement dans un instant.',
    'petition.signed': 'Signée.',
    'petition.thanks': 'Merci d’avoir signé !',
    'petition.check-inbox':
      'Encore une étape : ouvrez le courriel que nous vous avons envoyé et suivez son lien pour que votre signature compte.',
    'petition.ask': 'Demandez maintenant à d’autres de signer :',
    'petition.error.server':
      'Votre signature n’a pas pu être envoyée : le serveur a rencontré un problème. Veuillez réessayer.',
    'petition.did-you-mean': 'Vouliez-vous dire {email} ?',
    'petition.share': 'Partager',
    'petition.copy': 'Copier le lien',
    'petition.share-email': 'E-mail',
    'petition.share-text': 'Je viens de signer « {title} ». Signez-vous aussi ?',
    'petition.error.email': 'Saisissez une adresse comme nom@exemple.org.',
    'petition.error.too-long': 'Utilisez au plus {max} caractères.',
    'petition.error.phone': 'Saisissez un numéro : chiffres, espaces et + ( ) - uniquement.',
  },
});
