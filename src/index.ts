/**
 * solidarity-widgets: the one script a webmaster pastes. Importing it defines
 * every tag; a tag the page already has is left alone.
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
import { ChapterMap } from './components/chapter-map/chapter-map.js';
import type { SolidarityElement } from './core/base-element.js';
import { yieldToPage } from './core/scheduling.js';
import { litPolicyRefused } from './core/trusted-types.js';
import { adoptedStylesMissing } from './core/style-support.js';
import { warn } from './core/warn.js';

export { OrgFeed, PlatformList, PlatformPlank };
export { ChapterMap };
export { DonateButton };
export { PetitionForm };
export type * from './core/feed-types.js';
export type { SolidarityEventMap } from './core/events.js';

// Each tag is readied, then defined (the page's elements of it upgraded), each in a task
// of its own after the script's (in this order: <org-feed> first, so its planks find it).
const tags: [typeof SolidarityElement, string][] = [
  [OrgFeed, 'org-feed'],
  [PlatformPlank, 'platform-plank'],
  [PlatformList, 'platform-list'],
  [DonateButton, 'donate-button'],
  [PetitionForm, 'petition-form'],
  [ChapterMap, 'chapter-map'],
];
// Where the page refused Lit's Trusted Types policy nothing is defined (trusted-types.ts), nor in a browser
// without constructable style sheets (style-support.ts).
if (litPolicyRefused) warn('the widgets need "lit-html" in this page\'s CSP trusted-types.');
else if (adoptedStylesMissing) warn('the widgets need a browser with constructable style sheets (adoptedStyleSheets).');
else
  (async () => {
    for (const [element, tag] of tags) {
      await yieldToPage();
      try {
        element.prepare();
      } catch {
        // define() below meets the same problem and warns once
      }
      await yieldToPage();
      element.define(tag); // each tag on its own: one that fails leaves the others defined
    }
  })();
