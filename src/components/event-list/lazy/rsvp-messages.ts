/**
 * The RSVP strings only its lazy flow brings on screen (the form, the server's answer, the thanks), registered
 * when that chunk loads; what must work offline is in event-strings.ts. Add a key to all three tables.
 */
import { registerMessages } from '../../../i18n/index.js';

const en = {
  'rsvp.form': 'RSVP to “{title}”',
  'rsvp.submit': 'Send my RSVP',
  'rsvp.submit-waitlist': 'Join the waiting list',
  'rsvp.full-note': 'This event is full: your RSVP will put you on the waiting list.',
  'rsvp.consent':
    'I agree that the organizers may contact me about this event and related organizing. I can unsubscribe at any time.',
  'rsvp.going': 'You’re going. See you there!',
  'rsvp.waitlisted': 'You’re on the waiting list. The organizers will let you know if a place opens.',
  'rsvp.queued-server': 'Saved on this device — the server is busy, so your RSVP will be sent automatically soon.',
  'rsvp.error.server': 'Your RSVP could not be sent: the server had a problem. Please try again.',
};

declare module '../../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

registerMessages({
  en,
  es: {
    'rsvp.form': 'Inscripción para «{title}»',
    'rsvp.submit': 'Enviar mi inscripción',
    'rsvp.submit-waitlist': 'Unirme a la lista de espera',
    'rsvp.full-note': 'Este evento está completo: tu inscripción te pondrá en la lista de espera.',
    'rsvp.consent':
      'Acepto que la organización me contacte sobre este evento y actividades relacionadas. Puedo darme de baja en cualquier momento.',
    'rsvp.going': 'Vas a asistir. ¡Nos vemos allí!',
    'rsvp.waitlisted': 'Estás en la lista de espera. La organización te avisará si se libera una plaza.',
    'rsvp.queued-server':
      'Guardada en este dispositivo: el servidor está ocupado y tu inscripción se enviará automáticamente en breve.',
    'rsvp.error.server': 'No se pudo enviar tu inscripción: el servidor tuvo un problema. Inténtalo de nuevo.',
  },
  fr: {
    'rsvp.form': 'Inscription à « {title} »',
    'rsvp.submit': 'Envoyer mon inscription',
    'rsvp.submit-waitlist': 'Rejoindre la liste d’attente',
    'rsvp.full-note': 'Cet événement est complet : votre inscription vous placera sur la liste d’attente.',
    'rsvp.consent':
      'J’accepte que les organisateurs me contactent au sujet de cet événement et d’actions liées. Je peux me désinscrire à tout moment.',
    'rsvp.going': 'Vous participez. À bientôt !',
    'rsvp.waitlisted': 'Vous êtes sur la liste d’attente. Les organisateurs vous préviendront si une place se libère.',
    'rsvp.queued-server':
      'Enregistrée sur cet appareil : le serveur est occupé, votre inscription sera envoyée automatiquement sous peu.',
    'rsvp.error.server': 'Votre inscription n’a pas pu être envoyée : le serveur a eu un problème. Réessayez.',
  },
});
