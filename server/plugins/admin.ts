// The organizers' routes: the CSV export and the erasure of one signer, both behind the admin
// token (Authorization: Bearer …) and without CORS headers. Without a usable token they answer 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminTokenMatcher } from '../admin-token.js';
import { NO_STORE } from '../cache-headers.js';
import { sendSignaturesCsv } from '../csv-export.js';
import { ApiError } from '../errors.js';
import { knownPetition, petitionParams, type PetitionParams } from '../petition-lookup.js';
import { normalizeEmail } from '../validate.js';
import type { AppContext } from './context.js';

export const MIN_TOKEN_LENGTH = 32;

/**
 * Why a token could never be used, or null. It travels as "Authorization: Bearer TOKEN", where
 * whitespace ends it and only visible ASCII is safe; the length makes guessing hopeless.
 */
export function adminTokenProblem(token: string): string | null {
  if (/\s/.test(token)) {
    return 'contains whitespace (a space, tab or line break): it could never be sent as "Authorization: Bearer TOKEN"';
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    return 'contains characters other than visible ASCII (letters, digits, punctuation): a header cannot carry them';
  }
  if (token.length < MIN_TOKEN_LENGTH) {
    return `is ${token.length} characters long; it must have at least ${MIN_TOKEN_LENGTH} to be unguessable`;
  }
  return null;
}

/** The token, if it is set and usable. */
export const usableAdminToken = (token: string | undefined): string | null =>
  token && !adminTokenProblem(token) ? token : null;

/**
 * The onRequest hook of every bearer-token route: 404 without a usable token, 401 without this one.
 * Before any validation, so that nothing about a request is answered to a stranger.
 */
export function adminOnly(adminToken: string | undefined): (req: FastifyRequest) => Promise<void> {
  const isAdmin = adminTokenMatcher(usableAdminToken(adminToken));
  return async (req) => {
    if (!isAdmin) throw new ApiError(404, 'not_found', 'Not found.');
    if (!isAdmin(req)) {
      const message = 'A valid organizer token is required (Authorization: Bearer …).';
      throw new ApiError(401, 'unauthorized', message, undefined, {
        'WWW-Authenticate': 'Bearer realm="solidarity-widgets"',
      });
    }
  };
}

/** The `email` query of an erasure, normalized; 400 when it is missing or not an address. */
export function erasedEmail(query: { email?: string }): string {
  const email = query.email === undefined ? null : normalizeEmail(query.email);
  if (!email) throw new ApiError(400, 'invalid_field', 'Give the signer as ?email=…', 'email');
  return email;
}

export const eraseQuery = {
  type: 'object',
  properties: { email: { type: 'string' } },
} as const;

export const erasedSchema = {
  type: 'object',
  required: ['erased'],
  properties: { erased: { type: 'integer' } },
} as const;

export async function admin(app: FastifyInstance, { opts, feed, store, outbox }: AppContext): Promise<void> {
  const onRequest = adminOnly(opts.adminToken);

  app.get<{ Params: PetitionParams }>(
    '/api/petitions/:id/signatures.csv',
    { onRequest, schema: { params: petitionParams } },
    async (req, reply) => {
      await knownPetition(feed, store, req.params.id);
      return sendSignaturesCsv(reply, store, req.params.id);
    },
  );

  app.delete<{ Params: PetitionParams; Querystring: { email?: string } }>(
    '/api/petitions/:id/signatures',
    { onRequest, schema: { params: petitionParams, querystring: eraseQuery, response: { 200: erasedSchema } } },
    async (req, reply) => {
      reply.header('Cache-Control', NO_STORE);
      await knownPetition(feed, store, req.params.id);
      const email = erasedEmail(req.query);
      const erased = await store.erase(req.params.id, email, outbox.erased(req.params.id, email, new Date()));
      if (erased) outbox.kick();
      return { erased };
    },
  );
}
