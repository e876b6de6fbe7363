// On shutdown, answers to requests already in progress close their connection, so the server
// need not wait out the clients' keep-alive before it can exit.
import { appWide } from './app-wide.js';

export const shutdown = appWide(async (app) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_req, reply) => {
    if (closing) reply.header('Connection', 'close');
  });
});
