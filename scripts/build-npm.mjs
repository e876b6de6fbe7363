// `npm run build:npm`: the ES-module build for apps that bundle, in dist/npm/ (vite.npm.config.ts),
// with its type declarations: the source's, emitted by tsc under dist/npm/types/, and one .d.ts per
// entry written here (the widget's class, the feed and event types, every tag in
// SolidarityElementTagNameMap), plus the opt-in JSX declarations for React (react.d.ts).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { className, widgetTags } from '../build/widgets.mjs';
import { reactTypes } from '../build/npm/react-types.mjs';
import { declarationImports } from '../build/npm/declaration-imports.mjs';

for (const command of ['npx vite build --config vite.npm.config.ts --logLevel warn', 'npx tsc -p tsconfig.npm.json']) {
  const { status } = spawnSync(command, { stdio: 'inherit', shell: true });
  if (status !== 0) {
    console.error(`build:npm: "${command}" failed (exit ${status}).`);
    process.exit(status || 1);
  }
}

const out = 'dist/npm';

// `implements` clauses go: the interfaces our classes implement for their lazy chunks name members
// marked @internal, which the declarations leave out (stripInternal), and to an app they say nothing.
for (const file of readdirSync(`${out}/types`, { recursive: true }).filter((f) => f.endsWith('.d.ts'))) {
  const path = `${out}/types/${file}`;
  const text = readFileSync(path, 'utf8');
  const cleaned = text.replace(/^(export declare class \w+(?: extends [\w.]+)?) implements [^{]+\{/gm, '$1 {');
  if (cleaned !== text) writeFileSync(path, cleaned);
}
const tags = widgetTags();
const SHARED_TYPES = `export type * from './types/core/feed-types.js';
export type { SolidarityEventMap, SolidarityEventName } from './types/core/events.js';
`;
const header = (what) => `// Written by scripts/build-npm.mjs: ${what}\n`;

for (const tag of tags) {
  writeFileSync(
    `${out}/${tag}.d.ts`,
    `${header(`importing this module defines <${tag}>.`)}` +
      `export { ${className(tag)} } from './types/components/${tag}/${tag}.js';\n${SHARED_TYPES}`,
  );
}
writeFileSync(
  `${out}/index.d.ts`,
  header('importing this module defines every tag.') +
    tags.map((tag) => `export { ${className(tag)} } from './${tag}.js';\n`).join('') +
    tags.map((tag) => `import type { ${className(tag)} } from './${tag}.js';\n`).join('') +
    SHARED_TYPES +
    "\n/** Our tags and their classes (each is also in the DOM's HTMLElementTagNameMap). */\n" +
    `export interface SolidarityElementTagNameMap {\n${tags.map((t) => `  '${t}': ${className(t)};\n`).join('')}}\n`,
);
writeFileSync(`${out}/react.d.ts`, reactTypes);

// Lit is the one dependency (its own packages come with it); anything else would fail an app's tsc.
const stray = [...declarationImports([`${out}/index.d.ts`])].filter(([spec]) => !/^(lit|lit-html)(\/|$)/.test(spec));
if (stray.length > 0) {
  for (const [spec, file] of stray) console.error(`build:npm: ${file} imports "${spec}", which an app does not have.`);
  console.error('Mark what uses it /** @internal */ (left out of the .d.ts), or keep its type out of public members.');
  process.exit(1);
}
console.log(`build:npm: ${out}/ (${tags.length} widgets: ${tags.join(', ')}), with .d.ts for each`);
