// Vite settings for Storybook only (the root vite.config.ts builds the library, with its own
// entry and output names). TypeScript, decorators included, follows the root tsconfig.json
// (experimentalDecorators, useDefineForClassFields: false), found per file as in the library build.
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the built docs are served under /docs/ by the organization's server.
  base: './',
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  logLevel: 'warn',
});
