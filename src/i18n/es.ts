import type { Messages } from './index.js';

export const es: Messages = {
  'feed.loading': 'Cargando…',
  'feed.error.timeout': 'No se pudo cargar el contenido: el servidor tardó demasiado en responder.',
  'feed.error.network': 'No se pudo cargar el contenido: no se pudo conectar con el servidor.',
  'feed.error.not-found': 'No se pudo cargar el contenido: no se encontró la fuente de datos.',
  'feed.error.http': 'No se pudo cargar el contenido: el servidor tuvo un problema.',
  'feed.error.not-json': 'No se pudo cargar el contenido: la fuente de datos no tiene un formato legible.',
  'feed.error.bad-shape': 'No se pudo cargar el contenido: la fuente de datos no tiene el formato esperado.',
  'share.copied': 'Enlace copiado.',
  'share.copy-failed': 'No se pudo copiar el enlace. Aquí está: {url}',

  'plank.read-more': 'Leer más',
  'plank.show-less': 'Mostrar menos',
  'plank.share': 'Compartir',
  'plank.share-label': 'Compartir «{title}»',
  'plank.number': 'Punto {number}',
  'plank.tags': 'Temas',
  'plank.not-found': 'El punto «{plank}» no está en este programa.',
  'plank.no-content': 'Nada que mostrar: indica una fuente de datos y un punto, o pon su texto dentro de la etiqueta.',
  'list.label': 'Programa',
  'list.empty': 'No hay puntos que mostrar.',
  'list.no-match': 'Ningún punto coincide con los temas «{tags}».',
  'attr.bad-variant': 'Variante desconocida «{value}»; se muestran tarjetas.',
  'attr.bad-limit': 'El límite «{value}» no es un número entero positivo; se muestran todos los puntos.',
};
