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
import { singleWidgetScript, startDefining } from './core/tag-loader.js';

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

/**
 * Built as the drop-in script (vite.config.ts defines this), the action widgets come from their own
 * scripts; in Storybook, from source.
 */
declare const __SINGLE_WIDGET_SCRIPTS__: boolean | undefined;
const fromSource = typeof __SINGLE_WIDGET_SCRIPTS__ === 'undefined';

/**
 * The tag whose code is a chunk of this script's, and the tags whose code is their single-widget
 * script (widgets/<tag>.js, with its own Lit and core): each fetched once the page has the tag. The
 * action widgets share the signing engine with the petition in this script, and the bundler then
 * splits this script into four files; as their own scripts they cost a page with them ~18 KB more
 * instead, and a page with only them fetches nothing of this script's widgets.
 */
const inChunks = {
  'chapter-map': () => import('./components/chapter-map/chapter-map.js').then((m) => m.ChapterMap),
  'event-list': fromSource
    ? () => import('./components/event-list/event-list.js').then((m) => m.EventList)
    : () => singleWidgetScript('event-list'),
  'join-form': fromSource
    ? () => import('./components/join-form/join-form.js').then((m) => m.JoinForm)
    : () => singleWidgetScript('join-form'),
};

/**
 * Defines one of our tags now, for a page whose tags are inside its own shadow roots (the script finds
 * the document's own tags by itself):
 * `import { define } from '…/solidarity-widgets.js'; await define('chapter-map')`.
 */
export const define = startDefining(inEntry, inChunks);
