/**
 * The donate strings only the panel (a lazy chunk, loaded on the first click) shows.
 * Registered when the panel loads; add a key to all three tables (the type check enforces it).
 */
import { registerMessages } from '../../../i18n/index.js';

const en = {
  'donate.title': 'Donate to {org}',
  'donate.amount': 'Amount',
  'donate.other': 'Other',
  'donate.custom': 'Your amount ({currency})',
  'donate.frequency': 'How often',
  'donate.once': 'One time',
  'donate.monthly': 'Monthly',
  'donate.cta': 'Give {amount}',
  'donate.cta-monthly': 'Give {amount} monthly',
  'donate.close': 'Close',
  'donate.note': 'You will complete your gift on {provider}.',
  'donate.new-tab': 'It opens in a new tab.',
  'donate.error.number': 'Enter an amount in numbers, like {example}.',
  'donate.error.decimals': 'Use at most {n} decimal places.',
  'donate.error.whole': 'Enter a whole amount, without decimals.',
  'donate.error.min': 'The smallest gift is {min}.',
  'donate.error.max': 'The largest gift is {max}.',
};

declare module '../../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

registerMessages({
  en,
  es: {
    'donate.title': 'Dona a {org}',
    'donate.amount': 'Cantidad',
    'donate.other': 'Otra',
    'donate.custom': 'Tu cantidad ({currency})',
    'donate.frequency': 'Frecuencia',
    'donate.once': 'Una vez',
    'donate.monthly': 'Cada mes',
    'donate.cta': 'Donar {amount}',
    'donate.cta-monthly': 'Donar {amount} al mes',
    'donate.close': 'Cerrar',
    'donate.note': 'Completarás tu donación en {provider}.',
    'donate.new-tab': 'Se abre en una pestaña nueva.',
    'donate.error.number': 'Escribe una cantidad en números, como {example}.',
    'donate.error.decimals': 'Usa como máximo {n} decimales.',
    'donate.error.whole': 'Escribe una cantidad entera, sin decimales.',
    'donate.error.min': 'La donación mínima es {min}.',
    'donate.error.max': 'La donación máxima es {max}.',
  },
  fr: {
    'donate.title': 'Faire un don à {org}',
    'donate.amount': 'Montant',
    'donate.other': 'Autre',
    'donate.custom': 'Votre montant ({currency})',
    'donate.frequency': 'Fréquence',
    'donate.once': 'Une fois',
    'donate.monthly': 'Chaque mois',
    'donate.cta': 'Donner {amount}',
    'donate.cta-monthly': 'Donner {amount} par mois',
    'donate.close': 'Fermer',
    'donate.note': 'Vous finaliserez votre don sur {provider}.',
    'donate.new-tab': 'La page s’ouvre dans un nouvel onglet.',
    'donate.error.number': 'Saisissez un montant en chiffres, par exemple {example}.',
    'donate.error.decimals': 'Utilisez au plus {n} décimales.',
    'donate.error.whole': 'Saisissez un montant entier, sans décimales.',
    'donate.error.min': 'Le don minimum est de {min}.',
    'donate.error.max': 'Le don maximum est de {max}.',
  },
});
