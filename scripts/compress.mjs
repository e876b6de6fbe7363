// Precompressed siblings of the built files: `<file>.br` (brotli) and `<file>.gz` (gzip)
// beside every compressible file in dist/, so our server (server/static.ts) — or nginx's
// brotli_static / gzip_static, or a CDN — sends what a reader really downloads. A sibling is
// written only where it saves enough; one at least as new as its file is kept as is. SRI
// hashes (dist/sri.json) cover the decoded bytes, so they do not change.
// `node scripts/compress.mjs` compresses dist/; post-build.mjs and build.mjs call it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { gzipAsync as zopfliGzip } from '@gfx/zopfli';

export const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|map|txt)$/i;
/** A precompressed sibling: never a file of its own for size listings, SRI or copies. */
export const SIBLING = /\.(br|gz)$/;
const MIN_SIZE = 1024;
const MIN_SAVING = 0.1;

/**
 * The scripts readers fetch (.js up to this size, not the docs') get their gzip from Zopfli: a valid
 * gzip stream some 3% smaller than zlib's -9, for ~1 s of build time per 60 KB. Larger files and the
 * docs get zlib's -9 (Zopfli would take minutes on the map engine).
 */
const ZOPFLI_MAX_SIZE = 256 * 1024;
const zopfliWorthIt = (rel, size) => rel.endsWith('.js') && !rel.startsWith(`docs${sep}`) && size <= ZOPFLI_MAX_SIZE;

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);
const encode = {
  br: (buf, quality) =>
    brotli(buf, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }),
  gz: (buf, _quality, zopfli) => (zopfli ? zopfliGzip(buf, { numiterations: 15 }) : gz(buf, { level: 9 })),
};

/**
 * Writes (or refreshes, or removes) the siblings of every compressible file under root.
 * `skip`: top-level folders left alone; `quality(rel)`: the brotli quality for a file.
 * Identical contents (dist/chunks and dist/<version>/chunks) are compressed once.
 */
export async function compressTree(root, { skip = [], quality = () => 11 } = {}) {
  const all = readdirSync(root, { recursive: true }).map(String);
  const rels = all.filter((rel) => !skip.includes(rel.split(sep)[0]));
  // Orphans: the sibling of a file that is gone (an old build's chunk).
  for (const rel of rels) {
    const base = rel.replace(SIBLING, '');
    if (base !== rel && COMPRESSIBLE.test(base) && !existsSync(join(root, base))) rmSync(join(root, rel));
  }
  const jobs = [];
  for (const rel of rels.filter((r) => COMPRESSIBLE.test(r))) {
    const file = join(root, rel);
    const st = statSync(file);
    if (!st.isFile()) continue;
    const q = quality(rel);
    const zopfli = zopfliWorthIt(rel, st.size);
    for (const coding of ['br', 'gz']) {
      const sib = `${file}.${coding}`;
      const fresh = existsSync(sib) && statSync(sib).mtimeMs >= st.mtimeMs;
      if (st.size < MIN_SIZE) rmSync(sib, { force: true });
      else jobs.push({ file, sib, coding, q, zopfli, fresh });
    }
  }
  // Fresh siblings first: their bytes serve any copy of the same file.
  const cache = new Map();
  const key = (job, buf) => `${job.coding}${job.q}${job.zopfli}:${createHash('sha256').update(buf).digest('hex')}`;
  for (const job of jobs.filter((j) => j.fresh))
    cache.set(key(job, readFileSync(job.file)), Promise.resolve(readFileSync(job.sib)));
  const stats = { written: 0, kept: 0, skipped: 0, raw: 0, br: 0, gz: 0 };
  await Promise.all(
    jobs.map(async (job) => {
      const buf = readFileSync(job.file);
      if (job.coding === 'br') stats.raw += buf.length;
      if (job.fresh) {
        stats.kept++;
        stats[job.coding] += statSync(job.sib).size;
        return;
      }
      const k = key(job, buf);
      if (!cache.has(k)) cache.set(k, encode[job.coding](buf, job.q, job.zopfli));
      const out = await cache.get(k);
      if (out.length > buf.length * (1 - MIN_SAVING)) {
        rmSync(job.sib, { force: true });
        stats.skipped++;
        return;
      }
      // Written aside, then renamed: a running server never sees half a file.
      const tmp = `${job.sib}.${process.pid}.tmp`;
      writeFileSync(tmp, out);
      renameSync(tmp, job.sib);
      stats.written++;
      stats[job.coding] += out.length;
    }),
  );
  return stats;
}

/**
 * dist/ as the server serves it: not dist/server (Node code, no browser fetches it); the
 * Storybook in dist/docs at brotli quality 9 (about 10% larger than 11, fifteen times faster).
 */
export async function compressDist(dist = 'dist') {
  const started = Date.now();
  // Not the server's code, nor the ES modules for bundlers (dist/npm/): no one serves them over HTTP.
  const s = await compressTree(dist, {
    skip: ['server', 'npm'],
    quality: (rel) => (rel.startsWith(`docs${sep}`) ? 9 : 11),
  });
  console.log(
    `compress: ${s.written} written, ${s.kept} up to date, ${s.skipped} not worth it; ` +
      `${s.raw} → ${s.br} B brotli, ${s.gz} B gzip (compressible files of 1 KB or more) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await compressDist(process.argv[2]);
