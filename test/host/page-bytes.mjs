/**
 * Script bytes a page really fetches, per URL, as gzip: the bytes the server sends a reader whose
 * browser accepts gzip (its precompressed sibling, scripts/compress.mjs), asked again beside the page;
 * where it sends the file unencoded (too small to be worth a sibling), the file at zlib's level 9.
 */
import { get } from 'node:http';
import { gzipSync } from 'node:zlib';

/** The body the server sends for `url` to a reader accepting only gzip, and whether it came gzipped. */
function fetchAsGzip(url) {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
      const parts = [];
      res.on('data', (part) => parts.push(part));
      res.on('end', () => resolve({ body: Buffer.concat(parts), gzipped: res.headers['content-encoding'] === 'gzip' }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

export function recordScripts(page) {
  const scripts = new Map();
  const measuring = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && !res.url().endsWith('.js')) return;
    if (!res.ok()) return; // a redirect or a failed response has no script
    const url = res.url();
    measuring.push(
      fetchAsGzip(url).then(
        ({ body, gzipped }) => scripts.set(url, { gzip: gzipped ? body.length : gzipSync(body, { level: 9 }).length }),
        () => {},
      ),
    );
  });
  const ours = (origin) => [...scripts].filter(([url]) => url.startsWith(origin));
  return {
    scripts,
    /** Waits for the measurements of every script the page has fetched so far. */
    measured: () => Promise.all(measuring),
    ours,
    gzipTotal: (origin) => ours(origin).reduce((n, [, s]) => n + s.gzip, 0),
  };
}
