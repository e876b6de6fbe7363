// GET /events.ics: the feed's upcoming events (an event in progress stays until it ends) as a
// calendar to subscribe to, written by the same RFC 5545 writer as the event list's "Add to
// calendar" (src/core/calendar.ts). `?chapter=<id>` keeps one chapter's events; `?lang=` picks
// the language of their texts (default: English, else each text's first).
import type { FastifyInstance } from 'fastify';
import { calendarEntry, writeCalendar } from '../../src/core/calendar.js';
import { pickTranslation } from '../../src/core/translations.js';
import { NO_CACHE } from '../cache-headers.js';
import { publicPreflight, publicRead } from '../cors.js';
import { ApiError } from '../errors.js';
import type { AppContext } from './context.js';
import { isOver } from './events.js';

const query = {
  type: 'object',
  properties: {
    chapter: { type: 'string', maxLength: 200 },
    lang: { type: 'string', pattern: '^[A-Za-z0-9-]{1,35}$' },
  },
} as const;

export async function eventsIcs(app: FastifyInstance, { feed, origins }: AppContext): Promise<void> {
  app.options('/events.ics', async (req, reply) => publicPreflight(req, reply));

  app.get<{ Querystring: { chapter?: string; lang?: string } }>(
    '/events.ics',
    { schema: { querystring: query } },
    async (req, reply) => {
      const { events = [], chapters, org } = feed.get().feed;
      const lang = req.query.lang ?? 'en';
      const { chapter } = req.query;
      const held = chapter === undefined ? undefined : chapters.find((c) => c.id === chapter);
      if (chapter !== undefined && !held) {
        throw new ApiError(404, 'chapter_not_found', `There is no chapter "${chapter}".`, 'chapter');
      }
      const now = new Date();
      const upcoming = events
        .filter((e) => !isOver(e, now) && (chapter === undefined || e.chapter === chapter))
        .sort((a, b) => Date.parse(a.starts) - Date.parse(b.starts));
      // The UIDs' domain: this server's own host, stable for every subscriber.
      const domain = new URL(origins.ownOrigins()[0] ?? 'http://localhost').hostname;
      const name = [pickTranslation(org?.name, lang), held && pickTranslation(held.name, lang)].filter(Boolean);
      const body = writeCalendar(
        upcoming.map((e) => calendarEntry(e, lang, { domain })),
        { name: name.join(' · ') || undefined, now },
      );
      return publicRead(reply)
        .header('Cache-Control', NO_CACHE)
        .header('Content-Disposition', 'inline; filename="events.ics"')
        .type('text/calendar; charset=utf-8')
        .send(body);
    },
  );
}
