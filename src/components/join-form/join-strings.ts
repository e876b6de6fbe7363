/** `<join-form>`'s English strings (see join-messages.ts); lazy/join-translations.ts has the same keys in es and fr. */
export const en = {
  'join.consent':
    'I agree that the organizers may contact me about my membership and my local chapter. I can unsubscribe at any time.',
  'join.no-form': 'Nothing to join here: give this form a feed that has a join form, or an endpoint.',
  'join.chapter': 'Your chapter',
  'join.choose-chapter': 'Choose a chapter',
  'join.near-me': 'Near me',
  'join.locating': 'Looking for the chapter nearest you…',
  'join.located': 'Nearest to you: {chapter}. You can choose another.',
  'join.not-located': 'Your location is not available: choose your chapter from the list.',
  'join.from-postal': 'For postal code {code}: {chapter}. You can choose another.',
  'join.no-postal-match': 'No chapter covers postal code {code}: choose one from the list.',
  'join.given': 'You are joining {chapter}. You can choose another.',
  'join.submit': 'Join',
  'join.sending': 'Sending…',
  'join.queued': 'Saved — your membership will be sent when you’re back online.',
  'join.problems_one': 'One field needs your attention.',
  'join.problems_other': '{count} fields need your attention.',
  'join.error.offline':
    'Your membership could not be sent or saved: you seem to be offline. Please try again when you’re back online.',
  'join.use-endpoint': 'Use the http or https address of the join endpoint on its server (…/api/join).',
  'join.use-chapter': 'Use the id of one of the feed’s chapters; no chapter is chosen in advance.',
  'join.use-fields': 'Use some of {names}; this one is left out.',
};
