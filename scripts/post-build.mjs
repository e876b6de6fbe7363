// After `vite build`: an immutable copy under dist/<version>/, Subresource Integrity
// hashes in dist/sri.json, the feed's JSON Schema in dist/, and the precompressed .br/.gz
// siblings of them all (scripts/compress.mjs).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compressDist, SIBLING } from './compress.mjs';

const dist = 'dist';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const entry = 'solidarity-widgets.js';

const versioned = join(dist, version);
rmSync(versioned, { recursive: true, force: true });
cpSync(join(dist, entry), join(versioned, entry));
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
      [entry]: sri(join(dist, entry)),
      [`${version}/${entry}`]: sri(join(versioned, entry)),
      chunks,
    },
    null,
    2,
  ) + '\n',
);

if (existsSync('schema/feed.schema.json')) cpSync('schema/feed.schema.json', join(dist, 'feed.schema.json'));
console.log(
  `post-build: dist/${version}/, dist/sri.json${existsSync('schema/feed.schema.json') ? ', dist/feed.schema.json' : ''}`,
);
await compressDist(dist);
