// The demo page (/), the built Storybook (/docs/) and everything else in dist/: the widget
// script, its chunks, the versioned copy, the feed schema (static.ts sends them).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NO_CACHE } from '../cache-headers.js';
import { publicPreflight, publicRead } from '../cors.js';
import { ApiError } from '../errors.js';
import { pagePolicyOf } from '../page-policy.js';
import { cacheControl, resolveFile, sendFile } from '../static.js';
import type { AppContext } from './context.js';

/** The file of dist/ a URL names; dist/server/ is this server's own code, not for the public. */
function distFile(distDir: string | null, req: FastifyRequest): string | null {
  const found = distDir ? resolveFile(distDir, req.url.split('?')[0]) : null;
  return found && !path.relative(distDir!, found).startsWith(`server${path.sep}`) ? found : null;
}

export async function staticFiles(app: FastifyInstance, { opts }: AppContext): Promise<void> {
  const distDir = opts.distDir && fs.existsSync(opts.distDir) ? path.resolve(opts.distDir) : null;
  const { demoFile } = opts;

  app.get('/', async (req, reply) => {
    if (!demoFile || !fs.existsSync(demoFile)) throw new ApiError(404, 'not_found', 'The demo page is missing.');
    return sendFile(
      req,
      reply.header('Content-Security-Policy', pagePolicyOf(demoFile, 'by-hash')),
      demoFile,
      NO_CACHE,
    );
  });

  app.get('/docs', async (_req, reply) => reply.redirect('/docs/', 301));

  /** The dist/ file a request names; 404 otherwise. */
  function requireDistFile(req: FastifyRequest): string {
    const file = distFile(distDir, req);
    if (file) return file;
    const hint = distDir ? '' : ' (the library is not built: run npm run build)';
    throw new ApiError(404, 'not_found', `Nothing at ${req.url.split('?')[0]}${hint}.`);
  }

  // The script, its chunks and the schema are public reads: a cross-origin page may preflight them.
  app.options('/*', async (req, reply) => {
    requireDistFile(req);
    return publicPreflight(req, reply);
  });

  app.get('/*', async (req, reply) => {
    const file = requireDistFile(req);
    const rel = path.relative(distDir!, file).split(path.sep).join('/');
    if (file.endsWith('.html')) reply.header('Content-Security-Policy', pagePolicyOf(file, 'any'));
    return sendFile(req, publicRead(reply), file, cacheControl(rel));
  });
}
