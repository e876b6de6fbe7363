/**
 * One event as the list shows it: title, when (the event's time, and the reader's), where, the languages
 * it is held in, its seats, its description and what a reader can do. Lit templates only, so feed text
 * never becomes markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { dictionary } from '../../core/dictionary.js';
import type { SolidarityEvent } from '../../core/feed-types.js';
import type { LocaleController } from '../../core/locale-controller.js';
import { renderRichText } from '../../core/rich-text.js';
import { pickTranslation } from '../../core/translations.js';
import { safeUrl } from '../../core/url.js';
import { endsAt } from '../../core/event-schedule.js';
import { eventTimes } from '../../core/event-time.js';

/** Seats as last known: from the feed, then from the server's answers. */
export interface Seats {
  going: number;
  waitlisted: number;
  capacity?: number | null;
}

export interface EventViewOptions {
  locale: LocaleController;
  /** `list` (everything) or `compact` (no description). */
  variant: string;
  level: number;
  /** The feed's URL, the base of its relative links. */
  base: string;
  now: number;
  seats: Seats;
  /** Where this reader's own RSVP stands, once the server said. */
  mine?: 'going' | 'waitlisted';
  /** What follows the actions (the calendar links, the RSVP form), rendered by the element. */
  after: TemplateResult | typeof nothing;
  onCalendar(event: SolidarityEvent): void;
  onRsvp(event: SolidarityEvent): void;
  rsvpOpen: boolean;
}

/** The namer and list formatter per reader language, made once (each costs a render several milliseconds). */
const languageIntl = new Map<string, { names: Intl.DisplayNames; list: Intl.ListFormat }>();

/** `en, es` → `English and Spanish`, in the reader's language (the tags as written when Intl cannot name them). */
export function languageNames(tags: readonly string[], lang: string): string {
  try {
    let intl = languageIntl.get(lang);
    if (!intl) {
      const names = new Intl.DisplayNames([lang, 'en'], dictionary({ type: 'language' as const }));
      const list = new Intl.ListFormat([lang, 'en'], dictionary({ type: 'conjunction' as const }));
      languageIntl.set(lang, (intl = { names, list }));
    }
    const { names, list } = intl;
    return list.format(tags.map((tag) => names.of(tag) ?? tag));
  } catch {
    return tags.join(', ');
  }
}

function renderWhen(event: SolidarityEvent, o: EventViewOptions): TemplateResult {
  const times = eventTimes(event, o.locale.lang, undefined, o.now);
  const started = Date.parse(event.starts) <= o.now && o.now < endsAt(event);
  return html`<p class="when" part="when">
    ${started ? html`<strong class="now">${o.locale.t('events.now')}</strong> ` : nothing}<time datetime=${event.starts}
      >${times.own}</time
    >${times.reader ? html` · <span class="yours">${o.locale.t('events.your-time', { time: times.reader })}</span>` : nothing}
  </p>`;
}

function renderWhere(event: SolidarityEvent, o: EventViewOptions): TemplateResult | typeof nothing {
  const t = o.locale;
  const online = safeUrl(event.online_url, { base: o.base, context: 'online_url' });
  if (event.online_url !== undefined)
    return html`<p class="where" part="where">
      ${t.t('events.online')}${online ? html` · <a href=${online} target="_blank" rel="noopener">${t.t('events.join-online')}</a>` : nothing}
    </p>`;
  if (!event.location) return nothing;
  const name = pickTranslation(event.location.name, t.lang);
  const address = pickTranslation(event.location.address, t.lang);
  return html`<p class="where" part="where">${name}${name && address ? html`<br />` : nothing}${address}</p>`;
}

function renderSeats(event: SolidarityEvent, o: EventViewOptions): TemplateResult | typeof nothing {
  const t = o.locale;
  const { going, capacity } = o.seats;
  const full = !!capacity && going >= capacity;
  // Each piece that applies, joined by ` · `: nobody going yet is not worth saying.
  const pieces = [
    going > 0 && t.plural('events.going', going),
    capacity && !full && t.plural('events.left', capacity - going),
    full && html`<strong>${t.t('events.full')}</strong>${event.rsvp ? ` ${t.t('events.waitlist')}` : ''}`,
    o.mine && html`<strong>${t.t(o.mine === 'going' ? 'events.you-going' : 'events.you-waitlisted')}</strong>`,
  ].filter((p) => !!p);
  if (!pieces.length) return nothing;
  return html`<p class="seats" part="seats" role="status">
    ${pieces.map((p, i) => html`${i ? ' · ' : ''}${p}`)}
  </p>`;
}

export function renderEvent(event: SolidarityEvent, o: EventViewOptions): TemplateResult {
  const t = o.locale;
  const title = pickTranslation(event.title, t.lang);
  const titleId = `event-title-${event.id}`;
  const langs = (event.lang ?? []).filter((l) => typeof l === 'string' && l);
  return html`<li class="event" part="event" id=${`event-${event.id}`} data-event=${event.id} tabindex="-1">
    <article aria-labelledby=${titleId}>
      <div class="title" part="title" id=${titleId} role="heading" aria-level=${o.level}>${title}</div>
      ${renderWhen(event, o)} ${renderWhere(event, o)}
      ${
        langs.length
          ? html`<p class="langs" part="languages">${t.t('events.held-in', { languages: languageNames(langs, t.lang) })}</p>`
          : nothing
      }
      ${
        o.variant === 'compact'
          ? nothing
          : html`<div class="description" part="description">${renderRichText(
              pickTranslation(event.description, t.lang),
              o.base,
            )}</div>`
      }
      ${renderSeats(event, o)}
      <div class="actions" part="actions">
        <button class="btn" part="calendar" @click=${() => o.onCalendar(event)}>${t.t('events.add-to-calendar')}</button>
        ${
          event.rsvp
            ? html`<button class="btn primary" part="rsvp" aria-expanded=${o.rsvpOpen ? 'true' : 'false'} @click=${() =>
                o.onRsvp(event)}>
              ${t.t('events.rsvp')}
            </button>`
            : nothing
        }
      </div>
      ${o.after}
    </article>
  </li>`;
}
