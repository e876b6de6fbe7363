// The server's own origin, whose pages may sign: --public-url, else known once the server
// listens (the listen address). Exposed as app.origins for the CLI's start-up summary.
import type { AddressInfo } from 'node:net';
import type { OriginPolicy } from '../cors.js';
import { appWide } from './app-wide.js';
import type { AppContext } from './context.js';

declare module 'fastify' {
  interface FastifyInstance {
    origins: OriginPolicy;
  }
}

export const ownOrigin = appWide<AppContext>(async (app, { origins }) => {
  app.decorate('origins', origins);
  if (origins.configured) return;
  app.addHook('onListen', async () => {
    // A Unix socket (a string) has no origin of its own: only --public-url could name one.
    origins.ownFromListen(app.addresses().filter((a): a is AddressInfo => typeof a !== 'string'));
  });
});
