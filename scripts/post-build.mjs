// After `vite build`: the single-widget scripts (dist/widgets/), an immutable copy under
// dist/<version>/, Subresource Integrity hashes in dist/sri.json, the feed's JSON Schema in dist/,
// and the precompressed .br/.gz siblings of them all (scripts/compress.mjs).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressDist, SIBLING } from './compress.mjs';
import { buildWidgetScripts } from './build-widget-scripts.mjs';

const dist = 'dist';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const entry = 'solidarity-widgets.js';

rmSync(join(dist, 'widgets'), { recursive: true, force: true });
const widgetScripts = (await buildWidgetScripts()).map((tag) => `widgets/${tag}.js`);

const versioned = join(dist, version);
rmSync(versioned, { recursive: true, force: true });
for (const script of [entry, ...widgetScripts]) cpSync(join(dist, script), join(versioned, script));
// Not the siblings: compress.mjs writes fresh ones (a copied stale one would look new).
cpSync(join(dist, 'chunks'), join(versioned, 'chunks'), { recursive: true, filter: (f) => !SIBLING.test(f) });

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const chunkFiles = readdirSync(join(dist, 'chunks')).filter((f) => !SIBLING.test(f));
const chunks = Object.fromEntries(chunkFiles.map((f) => [`chunks/${f}`, sri(join(dist, 'chunks', f))]));
writeFileSync(
  join(dist, 'sri.json'),
  JSON.stringify(
    {
      version,
      // Pin this one: the browser checks it. Chunks are content-hashed and loaded by the
      // entry with import(), which carries no integrity; their hashes are listed for audit.
      ...Object.fromEntries(
        [entry, ...widgetScripts].flatMap((script) => [
          [script, sri(join(dist, script))],
          [`${version}/${script}`, sri(join(versioned, script))],
        ]),
      ),
      chunks,
    },
    null,
    2,
  ) + '\n',
);

if (existsSync('schema/feed.schema.json')) cpSync('schema/feed.schema.json', join(dist, 'feed.schema.json'));
console.log(
  `post-build: ${widgetScripts.map((s) => `dist/${s}`).join(', ')}, dist/${version}/, dist/sri.json${existsSync('schema/feed.schema.json') ? ', dist/feed.schema.json' : ''}`,
);
await compressDist(dist);
