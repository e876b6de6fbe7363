// Every failure answers { error: { code, message, field? } } (errors.ts): thrown ApiErrors,
// schema violations, Fastify's own 4xx, unknown paths, and anything unexpected (logged, 500).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NO_STORE } from '../cache-headers.js';
import { ApiError } from '../errors.js';
import { schemaError } from '../validate.js';
import { appWide } from './app-wide.js';
import type { AppContext } from './context.js';
import { MAX_BODY, unsupportedMediaType } from './json-body.js';
import { noSniff } from './security-headers.js';

type FastifyFailure = {
  statusCode?: number;
  code?: string;
  validation?: { instancePath: string; message?: string }[];
};

const pathOf = (req: FastifyRequest) => req.url.split('?')[0];

function send(reply: FastifyReply, api: ApiError): void {
  for (const [k, v] of Object.entries(api.headers)) reply.header(k, v);
  reply.header('Cache-Control', NO_STORE).code(api.status).send(api.toJSON());
}

/**
 * Undecodable URLs never reach a route; Fastify's constructor takes this to answer them in our
 * shape. No hook runs for them, so the headers every answer has are set here.
 */
export function frameworkErrors(_err: unknown, _req: unknown, reply: FastifyReply): void {
  send(noSniff(reply), new ApiError(400, 'bad_url', 'The URL is not valid.'));
}

/** Our answer for whatever a handler, a hook or Fastify itself threw. */
function toApiError(err: unknown, req: FastifyRequest, log: (msg: string) => void): ApiError {
  const e = err as FastifyFailure;
  if (err instanceof ApiError) return err;
  if (e.validation?.length) return schemaError(e.validation[0]);
  if (e.statusCode === 413) {
    const limit = req.routeOptions?.bodyLimit ?? MAX_BODY; // the console's feed save takes more
    return new ApiError(413, 'too_large', `The body is larger than ${limit / 1024} KiB.`);
  }
  if (e.statusCode === 415) return unsupportedMediaType();
  if (e.statusCode === 400 && e.code?.startsWith('FST_ERR_CTP')) {
    return new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError(e.statusCode, 'bad_request', (err as Error).message);
  }
  log(`error: ${req.method} ${pathOf(req)}: ${(err as Error)?.stack ?? String(err)}`);
  return new ApiError(500, 'internal', 'Something went wrong on the server; please try again.');
}

export const errors = appWide<AppContext>(async (app, { log }) => {
  app.setErrorHandler((err, req, reply) => send(reply, toApiError(err, req, log)));
  app.setNotFoundHandler((req, reply) => send(reply, new ApiError(404, 'not_found', `Nothing at ${pathOf(req)}.`)));
});
