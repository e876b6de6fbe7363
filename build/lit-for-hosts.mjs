/**
 * A Vite plugin that fits Lit to pages we do not own.
 *
 * Globals: Lit's modules
 * record their versions on `window` (`litHtmlVersions`, `reactiveElementVersions`,
 * `litElementVersions`), keep decorator metadata in `window.litPropertyMetadata`, and
 * polyfill `Symbol.metadata`; on a page we do not own, our script must write nothing
 * outside our elements. We use no decorators, so the metadata lives in module-local
 * values instead, and the version lists are left out. Nor does our Lit take hooks from
 * the page's globals (`litHtmlPolyfillSupport`, `reactiveElementPolyfillSupport`,
 * `litElementPolyfillSupport`, `litElementHydrateSupport`): another Lit app on the page
 * that sets one, for SSR hydration say, would otherwise patch our widgets too.
 *
 * Trusted Types: a page whose CSP lists the policies it allows (`trusted-types …`)
 * without "lit-html" makes Lit's createPolicy throw as our script starts: an uncaught
 * error on the host page. The refusal is caught and told to src/core/trusted-types.ts,
 * and src/index.ts then defines none of our tags, with one warning.
 *
 * Event listeners: for `@click=${fn}` Lit passes the listener itself as the options of
 * `addEventListener`, so the browser reads `capture`, `once`, `passive` and `signal` from a
 * function, and through it from the page's `Object.prototype`: a host page with an
 * enumerable `signal` there makes every listener throw. The options become a dictionary of
 * the listener's own `capture`, `once` and `passive` only.
 *
 * Bytes: Lit's two long messages for a misused `css` tag (a CSSResult built by hand, a value
 * that is not a CSSResult in a `css` template) ship in every page though our sources never
 * misuse it; they become short ones that still name the mistake.
 *
 * Style sheets: our widgets' styles are constructed style sheets, adopted by each shadow root
 * (a CSP's style-src does not govern them). Lit's fallback for browsers without them (a <style>
 * element per sheet, with the page's `litNonce`) and its test for them go: src/index.ts defines
 * no tag in such a browser (src/core/style-support.ts).
 *
 * Every rewrite must find its text: a Lit release that changes it fails the build
 * here, not a host page later.
 */
import { fileURLToPath } from 'node:url';

const trustedTypes = fileURLToPath(new URL('../src/core/trusted-types.ts', import.meta.url));

/** [module path suffix, what to find, what it becomes] */
export const REWRITES = [
  ['lit-html/lit-html.js', /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
  [
    'lit-html/lit-html.js',
    /(\w+)\?\1\.createPolicy\("lit-html",(\{createHTML:\w+=>\w+\})\):void 0/,
    '(()=>{try{return $1?.createPolicy("lit-html",$2)}catch{refuseLitPolicy()}})()',
  ],
  [
    'lit-html/lit-html.js',
    /^/,
    'const litListenerOptions=(o)=>{const r=Object.create(null);' +
      'for(const k of["capture","once","passive"])Object.hasOwn(o,k)&&(r[k]=o[k]);return r};',
  ],
  ['lit-html/lit-html.js', /^/, `import{refuseLitPolicy}from${JSON.stringify(trustedTypes)};`],
  [
    'lit-html/lit-html.js',
    /this\.element\.addEventListener\(this\.name,this,(\w+)\)/,
    'this.element.addEventListener(this.name,this,litListenerOptions($1))',
  ],
  [
    'lit-html/lit-html.js',
    /this\.element\.removeEventListener\(this\.name,this,(\w+)\)/,
    'this.element.removeEventListener(this.name,this,litListenerOptions($1))',
  ],
  ['lit-element/lit-element.js', /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
  ['lit-element/lit-element.js', /\w+\.litElementHydrateSupport\?\.\(\{LitElement:\w+\}\)/, 'void 0'],
  ['lit-element/lit-element.js', /\w+\.litElementPolyfillSupport;/, 'void 0;'],
  ['lit-html/lit-html.js', /\w+\.litHtmlPolyfillSupport;/, 'void 0;'],
  ['@lit/reactive-element/reactive-element.js', /\w+\.reactiveElementPolyfillSupport,/, 'void 0,'],
  ['@lit/reactive-element/reactive-element.js', /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[^"]*"\)/, 'void 0'],
  [
    '@lit/reactive-element/reactive-element.js',
    /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap;/,
    'const litMetadataKey=Symbol.metadata??Symbol("metadata"),litPropertyMetadataMap=new WeakMap;',
  ],
  [
    '@lit/reactive-element/css-tag.js',
    /Error\("CSSResult is not constructable\.[^"]*"\)/,
    'Error("CSSResult: use css or unsafeCSS")',
  ],
  [
    '@lit/reactive-element/css-tag.js',
    /Error\("Value passed to 'css' function must be a 'css' function result: "\+(\w+)\+"[^"]*"\)/,
    'Error("css: not a css result: "+$1)',
  ],
  [
    '@lit/reactive-element/css-tag.js',
    /(\w+)=\w+\.ShadowRoot&&\(void 0===\w+\.ShadyCSS\|\|\w+\.ShadyCSS\.nativeShadow\)&&"adoptedStyleSheets"in Document\.prototype&&"replace"in CSSStyleSheet\.prototype/,
    '$1=!0', // supportsAdoptingStyleSheets: the fallback's branches fall away in minification
  ],
  ['@lit/reactive-element/reactive-element.js', /this\[Symbol\.metadata\]/, 'this[litMetadataKey]'],
  ['@lit/reactive-element/reactive-element.js', /\blitPropertyMetadata\.get\(/, 'litPropertyMetadataMap.get('],
];

/** Lit module `id`'s code with our rewrites; throws when one does not match. */
export function rewriteLit(id, code) {
  const path = id.replace(/\\/g, '/');
  for (const [suffix, find, replacement] of REWRITES) {
    if (!path.endsWith(`/node_modules/${suffix}`)) continue;
    if (!find.test(code))
      throw new Error(`lit-for-hosts: ${find} not found in ${suffix}; has Lit changed? See build/lit-for-hosts.mjs`);
    code = code.replace(find, replacement);
  }
  return code;
}

export default function litForHosts() {
  return {
    name: 'solidarity:lit-for-hosts',
    transform(code, id) {
      if (!/\/node_modules\/(lit-html|lit-element|@lit\/reactive-element)\//.test(id.replace(/\\/g, '/'))) return;
      const out = rewriteLit(id, code);
      return out === code ? undefined : { code: out, map: null };
    },
  };
}
