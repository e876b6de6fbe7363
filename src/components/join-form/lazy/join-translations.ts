/** `<join-form>`'s Spanish and French strings (see join-messages.ts), fetched only for readers of those languages. */
import { registerMessages } from '../../../i18n/index.js';
import { en } from '../join-strings.js';

registerMessages({
  en,
  es: {
    'join.consent':
      'Acepto que la organización se comunique conmigo sobre mi membresía y mi sección local. Puedo darme de baja cuando quiera.',
    'join.no-form':
      'Nada a lo que unirse aquí: indica una fuente de datos con un formulario de afiliación, o un endpoint.',
    'join.chapter': 'Tu sección',
    'join.choose-chapter': 'Elige una sección',
    'join.near-me': 'Cerca de mí',
    'join.locating': 'Buscando la sección más cercana…',
    'join.located': 'La más cercana: {chapter}. Puedes elegir otra.',
    'join.not-located': 'Tu ubicación no está disponible: elige tu sección de la lista.',
    'join.from-postal': 'Para el código postal {code}: {chapter}. Puedes elegir otra.',
    'join.no-postal-match': 'Ninguna sección cubre el código postal {code}: elige una de la lista.',
    'join.given': 'Te unes a {chapter}. Puedes elegir otra.',
    'join.submit': 'Unirme',
    'join.sending': 'Enviando…',
    'join.queued': 'Guardada: tu afiliación se enviará cuando vuelvas a tener conexión.',
    'join.problems_one': 'Un campo necesita tu atención.',
    'join.problems_other': '{count} campos necesitan tu atención.',
    'join.error.offline':
      'No se pudo enviar ni guardar tu afiliación: parece que no tienes conexión. Inténtalo de nuevo cuando vuelvas a tenerla.',
    'join.use-endpoint': 'Use la dirección http o https del endpoint de afiliación en su servidor (…/api/join).',
    'join.use-chapter': 'Use el id de una de las secciones de la fuente de datos; no se elige ninguna de antemano.',
    'join.use-fields': 'Use algunos de {names}; este se omite.',
  },
  fr: {
    'join.consent':
      'J’accepte que l’organisation me contacte au sujet de mon adhésion et de ma section locale. Je peux me désabonner à tout moment.',
    'join.no-form':
      'Rien à rejoindre ici : donnez à ce formulaire un flux qui a un formulaire d’adhésion, ou un endpoint.',
    'join.chapter': 'Votre section',
    'join.choose-chapter': 'Choisissez une section',
    'join.near-me': 'Près de moi',
    'join.locating': 'Recherche de la section la plus proche…',
    'join.located': 'La plus proche : {chapter}. Vous pouvez en choisir une autre.',
    'join.not-located': 'Votre position n’est pas disponible : choisissez votre section dans la liste.',
    'join.from-postal': 'Pour le code postal {code} : {chapter}. Vous pouvez en choisir une autre.',
    'join.no-postal-match': 'Aucune section ne couvre le code postal {code} : choisissez-en une dans la liste.',
    'join.given': 'Vous rejoignez {chapter}. Vous pouvez en choisir une autre.',
    'join.submit': 'Adhérer',
    'join.sending': 'Envoi…',
    'join.queued': 'Enregistrée — votre adhésion sera envoyée dès votre retour en ligne.',
    'join.problems_one': 'Un champ demande votre attention.',
    'join.problems_other': '{count} champs demandent votre attention.',
    'join.error.offline':
      'Votre adhésion n’a pu être ni envoyée ni enregistrée : vous semblez hors ligne. Réessayez une fois reconnecté·e.',
    'join.use-endpoint': 'Utilisez l’adresse http ou https du point d’adhésion sur son serveur (…/api/join).',
    'join.use-chapter': 'Utilisez l’id d’une des sections du flux ; aucune section n’est choisie d’avance.',
    'join.use-fields': 'Utilisez certains de {names} ; celui-ci est ignoré.',
  },
});
