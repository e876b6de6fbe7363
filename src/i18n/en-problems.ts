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
  'attr.bad-variant': 'Unknown variant “{value}”; showing cards.',
  'attr.bad-limit': 'The limit “{value}” is not a positive whole number; showing every plank.',
  'petition.not-found': 'The petition “{petition}” is not in this feed.',
  'petition.no-petition': 'Nothing to sign: give this form a feed and a petition id, or an endpoint.',
  'petition.bad-attr': 'The {name} “{value}” was ignored: it is not valid here.',
  'donate.bad': 'Donations are not available here: the {name} setting “{value}” is not valid.',
  'donate.missing': 'Donations are not available here: the {name} setting is missing.',
  'share.copy-failed': 'Could not copy the link. Here it is: {url}',
};
