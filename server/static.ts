// Files from dist/ (the widget script, its chunks, the schema, the built Storybook) and the demo
// page. Hashed chunks never change under their name, so browsers may keep them for a year; the
// entry script keeps its name across releases, so it is cached briefly.
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';

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

export function cacheControl(rel: string): string {
  if (rel.startsWith('chunks/')) return 'public, max-age=31536000, immutable';
  if (rel.endsWith('.html')) return 'no-cache';
  return 'public, max-age=300';
}

/** Resolves a URL path inside root; null if it escapes root or is not a file. */
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
    if (st.isFile()) return file;
    if (st.isDirectory()) {
      const index = path.join(file, 'index.html');
      return fs.statSync(index).isFile() ? index : null;
    }
  } catch {
    // not there
  }
  return null;
}

export function sendFile(reply: FastifyReply, file: string, cache: string): FastifyReply {
  const st = fs.statSync(file);
  return reply
    .header('Content-Type', TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
    .header('Content-Length', st.size)
    .header('Last-Modified', st.mtime.toUTCString())
    .header('Cache-Control', cache)
    .header('X-Content-Type-Options', 'nosniff')
    .send(fs.createReadStream(file));
}
