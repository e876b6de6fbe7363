/** The public events (DESIGN.md, "Events"): names and detail shapes are stable API. */
import type { Chapter } from './feed-types.js';

export interface SolidarityEventMap {
  'feed-load': { url: string };
  'feed-error': { url: string; message: string };
  'plank-toggle': { plank: string; expanded: boolean };
  'petition-signed': { petition: string; count: number };
  'petition-queued': { petition: string };
  'petition-error': { petition: string; code: string; message: string };
  'donate-click': { provider: string; amount: number; currency: string; recurring: boolean; url: string };
  'chapter-select': { chapter: Chapter };
  // <event-list>'s RSVPs: where the reader's RSVP stands, and the event's seats after it.
  'rsvp-sent': { rsvp: string; status: 'going' | 'waitlisted'; going: number; waitlisted: number };
  'rsvp-queued': { rsvp: string };
  'rsvp-error': { rsvp: string; code: string; message: string };
  /** `join`: the chapter chosen ('' for none); `chapter`: the one the server stored. */
  'join-sent': { join: string; chapter: string | null; pending: boolean };
  'join-queued': { join: string };
  'join-error': { join: string; code: string; message: string };
}

export type SolidarityEventName = keyof SolidarityEventMap;

/** Dispatches a bubbling, composed event; returns false when a listener called preventDefault(). */
export function emit<K extends SolidarityEventName>(
  target: EventTarget,
  name: K,
  detail: SolidarityEventMap[K],
  { cancelable = false } = {},
): boolean {
  return target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
}

declare global {
  interface HTMLElementEventMap {
    'feed-load': CustomEvent<SolidarityEventMap['feed-load']>;
    'feed-error': CustomEvent<SolidarityEventMap['feed-error']>;
    'plank-toggle': CustomEvent<SolidarityEventMap['plank-toggle']>;
    'petition-signed': CustomEvent<SolidarityEventMap['petition-signed']>;
    'petition-queued': CustomEvent<SolidarityEventMap['petition-queued']>;
    'petition-error': CustomEvent<SolidarityEventMap['petition-error']>;
    'donate-click': CustomEvent<SolidarityEventMap['donate-click']>;
    'chapter-select': CustomEvent<SolidarityEventMap['chapter-select']>;
    'rsvp-sent': CustomEvent<SolidarityEventMap['rsvp-sent']>;
    'rsvp-queued': CustomEvent<SolidarityEventMap['rsvp-queued']>;
    'rsvp-error': CustomEvent<SolidarityEventMap['rsvp-error']>;
    'join-sent': CustomEvent<SolidarityEventMap['join-sent']>;
    'join-queued': CustomEvent<SolidarityEventMap['join-queued']>;
    'join-error': CustomEvent<SolidarityEventMap['join-error']>;
  }
}
