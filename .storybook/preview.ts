import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
// Written by `npm run analyze` from each component's JSDoc header (build:docs and storybook run it first).
import manifest from '../custom-elements.json';
import { absoluteFeeds, wrap, type FrameOptions } from '../stories/helpers.js';
import './fake-api.js';

/**
 * Storybook keys a docs table's rows by name across sections, so a part named like an attribute
 * or slot (`amounts`, `title`) would hide it. Parts are listed as written in CSS instead:
 * `::part(amounts)`.
 */
function forDocs(m: typeof manifest): typeof manifest {
  const copy = structuredClone(m) as {
    modules: Array<{ declarations?: Array<{ cssParts?: Array<{ name: string }> }> }>;
  };
  for (const d of copy.modules.flatMap((x) => x.declarations ?? [])) {
    for (const part of d.cssParts ?? []) part.name = `::part(${part.name})`;
  }
  return copy as typeof manifest;
}

setCustomElementsManifest(forDocs(manifest));

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true, source: { excludeDecorators: true, transform: absoluteFeeds } },
    options: {
      storySort: {
        order: [
          'Docs',
          ['Getting started', 'The feed', 'Theming', 'Running the server', 'Security', 'Accessibility'],
          'Tools',
          'Widgets',
        ],
      },
    },
  },
  globalTypes: {
    lang: {
      description: 'Language of the page around the widget',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: '', title: 'Page default (English)' },
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
          { value: 'fr', title: 'Français' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the page around the widget',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: '', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light or dark tokens',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: '', title: 'Light' },
          { value: 'dark', title: 'Dark tokens' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: '', dir: '', theme: '' },
  decorators: [
    (story, context) => {
      const g = context.globals as { lang?: string; dir?: string; theme?: string };
      if (!g.lang && !g.dir && !g.theme) return story();
      const options: FrameOptions = {
        lang: g.lang || undefined,
        dir: g.dir === 'rtl' ? 'rtl' : undefined,
        theme: g.theme === 'dark' ? 'dark' : undefined,
      };
      return wrap(story(), options);
    },
  ],
};

export default preview;
