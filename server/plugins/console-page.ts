// The console's page and script at /admin/ (built by `npm run build:console` into dist/console/).
// Same-origin only: no CORS headers, and framing by other sites refused by the page's policy.
// Also the feed editor's previews (drafts kept in memory for a few minutes).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NO_CACHE, NO_STORE } from '../cache-headers.js';
import { ApiError } from '../errors.js';
import { pagePolicyOf } from '../page-policy.js';
import { cacheControl, resolveFile, sendFile } from '../static.js';
import type { ConsoleServices } from '../console/services.js';
import type { AppContext } from './context.js';

export async function consolePage(
  app: FastifyInstance,
  { ctx, services }: { ctx: AppContext; services: ConsoleServices },
): Promise<void> {
  const { opts } = ctx;
  const dir = opts.distDir ? path.resolve(opts.distDir, 'console') : null;

  function consoleFile(req: FastifyRequest): string {
    const rel = req.url.split('?')[0].slice('/admin'.length) || '/';
    const file = dir && fs.existsSync(dir) ? resolveFile(dir, rel) : null;
    if (file) return file;
    const hint = dir && fs.existsSync(dir) ? '' : ' (the console is not built: run npm run build:console)';
    throw new ApiError(404, 'not_found', `Nothing at ${req.url.split('?')[0]}${hint}.`);
  }

  // A draft the feed editor previews (feed-drafts.ts): only whoever holds the token can load it.
  app.get<{ Params: { token: string } }>('/admin/preview/:token/feed.json', async (req, reply) => {
    const json = services.drafts.get(req.params.token);
    if (!json) throw new ApiError(404, 'not_found', 'This preview has expired; preview again from the feed editor.');
    return reply.header('Cache-Control', NO_STORE).header('Content-Type', 'application/json; charset=utf-8').send(json);
  });

  app.get('/admin', async (_req, reply) => reply.redirect('/admin/', 301));
  app.get('/admin/*', async (req, reply) => {
    const file = consoleFile(req);
    if (file.endsWith('.html')) reply.header('Content-Security-Policy', pagePolicyOf(file, 'by-hash'));
    const rel = path.relative(dir!, file).split(path.sep).join('/');
    return sendFile(req, reply, file, file.endsWith('.html') ? NO_CACHE : cacheControl(rel));
  });
}
