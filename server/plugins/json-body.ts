// Request bodies: JSON only, at most MAX_BODY bytes, kept raw as well, because the
// Idempotency-Key check hashes the exact bytes.
import { ApiError } from '../errors.js';
import { appWide } from './app-wide.js';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

export const MAX_BODY = 16 * 1024;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function unsupportedMediaType(): ApiError {
  return new ApiError(415, 'unsupported_media_type', 'Send the signature as JSON (Content-Type: application/json).');
}

export const jsonBody = appWide(async (app) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const buf = body as Buffer;
    req.rawBody = buf;
    try {
      done(null, JSON.parse(strictUtf8.decode(buf)));
    } catch {
      done(new ApiError(400, 'invalid_json', 'The body is not valid JSON (UTF-8).'), undefined);
    }
  });
});
