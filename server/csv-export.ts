// Sends one petition's signatures as the organizers' CSV (csv.ts), streamed a page at a time:
// the same bytes for the bearer-token route and the console.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { NO_STORE } from './cache-headers.js';
import { csvHeader, csvRow } from './csv.js';
import type { SignatureStore } from './storage/types.js';

export function sendSignaturesCsv(reply: FastifyReply, store: SignatureStore, id: string): FastifyReply {
  async function* lines() {
    yield csvHeader();
    for await (const sig of store.exportRows(id)) yield csvRow(sig);
  }
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${id.replace(/[^\w.-]/g, '_')}-signatures.csv"`)
    .header('Cache-Control', NO_STORE)
    .send(Readable.from(lines()));
}
