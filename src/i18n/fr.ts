import type { Messages } from './index.js';

export const fr: Messages = {
  'feed.loading': 'Chargement…',
  'feed.error.timeout': 'Le contenu n’a pas pu être chargé : le serveur a mis trop de temps à répondre.',
  'feed.error.network': 'Le contenu n’a pas pu être chargé : le serveur est injoignable.',
  'feed.error.not-found': 'Le contenu n’a pas pu être chargé : le flux est introuvable.',
  'feed.error.http': 'Le contenu n’a pas pu être chargé : le serveur a rencontré un problème.',
  'feed.error.not-json': 'Le contenu n’a pas pu être chargé : le flux n’est pas dans un format lisible.',
  'feed.error.bad-shape': 'Le contenu n’a pas pu être chargé : le flux n’a pas le format attendu.',
  'share.copied': 'Lien copié.',
  'share.copy-failed': 'Impossible de copier le lien. Le voici : {url}',

  'plank.read-more': 'Lire la suite',
  'plank.show-less': 'Réduire',
  'plank.share': 'Partager',
  'plank.share-label': 'Partager « {title} »',
  'plank.number': 'Point {number}',
  'plank.tags': 'Thèmes',
  'plank.not-found': 'Le point « {plank} » ne figure pas dans ce programme.',
  'plank.no-content': 'Rien à afficher : indiquez un flux et un point, ou placez son texte dans la balise.',
  'list.label': 'Programme',
  'list.empty': 'Aucun point à afficher.',
  'list.no-match': 'Aucun point ne correspond aux thèmes « {tags} ».',
  'attr.bad-variant': 'Variante inconnue « {value} » ; affichage en cartes.',
  'attr.bad-limit': 'La limite « {value} » n’est pas un nombre entier positif ; tous les points sont affichés.',
};
