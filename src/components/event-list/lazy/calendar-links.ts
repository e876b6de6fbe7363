/**
 * "Add to calendar": the event as an `.ics` file (downloaded at once, and offered again as a link) and
 * as a Google Calendar link. Loaded on the first click, with the calendar writer and its words.
 */
import { html, type TemplateResult } from 'lit';
import { calendarEntry, googleCalendarUrl, writeCalendar } from '../../../core/calendar.js';
import type { SolidarityEvent } from '../../../core/feed-types.js';
import type { LocaleController } from '../../../core/locale-controller.js';
import { registerMessages } from '../../../i18n/index.js';

const en = {
  'events.ics': 'Download for Apple Calendar, Outlook… (.ics)',
  'events.google': 'Add to Google Calendar',
};

declare module '../../../i18n/index.js' {
  interface LazyMessages extends Record<keyof typeof en, string> {}
}

registerMessages({
  en,
  es: {
    'events.ics': 'Descargar para Apple Calendar, Outlook… (.ics)',
    'events.google': 'Añadir a Google Calendar',
  },
  fr: {
    'events.ics': 'Télécharger pour Apple Calendar, Outlook… (.ics)',
    'events.google': 'Ajouter à Google Agenda',
  },
});

/** A file name from the event's id: letters, digits, `-` and `_` only. */
export const icsFileName = (event: SolidarityEvent): string => `${event.id.replace(/[^\w-]+/g, '-')}.ics`;

/** The event as a calendar entry: its UID under the feed's host, its link this page's `#event-<id>`. */
function entryFor(event: SolidarityEvent, lang: string, feedUrl: string) {
  const page = `${location.href.split('#')[0]}#event-${encodeURIComponent(event.id)}`;
  return calendarEntry(event, lang, { domain: new URL(feedUrl, document.baseURI).host, url: page });
}

export function renderLinks(
  event: SolidarityEvent,
  { locale, feedUrl }: { locale: LocaleController; feedUrl: string },
): TemplateResult {
  const entry = entryFor(event, locale.lang, feedUrl);
  const ics = `data:text/calendar;charset=utf-8,${encodeURIComponent(writeCalendar([entry]))}`;
  return html`<p class="links" part="calendar-links">
    <a href=${ics} download=${icsFileName(event)} data-ics=${event.id}>${locale.t('events.ics')}</a>
    <a href=${googleCalendarUrl(entry)} target="_blank" rel="noopener">${locale.t('events.google')}</a>
  </p>`;
}

/** Starts the download of the event's `.ics`, through the link `renderLinks` put in `root`. */
export function download(root: ParentNode, id: string): void {
  const link = [...root.querySelectorAll<HTMLAnchorElement>('a[data-ics]')].find((a) => a.dataset.ics === id);
  link?.click();
}
