// Config for `npm run analyze` (custom-elements.json, read by Storybook's autodocs and the
// embed builder). Our classes are registered in src/index.ts (`'tag': Class`, or
// `'tag': () => import(…).then((m) => m.Class)`), which
// the analyzer cannot see, so this plugin names each class's tag from there, and else from its
// folder (src/components/<tag>/<tag>.ts holds the class for <tag>).
import { readFileSync } from 'node:fs';
import { typedApi } from './cem-types.mjs';

function definedTags() {
  const tags = new Map();
  try {
    const index = readFileSync('src/index.ts', 'utf8');
    for (const m of index.matchAll(/(\w+)\.define\(\s*['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]/g)) tags.set(m[1], m[2]);
    for (const m of index.matchAll(
      /['"]([a-z][a-z0-9]*-[a-z0-9-]*)['"]:\s*(?:\(\) => import\([^)]*\)\.then\(\(m\) => m\.)?(\w+)/g,
    ))
      tags.set(m[2], m[1]);
  } catch {
    /* no index yet */
  }
  return tags;
}

/** Names declared `{ state: true }` in a class's `static properties`: internal state, not attributes. */
function stateNames(path) {
  try {
    const block = /static (?:override )?properties = \{([\s\S]*?)\n {2}\};/.exec(readFileSync(path, 'utf8'))?.[1] ?? '';
    return new Set([...block.matchAll(/(\w+): \{ state: true \}/g)].map((m) => m[1]));
  } catch {
    return new Set();
  }
}

const LIFECYCLE = new Set([
  'connectedCallback',
  'disconnectedCallback',
  'attributeChangedCallback',
  'render',
  'updated',
  'firstUpdated',
  'willUpdate',
  'update',
  'shouldUpdate',
  'styles',
]);

const solidarityTags = {
  name: 'solidarity-tags',
  packageLinkPhase({ customElementsManifest }) {
    const tags = definedTags();
    for (const mod of customElementsManifest.modules) {
      const folder = /^src\/components\/([a-z0-9-]+)\/\1\.ts$/.exec(mod.path)?.[1];
      const classes = (mod.declarations ?? []).filter((d) => d.kind === 'class');
      const states = stateNames(mod.path);
      for (const d of classes) {
        if (d.attributes) d.attributes = d.attributes.filter((a) => !states.has(a.fieldName));
        if (d.attributes?.length === 0) delete d.attributes;
        // Public API only: private and protected members, statics and Lit's lifecycle are not for webmasters.
        d.members = (d.members ?? [])
          .filter((m) => !m.privacy || m.privacy === 'public')
          .filter((m) => !m.static && !LIFECYCLE.has(m.name) && !m.name.startsWith('#') && !states.has(m.name));
        const tag =
          tags.get(d.name) ??
          (folder && d.superclass && classes.length && d === classes.find((c) => c.superclass) ? folder : undefined);
        if (!tag) continue;
        d.tagName = tag;
        d.customElement = true;
        mod.exports ??= [];
        if (!mod.exports.some((e) => e.kind === 'custom-element-definition' && e.name === tag)) {
          mod.exports.push({
            kind: 'custom-element-definition',
            name: tag,
            declaration: { name: d.name, module: mod.path },
          });
        }
      }
    }
  },
};

export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts'],
  litelement: true,
  plugins: [solidarityTags, typedApi],
};
