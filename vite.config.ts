import { defineConfig } from 'vite';
import minifyTemplates from './build/minify-templates.mjs';

// The library build: one ES module entry with Lit bundled, lazy chunks beside it.
// Built as an app with a JS entry (not lib mode) so that output is fully minified.
// Vite wraps each dynamic import in a ~1.5 KB helper that preloads the chunk's
// dependencies with <link> tags in the host's <head>. We do not write to the host
// page, and our chunks' imports are fetched by the browser anyway: a pass-through.
const noPreloadHelper = {
  name: 'solidarity:no-preload-helper',
  enforce: 'pre' as const,
  load(id: string) {
    if (id === '\0vite/preload-helper.js') return 'export const __vitePreload = (load) => load();';
  },
};

export default defineConfig({
  publicDir: false,
  plugins: [noPreloadHelper, minifyTemplates()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    minify: true,
    sourcemap: false,
    modulePreload: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: { 'solidarity-widgets': 'src/index.ts' },
      preserveEntrySignatures: 'allow-extension',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
