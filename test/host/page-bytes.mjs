/** Script bytes a page really fetches, gzipped as we measure them (level 9), per URL. */
import { gzipSync } from 'node:zlib';

export function recordScripts(page) {
  const scripts = new Map();
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && !res.url().endsWith('.js')) return;
    try {
      const body = await res.body();
      scripts.set(res.url(), { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch {
      /* a redirect or a failed response has no body */
    }
  });
  return {
    scripts,
    ours: (origin) => [...scripts].filter(([url]) => url.startsWith(origin)),
    gzipTotal: (origin) => [...scripts].filter(([url]) => url.startsWith(origin)).reduce((n, [, s]) => n + s.gzip, 0),
  };
}
