import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { className, widgetModule, widgetTags } from './build/widgets.mjs';

// The ES-module build for apps that bundle (npm's `solidarity-widgets`), in dist/npm/: one entry
// per widget (`<tag>.js`: defines that tag, exports its class) and `index.js` (every widget).
// Lit stays an import, so an app's own Lit is shared; the rest (the map engine, its worker and
// basemap, the proof of work) is bundled into lazy chunks, loaded as the drop-in script loads them.
// Library mode: Vite adds no preload helper (it would write <link> tags into the host's head).
const ENTRY = 'solidarity-widgets:';
const tags = widgetTags();
const here = import.meta.dirname;

/** The entries' code: written here, from the widget folders, so there is no list to keep. */
function entrySource(name: string): string {
  if (name === 'index') return tags.map((tag) => `export * from '${ENTRY}${tag}';\n`).join('');
  const cls = className(name);
  const file = JSON.stringify(resolve(here, widgetModule(name)));
  return `import { ${cls} } from ${file};\n${cls}.define('${name}');\nexport { ${cls} };\n`;
}

const entries = {
  name: 'solidarity:npm-entries',
  resolveId: (id: string) => (id.startsWith(ENTRY) ? `\0${id}` : undefined),
  load: (id: string) => (id.startsWith(`\0${ENTRY}`) ? entrySource(id.slice(ENTRY.length + 1)) : undefined),
};

const isLit = (id: string) => /^(lit|lit-html|lit-element|@lit\/reactive-element)(\/|$)/.test(id);

export default defineConfig({
  publicDir: false,
  plugins: [entries],
  build: {
    target: 'es2022',
    outDir: 'dist/npm',
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    lib: { entry: {}, formats: ['es'] },
    rolldownOptions: {
      input: Object.fromEntries(['index', ...tags].map((name) => [name, `${ENTRY}${name}`])),
      external: isLit,
      output: {
        entryFileNames: '[name].js',
        // An entry that index.js also imports becomes a chunk named after its virtual id.
        chunkFileNames: (chunk) => `chunks/${chunk.name.replace(/^_solidarity-widgets_/, '')}-[hash].js`,
        assetFileNames: 'chunks/[name]-[hash][extname]',
      },
    },
  },
});
