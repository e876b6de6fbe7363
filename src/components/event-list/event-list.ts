import { html, nothing } from 'lit';
import { AttributeCheck } from '../../core/attribute-check.js';
import { SolidarityElement } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import { GrowingSlice, wholeRender } from '../../core/growing-slice.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import type { PageFeed, SolidarityEvent } from '../../core/feed-types.js';
import { lazy } from '../../core/lazy.js';
import { LocaleController } from '../../core/locale-controller.js';
import { themeStyles } from '../../core/theme.styles.js';
import { ListClock } from './event-clock.js';
import { ListPreparation } from './list-preparation.js';
import { EventDeepLink } from './event-deep-link.js';
import { listStyles } from './event-list.styles.js';
import { translate } from './event-messages.js';
import { nextChange, upcomingEvents } from '../../core/event-schedule.js';
import { askZones, feedEvents, knownChapter } from '../../core/event-source.js';
import { eventTimes } from '../../core/event-time.js';
import { languageNames, renderEvent } from './event-view.js';
import { RsvpSource, type RsvpView } from './rsvp-source.js';
import { httpUrl } from '../../core/signing/http-url.js';
import { SigningController } from '../../core/signing/signing.js';
import { pickTranslation } from '../../core/translations.js';

/** The calendar links, written when a reader first asks for them. */
const calendarChunk = lazy(() => import('./lazy/calendar-links.js'));
/** The RSVP form and its sending, fetched when a reader first opens one (or to deliver a queued RSVP). */
const rsvpFlow = lazy(() => import('./lazy/rsvp-flow.js'));

export type EventListVariant = 'list' | 'compact';
const VARIANTS: string[] = ['list', 'compact'] satisfies EventListVariant[];

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
 * @csspart rsvp - The "RSVP" button (`aria-expanded` tells whether its form is open).
 * @csspart rsvp-form - The inline RSVP form under its event.
 * @csspart field - One label + input group of the RSVP form.
 * @csspart input - Each text input of the RSVP form.
 * @csspart error - A field's problem.
 * @csspart consent - The consent checkbox and text.
 * @csspart submit - The RSVP form's button ("Send my RSVP", or "Join the waiting list" when full).
 * @csspart status - The RSVP's live status line ("Sending…", "Saved…").
 * @csspart alert - The RSVP's problems and refusals.
 * @csspart thanks - "You're going" or "You're on the waiting list", once the server answered.
 * @csspart message - Loading, error, "no upcoming events" and bad-attribute messages.
 *
 * @cssprop --sw-color-danger - Problems in the RSVP form.
 * @cssprop --sw-color-success - "Happening now" and the RSVP's thanks.
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
 * @fires rsvp-sent - The server took an RSVP (or one queued earlier). `detail: { rsvp, status, going, waitlisted }`
 *   (`status`: `going` or `waitlisted`).
 * @fires rsvp-queued - An RSVP was saved on this device, to be sent when the connection returns. `detail: { rsvp }`.
 * @fires rsvp-error - An RSVP was refused, or could not be sent or saved. `detail: { rsvp, code, message }`.
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
    rsvpFor: { state: true },
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** Only this chapter's events (a chapter id). */
  chapter?: string;
  /** Show at most this many events. */
  limit?: string;
  /** `list` (default: everything about each event) or `compact` (no descriptions). */
  variant: EventListVariant = 'list';
  /** Heading level of each event's title (2–6, default 2). */
  headingLevel = 2;
  /** The event whose calendar links are shown. */
  private calendarFor?: string;
  /** The event whose RSVP form is open. */
  private rsvpFor?: string;

  private feedState = new FeedController(this);
  readonly locale = new LocaleController(this);
  private rsvp = new RsvpSource(this);
  private signing = new SigningController<RsvpView, RsvpSource>(this, 'rsvp', this.rsvp, rsvpFlow);
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
        this.preparation.ready(s.feed) &&
        !knownChapter(s.feed, this.events(), this.chapter) && {
          name: 'chapter',
          value: this.chapter,
          hint: 'events.use-chapter',
        },
    ];
  });

  private deepLink = new EventDeepLink(this);
  private preparation = new ListPreparation<PageFeed>(this, (feed) => this.firstRenderPieces(feed));
  /** One event per task: an event in a zone not shown yet makes its own date formatters (5–10 ms each at 4× CPU). */
  private slice = new GrowingSlice(this, 1, 1);

  /** What the first render of `feed` formats (its first slice of events), a piece per `yield` (see ListPreparation). */
  private *firstRenderPieces(feed: PageFeed) {
    const s = this.feedState.state;
    if (s?.status !== 'ready' || s.feed !== feed) return;
    const lang = this.locale.lang;
    yield* askZones(feed);
    const events = this.events();
    yield;
    this.slice.reset();
    for (const event of this.slice.of(this.shown(feed, events, Date.now()))) {
      eventTimes(event, lang);
      yield;
      if (!event.lang?.length) continue;
      languageNames(event.lang, lang);
      yield;
    }
  }

  /** The feed's usable events (none before it is ready). */
  private events(): SolidarityEvent[] {
    const s = this.feedState.state;
    return s?.status === 'ready' ? feedEvents(s.feed, (p) => this.warnOnce(`feed ${s.url}: ${p}`)) : [];
  }

  /** The events the list shows at `now`. */
  private shown(feed: PageFeed, events: SolidarityEvent[], now: number): SolidarityEvent[] {
    const chapter = this.chapter && knownChapter(feed, events, this.chapter) ? this.chapter : undefined;
    return upcomingEvents(events, { chapter, limit: this.parsedLimit(), linked: this.deepLink.linked, now });
  }

  private parsedLimit(): number | undefined {
    const n = Number(this.limit);
    return this.limit != null && Number.isInteger(n) && n > 0 ? n : undefined;
  }

  private level(): number {
    const n = this.headingLevel;
    return Number.isInteger(n) && n >= 2 && n <= 6 ? n : 2;
  }

  /** The event whose RSVP form is open, and what its action needs (for RsvpSource). */
  rsvpContext() {
    const s = this.feedState.state;
    const event = this.events().find((e) => e.id === this.rsvpFor);
    if (s?.status !== 'ready' || !event) return undefined;
    const t = this.locale;
    const consent = pickTranslation(s.feed.org.consent, t.lang) || (rsvpFlow.module ? t.t('rsvp.consent') : '');
    const privacy = s.feed.org.privacy_url ? httpUrl(new URL(s.feed.org.privacy_url, s.url).href) : null;
    return { event, feedUrl: s.url, lang: t.lang, consent, privacy };
  }

  /** "RSVP": opens the event's form (closing another), or closes it; its seats are asked for afresh. */
  private async toggleRsvp(event: SolidarityEvent) {
    const open = this.rsvpFor !== event.id;
    if (this.signing.phase !== 'sending') this.signing.set({ phase: 'form', status: '', alert: '' });
    this.rsvpFor = open ? event.id : undefined;
    if (!open) return;
    try {
      const m = await rsvpFlow.load();
      void m.refreshSeats(this.rsvp, this.feedState.state!.url, event.id);
      this.requestUpdate(); // the form comes with the chunk
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('form.rsvp input')?.focus();
    } catch {
      this.signing.set({ alert: this.locale.t('rsvp.error.offline') });
    }
  }

  private async showCalendar(event: SolidarityEvent) {
    const s = this.feedState.state;
    if (s?.status !== 'ready') return;
    const m = await calendarChunk.load();
    this.calendarFor = event.id;
    await this.updateComplete;
    m.download(this.renderRoot, event.id);
  }

  /** Also waits for the list's first render of a feed (readied a piece per task) and for all its events. */
  protected override getUpdateComplete(): Promise<boolean> {
    return wholeRender(
      () => super.getUpdateComplete(),
      () => this.preparation.pending ?? this.slice.growing,
    );
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
    if (!this.preparation.ready(s.feed)) return renderFeedStatus({ status: 'loading', url: s.url }, t);
    const shown = this.shown(s.feed, this.events(), this.clock.now);
    this.clock.wakeAt(nextChange(shown));
    if (!shown.length) return html`<p class="message" part="message" role="status">${t.t('events.empty')}</p>`;
    const variant = VARIANTS.includes(this.variant) ? this.variant : 'list';
    const calendar = calendarChunk.module;
    return html`<ul class="events ${variant}" part="list" aria-label=${t.t('events.label')}>
      ${this.slice.of(shown).map((event) =>
        renderEvent(event, {
          locale: t,
          variant,
          level: this.level(),
          base: s.url,
          now: this.clock.now,
          seats: this.rsvp.seats(event),
          mine: this.rsvp.mine.get(event.id),
          after: html`${
            calendar && this.calendarFor === event.id
              ? calendar.renderLinks(event, { locale: t, feedUrl: s.url })
              : nothing
          }${this.rsvpFor === event.id ? this.renderRsvp(event) : nothing}`,
          onCalendar: (e) => void this.showCalendar(e),
          onRsvp: (e) => void this.toggleRsvp(e),
          rsvpOpen: this.rsvpFor === event.id,
        }),
      )}
    </ul>`;
  }

  private renderRsvp(event: SolidarityEvent) {
    const signing = this.signing;
    return html`${rsvpFlow.module?.renderRsvp(signing, pickTranslation(event.title, this.locale.lang))}
      <p class="status" part="status" role="status">${signing.status}</p>
      <p class="alert" part="alert" role="alert">${signing.alert}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'event-list': EventList;
  }
}
