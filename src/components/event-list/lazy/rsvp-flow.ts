/**
 * What an RSVP does once the reader opens its form (a lazy chunk): the form itself (rsvp-form.ts), the live
 * seats (`GET /api/events/:id`), and the `ActionFlow` on the signing engine (core/signing/lazy/engine.ts, which
 * sends): the answer (going, or on the waiting list), refusals, and queued RSVPs delivered later.
 */
import './rsvp-messages.js';
import { dictionary } from '../../../core/dictionary.js';
import { fromJson } from '../../../core/signing/plain-data.js';
import type { ActionEntry, QueuedAction } from '../../../core/signing/offline-queue.js';
import { send as sendAction, showRefusal, type Outcome } from '../../../core/signing/lazy/engine.js';
import type { Answer, Delivery, Refusal, Signing } from '../../../core/signing/signing-types.js';
import { eventUrl, seatsOf, type RsvpSource, type RsvpView } from '../rsvp-source.js';

export { deliverQueued, fieldProblem, prepare, suggest } from '../../../core/signing/lazy/engine.js';
export { renderRsvp } from './rsvp-form.js';

export type RsvpSigning = Signing<RsvpView, RsvpSource>;

/** Asks the server for an event's seats now (the feed's may be a minute old); a failure leaves the feed's. */
export async function refreshSeats(source: RsvpSource, feedUrl: string, id: string): Promise<void> {
  try {
    // Null-prototype options and JSON: a host page's additions to Object.prototype change nothing.
    const headers = dictionary({ accept: 'application/json' });
    const res = await fetch(eventUrl(feedUrl, id), dictionary({ credentials: 'omit' as const, headers }));
    if (res.ok) source.update(id, fromJson(await res.text()) as Answer);
  } catch {
    // offline: the feed's counts stay
  }
}

const outcome: Outcome<RsvpView, RsvpSource> = {
  done: (s, answer) => answered(s, s.view!.id, answer),
  refused: (s, error) => refused(s, s.view!, error),
};

/** Sends an RSVP the queue holds (if `saved`), and shows the answer. */
export const send = (s: RsvpSigning, entry: ActionEntry, saved: boolean): Promise<void> =>
  sendAction(s, entry, saved, outcome);

/** A queued RSVP delivered (or refused for good): the form waiting for it shows it; else the seats and events say. */
export function delivered(s: RsvpSigning, { id }: QueuedAction, result: Delivery): void {
  const mine = id === s.view?.id;
  if (mine && s.phase === 'queued') {
    if ('answer' in result) answered(s, id, result.answer);
    else refused(s, s.view!, result.error);
  } else if ('answer' in result) {
    if (mine) s.accepted(result.answer);
    else s.source.update(id, result.answer);
    tell(s, id, result.answer);
  } else {
    s.host.emit('rsvp-error', { rsvp: id, code: result.error.code, message: result.error.message });
  }
}

/** `rsvp-sent` with where the RSVP stands. */
function tell(s: RsvpSigning, id: string, answer: Answer): void {
  const seats = seatsOf(answer);
  const status = answer.status === 'waitlisted' ? 'waitlisted' : 'going';
  s.host.emit('rsvp-sent', { rsvp: id, status, going: seats?.going ?? NaN, waitlisted: seats?.waitlisted ?? NaN });
}

function answered(s: RsvpSigning, id: string, answer: Answer): void {
  s.accepted(answer);
  const t = s.host.locale;
  s.set({ phase: 'signed', status: t.t(answer.status === 'waitlisted' ? 'rsvp.waitlisted' : 'rsvp.going') });
  tell(s, id, answer);
  void s.host.updateComplete.then(() => s.host.renderRoot.querySelector<HTMLElement>('#rsvp-thanks')?.focus());
}

function refused(s: RsvpSigning, view: RsvpView, error: Refusal): void {
  showRefusal(s, error);
  s.host.emit('rsvp-error', { rsvp: view.id, code: error.code, message: error.message });
}
