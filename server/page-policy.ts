// The Content-Security-Policy of the HTML pages this server serves itself (the demo page, the
// built Storybook under /docs/). Scripts come from this server only, plus the inline scripts the
// page itself holds, allowed by their hashes (Storybook's build writes a few); frame-ancestors
// 'self' keeps other sites from framing the pages. What the widgets need (DESIGN.md, chapter-map
// docs): the map's worker from a blob: URL, data:/blob: images, the feed from this server. Our
// widgets adopt their stylesheets, which style-src does not govern, so the demo page allows only
// its own inline style, by hash; Storybook inserts <style> elements as it renders, so /docs/
// allows inline styles.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

const INLINE = {
  script: /<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi,
  style: /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi,
};

/** 'sha256-…' sources for the page's inline scripts or styles, as the browser hashes them (their exact text). */
export function inlineHashes(html: string, tag: keyof typeof INLINE): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE[tag])) {
    if (m[1].trim()) hashes.add(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

export type InlineStyles = 'by-hash' | 'any';

export function pagePolicy(html: string, styles: InlineStyles): string {
  const styleSources = styles === 'by-hash' ? inlineHashes(html, 'style') : ["'unsafe-inline'"];
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineHashes(html, 'script')].join(' '),
    ["style-src 'self'", ...styleSources].join(' '),
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

const cache = new Map<string, { stamp: string; policy: string }>();

/** pagePolicy() of an HTML file, kept until the file changes. */
export function pagePolicyOf(file: string, styles: InlineStyles): string {
  const st = fs.statSync(file);
  const stamp = `${st.mtimeMs}:${st.size}:${styles}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.policy;
  const policy = pagePolicy(fs.readFileSync(file, 'utf8'), styles);
  cache.set(file, { stamp, policy });
  return policy;
}
