/**
 * English UI strings: the reference set. Keys are prefixed by component; add a
 * key here and in es.ts and fr.ts together (the type check enforces it).
 */
export const en = {
  // Shared
  'feed.loading': 'Loading…',
  'feed.error.timeout': 'The content could not be loaded: the server took too long to answer.',
  'feed.error.network': 'The content could not be loaded: the server could not be reached.',
  'feed.error.not-found': 'The content could not be loaded: the feed was not found.',
  'feed.error.http': 'The content could not be loaded: the server had a problem.',
  'feed.error.not-json': 'The content could not be loaded: the feed is not in a readable format.',
  'feed.error.bad-shape': 'The content could not be loaded: the feed is not in the expected format.',
  'share.copied': 'Link copied.',
  'share.copy-failed': 'Could not copy the link. Here it is: {url}',

  // <platform-plank>, <platform-list>
  'plank.read-more': 'Read more',
  'plank.show-less': 'Show less',
  'plank.share': 'Share',
  'plank.share-label': 'Share “{title}”',
  'plank.number': 'Plank {number}',
  'plank.tags': 'Topics',
  'plank.not-found': 'The plank “{plank}” is not in this platform.',
  'plank.no-content': 'Nothing to show: give this plank a feed and a plank id, or put its text inside the tag.',
  'list.label': 'Platform',
  'list.empty': 'No planks to show.',
  'list.no-match': 'No planks match the topics “{tags}”.',
  'attr.bad-variant': 'Unknown variant “{value}”; showing cards.',
  'attr.bad-limit': 'The limit “{value}” is not a positive whole number; showing every plank.',
};
