// Signing in to and out of the organizers' console (POST/GET/DELETE /api/admin/session). The
// same answer for an unknown email and a wrong password; failures limited per account and per
// client address (sign-in-limits.ts); every attempt written to the audit log.
import type { FastifyInstance } from 'fastify';
import { NO_STORE } from '../cache-headers.js';
import {
  clearSessionCookie,
  requireCsrf,
  requireSameOrigin,
  requireSession,
  sessionToken,
  setSessionCookie,
} from '../console/guard.js';
import type { ConsoleServices } from '../console/services.js';
import { ApiError } from '../errors.js';
import { normalizeEmail } from '../validate.js';
import type { AppContext } from './context.js';

const signInBody = {
  type: 'object',
  required: ['email', 'password'],
  properties: { email: { type: 'string', maxLength: 320 }, password: { type: 'string', maxLength: 1024 } },
} as const;

const minutesUntil = (when: Date, now: Date) => Math.max(1, Math.ceil((+when - +now) / 60_000));

export async function consoleSession(
  app: FastifyInstance,
  { ctx, services }: { ctx: AppContext; services: ConsoleServices },
): Promise<void> {
  const { organizers, sessions, limits, audit } = services;
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('Cache-Control', NO_STORE);
  });

  app.post<{ Body: { email: string; password: string } }>(
    '/api/admin/session',
    { schema: { body: signInBody } },
    async (req, reply) => {
      requireSameOrigin(req, ctx.origins);
      const typed = req.body.email.trim();
      const account = normalizeEmail(typed) ?? typed.toLowerCase();
      const now = new Date();
      const until = await limits.blockedUntil(account, req.ip, now);
      if (until) {
        const minutes = minutesUntil(until, now);
        const at = until.toISOString().slice(11, 16);
        throw new ApiError(
          429,
          'too_many_attempts',
          `Too many failed sign-ins. Try again at ${at} UTC (in ${minutes} minute${minutes === 1 ? '' : 's'}).`,
          undefined,
          { 'Retry-After': String(Math.ceil((+until - +now) / 1000)) },
        );
      }
      const email = await organizers.verify(typed, req.body.password);
      if (!email) {
        await limits.recordFailure(account, req.ip, now);
        await audit.record(account.slice(0, 320), 'sign_in_failed');
        throw new ApiError(401, 'sign_in_failed', 'That email and password do not match an organizer account.');
      }
      await limits.clearAccount(email);
      const { token, csrf } = await sessions.start(email, now);
      await audit.record(email, 'sign_in');
      setSessionCookie(req, reply, token);
      return { email, csrf };
    },
  );

  app.get('/api/admin/session', async (req) => {
    const { email, csrf } = await requireSession(req, sessions);
    return { email, csrf };
  });

  app.delete('/api/admin/session', async (req, reply) => {
    requireSameOrigin(req, ctx.origins);
    const session = await requireSession(req, sessions);
    requireCsrf(req, session);
    await sessions.end(sessionToken(req)!);
    await audit.record(session.email, 'sign_out');
    clearSessionCookie(req, reply);
    return { signed_out: true };
  });
}
