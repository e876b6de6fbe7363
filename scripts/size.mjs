// `npm run size`: gzipped and brotli bytes of the entry script and each chunk.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

/**
 * Raw, gzip -9 and brotli-11 bytes of a built file. The build's precompressed siblings
 * (scripts/compress.mjs) are what the server sends: their sizes are used when fresh,
 * and the file is compressed here only when one is missing or stale.
 */
export function sizes(file) {
  const raw = readFileSync(file);
  const sibling = (coding) => {
    const sib = `${file}.${coding}`;
    return existsSync(sib) && statSync(sib).mtimeMs >= statSync(file).mtimeMs ? statSync(sib).size : undefined;
  };
  return {
    raw: raw.length,
    gzip: sibling('gz') ?? gzipSync(raw, { level: 9 }).length,
    brotli: sibling('br') ?? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function distFiles(dist = 'dist') {
  const chunks = readdirSync(join(dist, 'chunks'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(dist, 'chunks', f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  return [join(dist, 'solidarity-widgets.js'), ...chunks];
}

/** A script (the entry by default) and every chunk it imports statically, transitively: what its page fetches. */
export function entryClosure(dist = 'dist', script = 'solidarity-widgets.js') {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import … from "./x.js"` or `import "./x.js"` — not import().
    for (const m of code.matchAll(/\bimport\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      visit(join(dirname(file), m[1]));
    }
  };
  visit(join(dist, script));
  return [...seen];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const atLoad = new Set(entryClosure());
  const rows = distFiles().map((f) => ({ file: f + (atLoad.has(f) ? ' *' : ''), ...sizes(f) }));
  const pad = (s, n) => String(s).padStart(n);
  console.log(`${'file'.padEnd(48)}${pad('raw', 10)}${pad('gzip', 10)}${pad('brotli', 10)}`);
  for (const r of rows) console.log(`${r.file.padEnd(48)}${pad(r.raw, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);
  const total = rows.filter((r) => r.file.endsWith('*')).reduce((n, r) => n + r.gzip, 0);
  console.log(`* fetched by every page at load: ${total} bytes gzipped`);
  for (const script of existsSync(join('dist', 'widgets')) ? readdirSync(join('dist', 'widgets')) : []) {
    if (!script.endsWith('.js')) continue;
    const files = entryClosure('dist', `widgets/${script}`);
    const gzip = files.reduce((n, f) => n + sizes(f).gzip, 0);
    console.log(`widgets/${script}: its page fetches ${gzip} bytes gzipped at load (${files.length} files)`);
  }
}
