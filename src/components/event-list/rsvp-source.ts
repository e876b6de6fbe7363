/**
 * RSVPs as the signing engine sees them (core/signing): the event whose form is open as an action (its POST URL,
 * fields and consent), and the seats each event is known to have, from the feed and then from the server's
 * answers (`RsvpAnswer`, `EventAnswer`).
 */
import type { ReactiveControllerHost } from 'lit';
import type { RsvpAnswer } from '../../core/action-api.js';
import { SIGNATURE_FIELDS, type SignatureField, type SolidarityEvent } from '../../core/feed-types.js';
import type { ActionSource, ActionView, Answer } from '../../core/signing/signing-types.js';
import { pickTranslation } from '../../core/translations.js';
import type { Seats } from './event-view.js';

/** An RSVP form's action. */
export interface RsvpView extends ActionView {
  shown: readonly SignatureField[];
  /** Whether RSVPs now join the waiting list. */
  full: boolean;
  /** The organization's privacy policy, linked beside the consent. */
  privacy: string | null;
}

/** Fields an RSVP asks for besides the event's own: a name to greet, and the email to count once. */
const BASE_FIELDS: SignatureField[] = ['given_name', 'email'];

/** `<feed origin>/api/events/<id>` (docs/design.md, "The server"). */
export const eventUrl = (feedUrl: string, id: string): string =>
  new URL(`/api/events/${encodeURIComponent(id)}`, new URL(feedUrl, document.baseURI)).href;

/** Seats from a server answer (null-prototype JSON: read with typeof checks), else undefined. */
export function seatsOf(answer: Answer | Partial<RsvpAnswer>): Seats | undefined {
  const { going, waitlisted, capacity } = answer as Record<string, unknown>;
  if (typeof going !== 'number' || typeof waitlisted !== 'number') return undefined;
  return { going, waitlisted, capacity: typeof capacity === 'number' ? capacity : null };
}

interface Host extends ReactiveControllerHost {
  /** The event whose form is open, with the feed's URL and the consent text to show. */
  rsvpContext():
    { event: SolidarityEvent; feedUrl: string; lang: string; consent: string; privacy: string | null } | undefined;
}

export class RsvpSource implements ActionSource<RsvpView> {
  /** What the server last said of each event's seats, by event id. */
  private known = new Map<string, Seats>();
  /** Where this reader's own RSVPs stand, by event id. */
  readonly mine = new Map<string, RsvpAnswer['status']>();

  constructor(private host: Host) {}

  /** The event's seats: the server's latest word, else the feed's. */
  seats(event: SolidarityEvent): Seats {
    return (
      this.known.get(event.id) ?? {
        going: event.going ?? 0,
        waitlisted: event.waitlisted ?? 0,
        capacity: event.capacity,
      }
    );
  }

  /** The server's word on an event's seats (an RSVP's answer, or `GET /api/events/:id`). */
  update(id: string, answer: Answer): void {
    const seats = seatsOf(answer);
    if (!seats) return;
    this.known.set(id, seats);
    if (answer.status === 'going' || answer.status === 'waitlisted') this.mine.set(id, answer.status);
    this.host.requestUpdate();
  }

  get view(): RsvpView | undefined {
    const c = this.host.rsvpContext();
    if (!c) return undefined;
    const { event } = c;
    const own = (event.fields ?? []) as SignatureField[];
    const seats = this.seats(event);
    return {
      id: event.id,
      url: `${eventUrl(c.feedUrl, event.id)}/rsvps`,
      shown: SIGNATURE_FIELDS.filter((f) => BASE_FIELDS.includes(f) || own.includes(f)),
      required: new Set<string>(['email', ...own]),
      consent: pickTranslation(event.consent, c.lang) || c.consent,
      full: !!seats.capacity && seats.going >= seats.capacity,
      privacy: c.privacy,
    };
  }

  accepted(answer: Answer): void {
    const id = this.host.rsvpContext()?.event.id;
    if (id !== undefined) this.update(id, answer);
  }
}
