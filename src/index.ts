/**
 * solidarity-widgets: the one script a webmaster pastes. It defines every tag: the widgets most pages
 * show together are in it (their code gzips best in one file), and each other widget's code is fetched
 * once the page has its tag. A tag the page already has is left alone.
 */
// First, a module only the entry uses. Rolldown merges the code the entry shares with
// the lazy chunks (Lit, core) into the entry only if that shared code does not run
// first; else it becomes a second file every page fetches, and gzip loses ~500 bytes
// (test/size.test.mjs checks that the entry is one file).
import './core/context.js';
import { OrgFeed } from './components/org-feed/org-feed.js';
import { PlatformList } from './components/platform-list/platform-list.js';
import { PlatformPlank } from './components/platform-plank/platform-plank.js';
import { DonateButton } from './components/donate-button/donate-button.js';
import { PetitionForm } from './components/petition-form/petition-form.js';
import { startDefining } from './core/tag-loader.js';

export type * from './core/feed-types.js';
export type { SolidarityEventMap } from './core/events.js';

/** The tags whose code is in this script, defined at once (in this order: <org-feed> first, so its planks find it). */
const inEntry = {
  'org-feed': OrgFeed,
  'platform-plank': PlatformPlank,
  'platform-list': PlatformList,
  'donate-button': DonateButton,
  'petition-form': PetitionForm,
};

/** The tags whose code is a chunk of its own, fetched and defined once the page has one. */
const inChunks = {
  'chapter-map': () => import('./components/chapter-map/chapter-map.js').then((m) => m.ChapterMap),
};

/**
 * Defines one of our tags now, for a page whose tags are inside its own shadow roots (the script finds
 * the document's own tags by itself):
 * `import { define } from '…/solidarity-widgets.js'; await define('chapter-map')`.
 */
export const define = startDefining(inEntry, inChunks);
