// The widgets, as the source tree has them: one folder per tag, src/components/<tag>/<tag>.ts
// holding the class named after the tag (petition-form → PetitionForm). The npm build, its type
// declarations and the manifest derive their lists from here, so a new widget needs no list edited.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Tags of the widgets under `root` (the repository), sorted. */
export function widgetTags(root = '.') {
  const dir = join(root, 'src', 'components');
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z][a-z0-9]*-[a-z0-9-]+$/.test(d.name))
    .map((d) => d.name)
    .filter((tag) => existsSync(join(dir, tag, `${tag}.ts`)))
    .sort();
}

/** The class a widget's module exports: its tag in PascalCase. */
export const className = (tag) => tag.replace(/(^|-)([a-z0-9])/g, (_, _dash, c) => c.toUpperCase());

/** The widget's module, relative to the repository. */
export const widgetModule = (tag) => `src/components/${tag}/${tag}.ts`;
