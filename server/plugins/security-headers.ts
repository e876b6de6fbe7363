// Headers on every answer: browsers must take JSON (and everything else) as the type we say,
// never sniff it into something runnable.
import type { FastifyReply } from 'fastify';
import { appWide } from './app-wide.js';

export const noSniff = (reply: FastifyReply) => reply.header('X-Content-Type-Options', 'nosniff');

export const securityHeaders = appWide(async (app) => {
  app.addHook('onSend', async (_req, reply) => {
    noSniff(reply);
  });
});
