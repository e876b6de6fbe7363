import { defineConfig } from 'vite';
import minifyTemplates from './build/minify-templates.mjs';
import litForHosts from './build/lit-for-hosts.mjs';

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

// A page's module script runs in the same task as the end of its HTML parsing and,
// often, its first layout: the host's own cost, which our evaluation would push into
// a long task. The entry's first statement waits for a task of its own. (Added to
// the built entry, after chunking: rolldown splits the code the entry shares with
// lazy chunks into extra files when the entry's source has a top-level await.)
const evaluateAfterParsing = {
  name: 'solidarity:evaluate-after-parsing',
  renderChunk(code: string, chunk: { isEntry: boolean }) {
    if (chunk.isEntry) return { code: `await new Promise((resolve) => setTimeout(resolve));\n${code}`, map: null };
  },
};

// With this comment first, Chromium (136+) compiles every function of a script while it streams in, off the
// main thread, rather than each on its first call, inside a widget's first render task: our scripts run most
// of their code at load. (Prepended to the written entry: the minifier drops comments.)
const compileAllOnLoad = {
  name: 'solidarity:compile-all-on-load',
  generateBundle(
    _: unknown,
    bundle: Record<string, { type: string; isEntry?: boolean; code?: string; map?: { mappings: string } | null }>,
  ) {
    for (const chunk of Object.values(bundle))
      if (chunk.type === 'chunk' && chunk.isEntry) {
        chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`; // a source map (--sourcemap) moves a line down too
      }
  },
};

export default defineConfig({
  publicDir: false,
  // src/index.ts: the action widgets load from their single-widget scripts (dist/widgets/).
  define: { __SINGLE_WIDGET_SCRIPTS__: 'true' },
  plugins: [noPreloadHelper, litForHosts(), minifyTemplates(), evaluateAfterParsing, compileAllOnLoad],
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
