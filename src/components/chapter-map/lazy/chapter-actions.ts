/**
 * What a reader can do next with the chapter they found: its next events (from the feed's `events`,
 * checked as the event list checks them) and "Join this chapter", a link made from the map's
 * `join-url`, or else a button that hands the chapter to the page's `<join-form>`.
 */
import { html, nothing } from 'lit';
import type { PageFeed, SolidarityEvent } from '../../../core/feed-types.js';
import type { LocaleController } from '../../../core/locale-controller.js';
import { pickTranslation } from '../../../core/translations.js';
import { safeUrl } from '../../../core/url.js';
import { upcomingEvents } from '../../../core/event-schedule.js';
import { eventTimes } from '../../../core/event-time.js';
import { feedEvents } from '../../../core/event-source.js';

/** How many of a chapter's events its details list. */
export const NEXT_EVENTS = 3;

/** The chapter's events not yet over, soonest first, at most NEXT_EVENTS. */
export const nextEvents = (events: readonly SolidarityEvent[], chapter: string, now = Date.now()) =>
  upcomingEvents(events, { chapter, limit: NEXT_EVENTS, now });

/** The feed's events (none without a feed, or when `events` is not a list). */
export const eventsOf = (feed: PageFeed | undefined, warn: (problem: string) => void): SolidarityEvent[] =>
  feed ? feedEvents(feed, warn) : [];

/** A `join-url` found unsafe: not checked (and warned about) again at each render of the details. */
const refused = new Set<string>();

/** `join-url` for one chapter: `{chapter}` replaced by its id, else `?chapter=<id>` added; null when unsafe. */
export function joinHref(template: string | undefined, chapter: string): string | null {
  if (!template || refused.has(template)) return null;
  const id = encodeURIComponent(chapter);
  const filled = template.includes('{chapter}') ? template.replaceAll('{chapter}', id) : template;
  const url = safeUrl(filled, { base: document.baseURI, context: 'chapter-map join-url' });
  if (!url) refused.add(template);
  if (!url || template.includes('{chapter}')) return url;
  const withChapter = new URL(url);
  withChapter.searchParams.set('chapter', chapter);
  return withChapter.href;
}

/** Hands the chapter to the page's `<join-form>`, brings it into view and puts the reader in its first field. */
export function joinWithForm(form: HTMLElement & { chapter?: string }, chapter: string): void {
  form.chapter = chapter;
  form.scrollIntoView({ block: 'start' });
  const first = () => form.shadowRoot?.querySelector<HTMLElement>('input:not([type=hidden]):not([tabindex="-1"])');
  // The form re-renders with the chapter first; then its first field takes the focus.
  void (form as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete?.then(() => first()?.focus());
}

export interface ChapterActionsInput {
  chapter: string;
  events: readonly SolidarityEvent[];
  joinUrl?: string;
  t: LocaleController;
}

/** The details' "Next events" and "Join this chapter"; nothing when there is neither. */
export function renderChapterActions({ chapter, events, joinUrl, t }: ChapterActionsInput) {
  const next = nextEvents(events, chapter);
  const href = joinHref(joinUrl, chapter);
  const form = href ? null : document.querySelector<HTMLElement & { chapter?: string }>('join-form');
  const linked = !!document.querySelector('event-list');
  const item = (e: SolidarityEvent) => {
    const title = pickTranslation(e.title, t.lang);
    const when = eventTimes(e, t.lang).own;
    return html`<li>
      ${linked ? html`<a href="#event-${encodeURIComponent(e.id)}">${title}</a>` : title}
      <span class="when">${when}</span>
    </li>`;
  };
  return html`${
    next.length
      ? html`<section class="events" part="events" aria-labelledby="ne">
          <h4 id="ne">${t.t('chapter.next-events')}</h4>
          <ul>${next.map(item)}</ul>
        </section>`
      : nothing
  }${
    href
      ? html`<p><a class="btn primary" part="join" href=${href}>${t.t('chapter.join')}</a></p>`
      : form
        ? html`<p>
            <button type="button" class="btn primary" part="join" @click=${() => joinWithForm(form, chapter)}>
              ${t.t('chapter.join')}
            </button>
          </p>`
        : nothing
  }`;
}
