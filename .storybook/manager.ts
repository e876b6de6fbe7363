// The docs' own frame: our name instead of Storybook's, and the widgets' accent color.
import { addons } from 'storybook/manager-api';
import { create } from 'storybook/theming/create';

addons.setConfig({
  theme: create({
    base: 'light',
    brandTitle: 'solidarity-widgets — docs',
    brandUrl: './',
    brandTarget: '_self',
    colorPrimary: '#b71c1c',
    colorSecondary: '#1a5fb4',
  }),
  sidebar: { showRoots: true },
});
