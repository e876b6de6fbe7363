// Storybook: our public docs, built into dist/docs and served by the server at /docs/.
import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  framework: {
    name: '@storybook/web-components-vite',
    // Not the root vite.config.ts, which builds the library.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  // The sample feed at `feed.json`, and fixtures from ./public, so stories never use the network.
  staticDirs: [{ from: '../sample/feed.json', to: '/feed.json' }, './public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
};
export default config;
