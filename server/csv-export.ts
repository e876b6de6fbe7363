// Sends the organizers' CSV tables (csv.ts), streamed a page at a time: one petition's
// signatures, one event's RSVPs, the members. The same bytes for the bearer-token routes and the console.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { Chapter } from '../src/core/feed-types.js';
import { pickTranslation } from '../src/core/translations.js';
import { NO_STORE } from './cache-headers.js';
import { csvHeaderOf, csvRowOf, CSV_COLUMNS, MEMBER_CSV_COLUMNS, RSVP_CSV_COLUMNS } from './csv.js';
import type { SignatureStore } from './storage/types.js';

/** Streams a table: its header, then a row per item, as an attachment named `name`-`what`.csv. */
function sendCsv<T extends object>(
  reply: FastifyReply,
  file: string,
  columns: readonly string[],
  rows: AsyncIterable<T>,
): FastifyReply {
  async function* lines() {
    yield csvHeaderOf(columns);
    for await (const row of rows) yield csvRowOf(columns, row);
  }
  return reply
    .header('Content-Type', 'text/csv; charset=utf-8')
    .header('Content-Disposition', `attachment; filename="${file.replace(/[^\w.-]/g, '_')}.csv"`)
    .header('Cache-Control', NO_STORE)
    .send(Readable.from(lines()));
}

export const sendSignaturesCsv = (reply: FastifyReply, store: SignatureStore, id: string) =>
  sendCsv(reply, `${id}-signatures`, CSV_COLUMNS, store.exportRows(id));

export const sendRsvpsCsv = (reply: FastifyReply, store: SignatureStore, event: string) =>
  sendCsv(reply, `${event}-rsvps`, RSVP_CSV_COLUMNS, store.actions().exportRsvps(event));

/** The members, each with their chapter's name beside its id (in English when it has one, else its first language). */
export function sendMembersCsv(reply: FastifyReply, store: SignatureStore, chapters: Chapter[]): FastifyReply {
  const names = new Map(chapters.map((c) => [c.id, pickTranslation(c.name, 'en')]));
  async function* rows() {
    for await (const m of store.actions().exportMembers()) {
      yield { ...m, chapter_name: m.chapter === null ? null : (names.get(m.chapter) ?? null) };
    }
  }
  return sendCsv(reply, 'members', MEMBER_CSV_COLUMNS, rows());
}
