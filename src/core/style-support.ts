/**
 * Our widgets' styles are constructed style sheets that each shadow root adopts (a CSP's
 * style-src does not govern them), and only those: build/lit-for-hosts.mjs leaves out Lit's
 * fallback of <style> elements. A browser without them (Firefox before 101) could not style
 * or even render our widgets, so src/index.ts defines no tag there, with one warning, and the
 * page's own content inside our tags stays as it is.
 */
export const adoptedStylesMissing = !('adoptedStyleSheets' in ShadowRoot.prototype);
