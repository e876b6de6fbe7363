/**
 * English strings shown only when something is wrong with a widget's settings (a plank
 * or petition that is not in the feed, a bad attribute or donate setting) or with its
 * feed's server (the feed not found, a server error, not JSON, not a feed), or when a
 * copy to the clipboard fails. (A feed that cannot be reached, or too slow, is told of
 * by the entry's own strings: offline, this chunk could not come either.) They reach
 * a page in a lazy chunk, when first needed (see LocaleController.t): most pages never
 * show one. es.ts and fr.ts, themselves lazy, carry their translations with the rest.
 */
export const enProblems = {
  'feed.error.not-found': 'The content could not be loaded: the feed was not found.',
  'feed.error.http': 'The content could not be loaded: the server had a problem.',
  'feed.error.not-json': 'The content could not be loaded: the feed is not in a readable format.',
  'feed.error.bad-shape': 'The content could not be loaded: the feed is not in the expected format.',
  'plank.not-found': 'The plank “{plank}” is not in this platform.',
  'list.empty': 'No planks to show.',
  'list.no-match': 'No planks match the topics “{tags}”.',
  // A bad attribute (core/attribute-check.ts): 'attr.bad' or 'attr.missing', then a hint.
  'attr.bad': 'The {name} setting “{value}” is not valid.',
  'attr.missing': 'The {name} setting is missing.',
  'attr.use-variant': 'Use card or compact; showing cards.',
  'attr.use-limit': 'Use a positive whole number; showing every plank.',
  'attr.use-heading-level': 'Use a number from 2 to 6; using {level}.',
  'attr.use-feed-url': 'Use the http or https address of a feed.',
  'petition.not-found': 'The petition “{petition}” is not in this feed.',
  'petition.no-petition': 'Nothing to sign: give this form a feed and a petition id, or an endpoint.',
  // Hints after attr.bad (core/attribute-check.ts) for <petition-form>'s attributes.
  'petition.use-endpoint': 'Use the http or https address of the petition on its server.',
  'petition.use-goal': 'Use a positive whole number; using the petition’s own goal.',
  'petition.use-fields': 'Use some of {names}; this one is left out.',
  'donate.unavailable': 'Donations are not available here.',
  'donate.use-provider': 'Use one of {names}. Donations are not available here.',
  'donate.needed': 'The {provider} provider needs it. Donations are not available here.',
  'donate.use-numbers': 'Use positive numbers (a comma-separated list for amounts). Donations are not available here.',
  'donate.use-range': 'Use amounts within {range}. Donations are not available here.',
  'share.copy-failed': 'Could not copy the link. Here it is: {url}',
  // <chapter-map> attributes (core/attribute-check.ts hints)
  'attr.use-center': 'Use longitude,latitude (e.g. -87.65,41.9); showing every chapter.',
  'attr.use-zoom': 'Use a number from 0 to 22; it is ignored.',
  'attr.use-list': 'Use side or below.',
};
