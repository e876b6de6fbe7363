/**
 * A Vite plugin that keeps Lit from writing to the host page's globals. Lit's modules
 * record their versions on `window` (`litHtmlVersions`, `reactiveElementVersions`,
 * `litElementVersions`), keep decorator metadata in `window.litPropertyMetadata`, and
 * polyfill `Symbol.metadata`; on a page we do not own, our script must write nothing
 * outside our elements. We use no decorators, so the metadata lives in module-local
 * values instead, and the version lists are left out. Every rewrite must find its
 * text: a Lit release that changes it fails the build here, not a host page later.
 */

/** [module path suffix, what to find, what it becomes] */
export const REWRITES = [
  ['lit-html/lit-html.js', /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
  ['lit-element/lit-element.js', /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
  ['@lit/reactive-element/reactive-element.js', /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
  [
    '@lit/reactive-element/reactive-element.js',
    /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap;/,
    'const litMetadataKey=Symbol.metadata??Symbol("metadata"),litPropertyMetadataMap=new WeakMap;',
  ],
  ['@lit/reactive-element/reactive-element.js', /this\[Symbol\.metadata\]/, 'this[litMetadataKey]'],
  ['@lit/reactive-element/reactive-element.js', /\blitPropertyMetadata\.get\(/, 'litPropertyMetadataMap.get('],
];

/** Lit module `id`'s code with our rewrites; throws when one does not match. */
export function withoutLitGlobals(id, code) {
  const path = id.replace(/\\/g, '/');
  for (const [suffix, find, replacement] of REWRITES) {
    if (!path.endsWith(`/node_modules/${suffix}`)) continue;
    if (!find.test(code)) throw new Error(`no-lit-globals: ${find} not found in ${suffix}; has Lit changed? See build/no-lit-globals.mjs`);
    code = code.replace(find, replacement);
  }
  return code;
}

export default function noLitGlobals() {
  return {
    name: 'solidarity:no-lit-globals',
    transform(code, id) {
      if (!/\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id.replace(/\\/g, '/'))) return;
      const out = withoutLitGlobals(id, code);
      return out === code ? undefined : { code: out, map: null };
    },
  };
}
