/**
 * English UI strings: the reference set (with lazy/en-problems.ts, the strings shown only when
 * something is misconfigured, which travel in a lazy chunk). Keys are prefixed by component; add a
 * key here and in lazy/es.ts and lazy/fr.ts together (the type check enforces it).
 */
export const en = {
  // Shared
  'feed.loading': 'Loading…',
  'feed.error.timeout': 'The content could not be loaded: the server took too long to answer.',
  'feed.error.network': 'The content could not be loaded: the server could not be reached.',
  'share.copied': 'Link copied.',

  // <platform-plank>, <platform-list>
  'plank.read-more': 'Read more',
  'plank.show-less': 'Show less',
  'plank.share': 'Share',
  'plank.share-label': 'Share “{title}”',
  'plank.number': 'Plank {number}',
  'plank.tags': 'Topics',
  'list.label': 'Platform',
  // <petition-form>
  'petition.to': 'To: {target}',
  'petition.count_one': '{count} signature',
  'petition.count_other': '{count} signatures',
  'petition.goal': 'Goal: {goal}',
  'petition.given_name': 'First name',
  'petition.family_name': 'Last name',
  'petition.email': 'Email',
  'petition.postal_code': 'Postal code',
  'petition.country': 'Country',
  'petition.phone': 'Phone',
  'petition.comment': 'Comment',
  'petition.optional': '(optional)',
  'petition.consent': 'I agree that the organizers may contact me about this petition and related campaigns. I can unsubscribe at any time.',
  'petition.privacy': 'Privacy policy',
  'petition.sign': 'Sign the petition',
  'petition.sending': 'Sending…',
  'petition.queued': 'Saved — will send when you’re back online.',
  'petition.closed': 'This petition closed on {date} and no longer takes signatures.',
  'petition.problems_one': 'One field needs your attention.',
  'petition.problems_other': '{count} fields need your attention.',
  'petition.error.required': 'This field is required.',
  'petition.error.consent': 'Tick this box to sign.',
  'petition.error.offline': 'Your signature could not be sent or saved: you seem to be offline. Please try again when you’re back online.',
  // <donate-button>
  'donate.button': 'Donate',
  'donate.progress': '{raised} raised of {goal}',
  // <chapter-map>: the shell's search field (the panel's strings travel in its chunk)
  'chapter.search': 'Find a chapter',
};
