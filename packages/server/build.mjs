// Run by `npm pack` (prepack) in this folder: fills dist/ from the repository's build (`npm run build`
// at the top): the bundled server, and what it serves: the drop-in script with its chunks, the
// versioned copy, SRI hashes and feed schema, the docs, the organizers' console, the demo page, all
// with their precompressed siblings; and the sample feed. `--clean` (postpack) removes dist/ again,
// so that in the repository `npx solidarity-widgets` runs the repository's own build.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const here = import.meta.dirname;
const top = join(here, '..', '..');
const out = join(here, 'dist');
rmSync(out, { recursive: true, force: true });
if (process.argv.includes('--clean')) process.exit(0);

// One release, one version; a package both use (altcha-lib) at one range.
const read = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
const [ours, widgets] = [read(here), read(top)];
const theirs = { ...widgets.dependencies, ...widgets.devDependencies };
const mismatched = [
  ...(ours.version === widgets.version ? [] : [`version ${ours.version} (the widgets: ${widgets.version})`]),
  ...Object.entries(ours.dependencies)
    .filter(([name, range]) => theirs[name] && theirs[name] !== range)
    .map(([name, range]) => `${name} ${range} (the widgets: ${theirs[name]})`),
];
if (mismatched.length > 0) {
  console.error(`solidarity-widgets-server: package.json differs from the top one: ${mismatched.join('; ')}.`);
  process.exit(1);
}

const built = join(top, 'dist');
const needed = ['server/cli.js', 'solidarity-widgets.js', 'chunks', 'docs/index.html', 'console', 'demo/index.html'];
const missing = needed.filter((f) => !existsSync(join(built, f)));
if (missing.length > 0) {
  console.error(
    `solidarity-widgets-server: ${missing.map((f) => `dist/${f}`).join(', ')} missing at the repository's top.`,
  );
  console.error('Run "npm run build" there first.');
  process.exit(1);
}
// Everything the build wrote except the ES-module build (the widgets package's) and the WordPress zip.
const skip = new Set(['npm', 'solidarity-widgets-wordpress.zip']);
for (const name of readdirSync(built)) {
  if (!skip.has(name)) cpSync(join(built, name), join(out, name), { recursive: true, preserveTimestamps: true });
}
cpSync(join(top, 'sample', 'feed.json'), join(out, 'sample', 'feed.json'));
console.log(`solidarity-widgets-server: dist/ filled from ${built}`);
