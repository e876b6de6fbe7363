/**
 * The join strings only its lazy flow (flow.ts) brings on screen: the server's answer and the welcome.
 * Registered when that chunk loads, so a page pays for them only once the reader starts on the form;
 * what must work offline ("saved") stays in join-strings.ts. Add a key to all three tables.
 */
import { registerMessages } from '../../../i18n/index.js';

const en = {
  'join.queued-server': 'Saved on this device — the server is busy, so it will be sent automatically in a moment.',
  'join.error.server': 'Your membership could not be sent: the server had a problem. Please try again.',
  'join.joined': 'Joined.',
  'join.welcome': 'Welcome! You are a member of {chapter}.',
  'join.welcome-member': 'Welcome! You are a member.',
  'join.check-inbox': 'One more step: check your email and follow the link we sent you, so your membership counts.',
  'join.reach': 'How to reach your chapter:',
  'join.meets': 'Meets: {when}',
  'join.website': 'Chapter website',
};

declare module '../../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

registerMessages({
  en,
  es: {
    'join.queued-server':
      'Guardada en este dispositivo: el servidor está ocupado y se enviará automáticamente en un momento.',
    'join.error.server': 'No se pudo enviar tu afiliación: el servidor tuvo un problema. Inténtalo de nuevo.',
    'join.joined': 'Afiliación enviada.',
    'join.welcome': '¡Bienvenida, bienvenido! Eres miembro de {chapter}.',
    'join.welcome-member': '¡Bienvenida, bienvenido! Eres miembro.',
    'join.check-inbox': 'Un paso más: revisa tu correo y abre el enlace que te enviamos para que tu afiliación cuente.',
    'join.reach': 'Cómo contactar con tu sección:',
    'join.meets': 'Se reúne: {when}',
    'join.website': 'Sitio web de la sección',
  },
  fr: {
    'join.queued-server':
      'Enregistrée sur cet appareil : le serveur est occupé, elle sera envoyée automatiquement dans un instant.',
    'join.error.server': 'Votre adhésion n’a pas pu être envoyée : le serveur a rencontré un problème. Réessayez.',
    'join.joined': 'Adhésion envoyée.',
    'join.welcome': 'Bienvenue ! Vous êtes membre de {chapter}.',
    'join.welcome-member': 'Bienvenue ! Vous êtes membre.',
    'join.check-inbox':
      'Encore une étape : ouvrez le courriel que nous vous avons envoyé et suivez son lien pour que votre adhésion compte.',
    'join.reach': 'Pour joindre votre section :',
    'join.meets': 'Se réunit : {when}',
    'join.website': 'Site de la section',
  },
});
