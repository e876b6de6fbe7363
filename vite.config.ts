import { defineConfig } from 'vite';
import minifyTemplates from './build/minify-templates.mjs';

// The library build: one ES module entry with Lit bundled, lazy chunks beside it.
// Built as an app with a JS entry (not lib mode) so that output is fully minified.
export default defineConfig({
  publicDir: false,
  plugins: [minifyTemplates()],
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
