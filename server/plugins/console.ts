// The organizers' console: its page (/admin/), its sign-in (/api/admin/session) and its API
// (/api/admin/…), over services built once from the signatures' database.
import type { FastifyInstance } from 'fastify';
import { consoleServices } from '../console/services.js';
import { consoleApi } from './console-api.js';
import { consolePage } from './console-page.js';
import { consoleSession } from './console-session.js';
import type { AppContext } from './context.js';

export async function organizerConsole(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const services = consoleServices(ctx.store);
  app.register(consoleSession, { ctx, services });
  app.register(consoleApi, { ctx, services });
  app.register(consolePage, { ctx, services });
}
