import { html, nothing } from 'lit';
import { AttributeCheck } from '../../core/attribute-check.js';
import { SolidarityElement } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import type { SolidarityEvent } from '../../core/feed-types.js';
import { lazy } from '../../core/lazy.js';
import { LocaleController } from '../../core/locale-controller.js';
import { themeStyles } from '../../core/theme.styles.js';
import { ListClock } from './event-clock.js';
import { EventDeepLink } from './event-deep-link.js';
import { listStyles } from './event-list.styles.js';
import { translate } from './event-messages.js';
import { nextChange, upcomingEvents } from './event-schedule.js';
import { feedEvents, knownChapter } from './event-source.js';
import { renderEvent, type Seats } from './event-view.js';

/** The calendar links, written when a reader first asks for them. */
const calendarChunk = lazy(() => import('./lazy/calendar-links.js'));

const VARIANTS = ['list', 'compact'];

/**
 * The organization's upcoming events, soonest first: when (in the event's zone and the reader's), where
 * (or online), the languages each is held in, seats taken, "Add to calendar" (an `.ics` download and a
 * Google Calendar link) and, where the event takes RSVPs, an RSVP form. `#event-<id>` in the page's
 * address scrolls to that event.
 *
 * @summary Upcoming events with calendar links and RSVP.
 *
 * @slot - Content shown when there is no feed (e.g. a plain list of events), readable before the script runs.
 *
 * @csspart list - The list of events.
 * @csspart event - One event (`id="event-<id>"`).
 * @csspart title - An event's title heading.
 * @csspart when - Its date and time: the event's own, then the reader's when their clock differs.
 * @csspart where - Where it is held, or "Online" with the link to join.
 * @csspart languages - The languages it is held in.
 * @csspart description - Its description (the `list` variant).
 * @csspart seats - "N going", places left, "Full" and the waiting list.
 * @csspart actions - The event's buttons.
 * @csspart calendar - The "Add to calendar" button.
 * @csspart calendar-links - The `.ics` download and Google Calendar links shown after it.
 * @csspart rsvp - The "RSVP" button.
 * @csspart message - Loading, error, "no upcoming events" and bad-attribute messages.
 *
 * @cssprop --sw-color-accent - Buttons and links.
 * @cssprop --sw-color-on-accent - Text on the RSVP button.
 * @cssprop --sw-color-text - Text.
 * @cssprop --sw-color-muted - Secondary text (the reader's time, seats).
 * @cssprop --sw-color-surface - Event background.
 * @cssprop --sw-color-border - Event border.
 * @cssprop --sw-radius - Corner radius.
 * @cssprop --sw-space - Spacing.
 * @cssprop --sw-font-family - Font.
 * @cssprop --sw-heading-size - Title size.
 *
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class EventList extends SolidarityElement {
  static styles = [themeStyles, listStyles];
  static override properties = {
    feed: {},
    chapter: {},
    limit: {},
    variant: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    calendarFor: { state: true },
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** Only this chapter's events (a chapter id). */
  chapter?: string;
  /** Show at most this many events. */
  limit?: string;
  /** `list` (default: everything about each event) or `compact` (no descriptions). */
  variant = 'list';
  /** Heading level of each event's title (2–6, default 2). */
  headingLevel = 2;
  /** The event whose calendar links are shown. */
  private calendarFor?: string;

  private feedState = new FeedController(this);
  private locale = new LocaleController(this);
  private clock = new ListClock(this);
  private attributeCheck = new AttributeCheck(this, this.locale, () => {
    const s = this.feedState.state;
    const level = this.getAttribute('heading-level');
    return [
      !VARIANTS.includes(this.variant) && { name: 'variant', value: this.variant, hint: 'events.use-variant' },
      this.limit != null &&
        this.parsedLimit() === undefined && { name: 'limit', value: this.limit, hint: 'events.use-limit' },
      level !== null &&
        this.level() !== this.headingLevel && {
          name: 'heading-level',
          value: level,
          hint: 'attr.use-heading-level',
          params: { level: 2 },
        },
      !!this.chapter &&
        s?.status === 'ready' &&
        !knownChapter(s.feed, this.events(), this.chapter) && {
          name: 'chapter',
          value: this.chapter,
          hint: 'events.use-chapter',
        },
    ];
  });

  constructor() {
    super();
    new EventDeepLink(this);
  }

  /** The feed's usable events (none before it is ready). */
  private events(): SolidarityEvent[] {
    const s = this.feedState.state;
    return s?.status === 'ready' ? feedEvents(s.feed, (p) => this.warnOnce(`feed ${s.url}: ${p}`)) : [];
  }

  private parsedLimit(): number | undefined {
    const n = Number(this.limit);
    return this.limit != null && Number.isInteger(n) && n > 0 ? n : undefined;
  }

  private level(): number {
    const n = this.headingLevel;
    return Number.isInteger(n) && n >= 2 && n <= 6 ? n : 2;
  }

  /** What a reader sees of the seats: the feed's counts. */
  protected seats(event: SolidarityEvent): Seats {
    return { going: event.going ?? 0, waitlisted: event.waitlisted ?? 0, capacity: event.capacity };
  }

  private async showCalendar(event: SolidarityEvent) {
    const s = this.feedState.state;
    if (s?.status !== 'ready') return;
    const m = await calendarChunk.load();
    this.calendarFor = event.id;
    await this.updateComplete;
    m.download(this.renderRoot, event.id);
  }

  render() {
    return html`${this.attributeCheck.render()}${this.renderEvents()}`;
  }

  private renderEvents() {
    const t = this.locale;
    translate(this, t.lang);
    const s = this.feedState.state;
    if (!s) return html`<slot></slot>`;
    if (s.status !== 'ready') return renderFeedStatus(s, t);
    const events = this.events();
    const chapter = this.chapter && knownChapter(s.feed, events, this.chapter) ? this.chapter : undefined;
    const shown = upcomingEvents(events, { chapter, limit: this.parsedLimit(), now: this.clock.now });
    this.clock.wakeAt(nextChange(shown));
    if (!shown.length) return html`<p class="message" part="message" role="status">${t.t('events.empty')}</p>`;
    const variant = VARIANTS.includes(this.variant) ? this.variant : 'list';
    const calendar = calendarChunk.module;
    return html`<ul class="events ${variant}" part="list" aria-label=${t.t('events.label')}>
      ${shown.map((event) =>
        renderEvent(event, {
          locale: t,
          variant,
          level: this.level(),
          base: s.url,
          now: this.clock.now,
          seats: this.seats(event),
          after:
            calendar && this.calendarFor === event.id
              ? calendar.renderLinks(event, { locale: t, feedUrl: s.url })
              : nothing,
          onCalendar: (e) => void this.showCalendar(e),
          onRsvp: () => {},
          rsvpOpen: false,
        }),
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'event-list': EventList;
  }
}
