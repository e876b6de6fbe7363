// Files from dist/ (the widget script, its chunks, the schema, the built Storybook) and the demo
// page. Hashed chunks never change under their name, so browsers may keep them for a year; the
// entry script keeps its name across releases, so it is cached briefly. Text files go out
// precompressed when the client accepts it: the build writes `<file>.br` and `<file>.gz`
// beside them (scripts/compress.mjs).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IMMUTABLE, NO_CACHE, SHORT_LIVED } from './cache-headers.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Types worth compressing; their responses vary with Accept-Encoding. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.map', '.svg', '.txt']);

type Coding = 'br' | 'gzip';
const SIBLING_EXT: Record<Coding, string> = { br: '.br', gzip: '.gz' };

/**
 * The codings an Accept-Encoding header allows, best first (RFC 9110 §12.5.3): q-values,
 * `q=0` (or a q we cannot read) refuses, `*` stands for codings not named, names are
 * case-insensitive; on equal q, br before gzip. No header: none (identity).
 */
export function acceptedCodings(header: string | undefined): Coding[] {
  if (header === undefined) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    let value = 1;
    for (const p of params) {
      const m = /^q\s*=\s*(.*)$/.exec(p);
      if (m) value = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(m[1]) ? Number(m[1]) : 0;
    }
    q.set(name === 'x-gzip' ? 'gzip' : name, value);
  }
  const star = q.get('*') ?? 0;
  const weight = (c: Coding) => q.get(c) ?? star;
  return (['br', 'gzip'] as Coding[]).filter((c) => weight(c) > 0).sort((a, b) => weight(b) - weight(a));
}

/** The precompressed sibling to send instead of file, if the client takes one and it is not stale. */
function pickSibling(
  req: FastifyRequest,
  file: string,
  mtimeMs: number,
): { coding: Coding; file: string; size: number } | null {
  // We ignore Range (a 200 with everything is a valid answer); identity keeps that true if
  // ranges are ever served, since a range of the .br would not be a range of the file.
  if (req.headers.range !== undefined) return null;
  for (const coding of acceptedCodings(req.headers['accept-encoding'])) {
    const sibling = file + SIBLING_EXT[coding];
    const st = fs.statSync(sibling, { throwIfNoEntry: false });
    if (st?.isFile() && st.mtimeMs >= mtimeMs) return { coding, file: sibling, size: st.size };
  }
  return null;
}

const isSibling = (file: string) =>
  /\.(br|gz)$/i.test(file) && COMPRESSIBLE.has(path.extname(file.slice(0, -3)).toLowerCase());

/** dist/<version>/…: the copy a release never changes (scripts/post-build.mjs), for SRI-pinned script tags. */
const VERSIONED = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\//;

export function cacheControl(rel: string): string {
  if (rel.startsWith('chunks/') || VERSIONED.test(rel)) return IMMUTABLE;
  if (rel.endsWith('.html')) return NO_CACHE;
  return SHORT_LIVED;
}

/**
 * Resolves a URL path inside root; null if it escapes root or is not a file. A precompressed
 * sibling (x.js.br) is an encoding of x.js, not a resource of its own: null too.
 */
export function resolveFile(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + rel));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const st = fs.statSync(file);
    if (st.isFile()) return isSibling(file) ? null : file;
    if (st.isDirectory()) {
      const index = path.join(file, 'index.html');
      return fs.statSync(index).isFile() ? index : null;
    }
  } catch {
    // not there
  }
  return null;
}

/**
 * Sends file, or its precompressed sibling with Content-Encoding. Last-Modified is the file's
 * own (there is no ETag and no conditional handling: every GET is a full 200). HEAD gets
 * GET's headers (Fastify drains the stream).
 */
export function sendFile(req: FastifyRequest, reply: FastifyReply, file: string, cache: string): FastifyReply {
  const st = fs.statSync(file);
  const ext = path.extname(file).toLowerCase();
  const sibling = COMPRESSIBLE.has(ext) ? pickSibling(req, file, st.mtimeMs) : null;
  if (COMPRESSIBLE.has(ext)) reply.header('Vary', 'Accept-Encoding');
  if (sibling) reply.header('Content-Encoding', sibling.coding);
  return reply
    .header('Content-Type', TYPES[ext] ?? 'application/octet-stream')
    .header('Content-Length', sibling?.size ?? st.size)
    .header('Last-Modified', st.mtime.toUTCString())
    .header('Cache-Control', cache)
    .header('X-Content-Type-Options', 'nosniff')
    .send(fs.createReadStream(sibling?.file ?? file));
}
