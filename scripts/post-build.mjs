// After `vite build`: an immutable copy under dist/<version>/, Subresource Integrity
// hashes in dist/sri.json, and the feed's JSON Schema in dist/.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'dist';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const entry = 'solidarity-widgets.js';

const versioned = join(dist, version);
rmSync(versioned, { recursive: true, force: true });
cpSync(join(dist, entry), join(versioned, entry));
cpSync(join(dist, 'chunks'), join(versioned, 'chunks'), { recursive: true });

const sri = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
const chunks = Object.fromEntries(readdirSync(join(dist, 'chunks')).map((f) => [`chunks/${f}`, sri(join(dist, 'chunks', f))]));
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
console.log(`post-build: dist/${version}/, dist/sri.json${existsSync('schema/feed.schema.json') ? ', dist/feed.schema.json' : ''}`);
