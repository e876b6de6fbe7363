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
import { defineTags } from './core/tag-loader.js';
import { litPolicyRefused } from './core/trusted-types.js';
import { adoptedStylesMissing } from './core/style-support.js';
import { warn } from './core/warn.js';

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
export let define = (tag: string): Promise<void> => Promise.reject(new Error(`<${tag}> cannot run here`));

// Where the page refused Lit's Trusted Types policy nothing is defined (trusted-types.ts), nor in a browser
// without constructable style sheets (style-support.ts).
if (litPolicyRefused) warn('the widgets need "lit-html" in this page\'s CSP trusted-types.');
else if (adoptedStylesMissing) warn('the widgets need a browser with constructable style sheets (adoptedStyleSheets).');
else define = defineTags(inEntry, inChunks);
