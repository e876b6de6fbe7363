/**
 * `<event-list>`'s strings, registered when its module loads: they travel in the widget's own chunk, so
 * pages without the widget pay nothing for them. Add a key to all three tables (the type check enforces it).
 */
import { registerMessages } from '../../i18n/index.js';

const en = {
  'events.label': 'Events',
  'events.empty': 'No upcoming events.',
  'events.your-time': '{time} in your time zone',
  'events.now': 'Happening now',
  'events.online': 'Online',
  'events.join-online': 'Join online',
  'events.held-in': 'In {languages}',
  'events.going_one': '{count} going',
  'events.going_other': '{count} going',
  'events.left_one': '{count} place left',
  'events.left_other': '{count} places left',
  'events.full': 'Full',
  'events.waitlist': 'RSVPs now join the waiting list.',
  'events.add-to-calendar': 'Add to calendar',
  'events.rsvp': 'RSVP',
  'events.use-variant': 'Use list or compact; showing the list.',
  'events.use-limit': 'Use a positive whole number; showing every upcoming event.',
  'events.use-chapter': 'Use the id of a chapter in the feed; showing the events of every chapter.',
};

declare module '../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

registerMessages({
  en,
  es: {
    'events.label': 'Eventos',
    'events.empty': 'No hay eventos próximos.',
    'events.your-time': '{time} en tu zona horaria',
    'events.now': 'En curso',
    'events.online': 'En línea',
    'events.join-online': 'Unirse en línea',
    'events.held-in': 'En {languages}',
    'events.going_one': '{count} asistirá',
    'events.going_other': '{count} asistirán',
    'events.left_one': 'Queda {count} plaza',
    'events.left_other': 'Quedan {count} plazas',
    'events.full': 'Completo',
    'events.waitlist': 'Las nuevas inscripciones pasan a la lista de espera.',
    'events.add-to-calendar': 'Añadir al calendario',
    'events.rsvp': 'Inscribirme',
    'events.use-variant': 'Use list o compact; se muestra la lista.',
    'events.use-limit': 'Use un número entero positivo; se muestran todos los eventos próximos.',
    'events.use-chapter': 'Use el id de una sección de la fuente de datos; se muestran los eventos de todas.',
  },
  fr: {
    'events.label': 'Événements',
    'events.empty': 'Aucun événement à venir.',
    'events.your-time': '{time} dans votre fuseau horaire',
    'events.now': 'En cours',
    'events.online': 'En ligne',
    'events.join-online': 'Rejoindre en ligne',
    'events.held-in': 'En {languages}',
    'events.going_one': '{count} participant·e',
    'events.going_other': '{count} participant·es',
    'events.left_one': '{count} place restante',
    'events.left_other': '{count} places restantes',
    'events.full': 'Complet',
    'events.waitlist': 'Les nouvelles inscriptions rejoignent la liste d’attente.',
    'events.add-to-calendar': 'Ajouter au calendrier',
    'events.rsvp': 'Je participe',
    'events.use-variant': 'Utilisez list ou compact ; la liste est affichée.',
    'events.use-limit': 'Utilisez un nombre entier positif ; tous les événements à venir sont affichés.',
    'events.use-chapter': 'Utilisez l’id d’une section du flux ; les événements de toutes les sections sont affichés.',
  },
});
