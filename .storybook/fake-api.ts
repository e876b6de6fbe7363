/**
 * Inside Storybook, the petition API is answered in the page: the docs never send a signature
 * to a real server, even when they are served by a live organization's server at /docs/.
 *
 * Handles `GET …/api/challenge` (an easy proof-of-work challenge, never checked here),
 * `GET …/api/petitions/:id` and `POST …/api/petitions/:id/signatures` on any host, in
 * the shapes of DESIGN.md ("The server"): counts go up once per email, an `Idempotency-Key`
 * replays its first answer, and a petition whose `closes` has passed answers 410.
 * Events: `GET …/api/events/:id` (EventAnswer) and `POST …/api/events/:id/rsvps` (RsvpAnswer): one
 * seat per email up to `capacity`, then the waiting list.
 * Joins: `POST …/api/join` (JoinAnswer): the chapter chosen (one of the feed's), else the one the postal
 * code falls in (core/postal-match.ts, the server's rule); a chapter is needed when `join.fields` lists it.
 * Everything else goes to the real `fetch`.
 */
import { createChallenge } from 'altcha-lib/v1';
import feed from '../sample/feed.json';
import { emailAddress } from '../src/core/email-address.js';
import type { EventAnswer, JoinAnswer, RsvpAnswer } from '../src/core/action-api.js';
import { postalMatch } from '../src/core/postal-match.js';
import type { Feed, Petition, SolidarityEvent } from '../src/core/feed-types.js';
import {
  FIELD_MAX_LENGTH,
  petitionAnswer,
  type ErrorAnswer,
  type SignatureAnswer,
  type SignatureRequest,
} from '../src/core/petition-api.js';

interface PetitionState {
  petition: Petition;
  count: number;
  emails: Set<string>;
}

const { org, petitions: list } = feed as unknown as Feed;
const petitions = new Map<string, PetitionState>();
const start: Record<string, number> = { 'cancel-rent': 3187, 'transit-free': 812, 'old-campaign': 12044 };
for (const p of list ?? []) petitions.set(p.id, { petition: p, count: start[p.id] ?? 0, emails: new Set() });

/** The browser's IDNA form of a domain, as the widget computes it. */
const toAscii = (domain: string) => new URL(`http://${domain}`).hostname;
const replays = new Map<string, { status: number; body: unknown }>();

const PATH = /\/api\/petitions\/([^/?#]+)(\/signatures)?\/?$/;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function error(status: number, code: string, message: string, field?: string): Response {
  const body: ErrorAnswer = { error: { code, message, ...(field ? { field } : {}) } };
  return json(status, body);
}

/** A signature body (a petition's or an RSVP's), checked as the server does: the body and its email, or the refusal. */
function readSignature(raw: string): Response | { body: Partial<SignatureRequest>; email: string } {
  let body: Partial<SignatureRequest>;
  try {
    body = JSON.parse(raw);
  } catch {
    return error(400, 'invalid_json', 'The body is not JSON.');
  }
  for (const [field, max] of Object.entries(FIELD_MAX_LENGTH)) {
    const v = body[field as keyof typeof FIELD_MAX_LENGTH];
    if (typeof v === 'string' && v.trim().length > max) {
      return error(400, 'invalid_field', `${field} is too long (at most ${max} characters).`, field);
    }
  }
  const typed = typeof body.email === 'string' ? body.email.normalize('NFC').toLowerCase() : '';
  const email = emailAddress(typed, toAscii);
  if (!email) return error(400, 'invalid_field', 'This is not a valid email address.', 'email');
  if (body.consent?.granted !== true) {
    return error(400, 'consent_required', 'Consent must be given: consent.granted must be true.');
  }
  return { body, email };
}

async function answer(id: string, signatures: boolean, method: string, request: Request): Promise<Response> {
  await new Promise((r) => setTimeout(r, 150)); // a little latency, so loading states show
  const p = petitions.get(decodeURIComponent(id));
  if (!p) return error(404, 'petition_not_found', 'No such petition.');
  if (!signatures) {
    if (method !== 'GET' && method !== 'HEAD') return error(405, 'method_not_allowed', 'Use GET.');
    return json(200, petitionAnswer(p.petition, org, p.count));
  }
  if (method !== 'POST') return error(405, 'method_not_allowed', 'Use POST.');
  const raw = await request.text();
  const key = request.headers.get('idempotency-key');
  const replayKey = key ? `${id}\n${key}` : '';
  if (replayKey && replays.has(replayKey)) {
    const r = replays.get(replayKey)!;
    return json(r.status, r.body);
  }
  const { closes } = p.petition;
  if (closes && Date.parse(closes) < Date.now()) return error(410, 'petition_closed', 'This petition is closed.');
  const read = readSignature(raw);
  if (read instanceof Response) return read;
  const { body, email } = read;
  if (!body.website && !p.emails.has(email)) {
    p.emails.add(email);
    p.count += 1;
  }
  const answer: SignatureAnswer = { count: p.count };
  const result = { status: 201, body: answer };
  if (replayKey) replays.set(replayKey, result);
  return json(result.status, result.body);
}

/** Each event's RSVPs by email: a seat while there is one, then the waiting list. */
interface EventState {
  event: SolidarityEvent;
  going: Set<string>;
  waitlisted: Set<string>;
}
const events = new Map<string, EventState>();
for (const e of (feed as unknown as Feed).events ?? [])
  events.set(e.id, { event: e, going: new Set(), waitlisted: new Set() });
const EVENT_PATH = /\/api\/events\/([^/?#]+)(\/rsvps)?\/?$/;

function seats({ event, going, waitlisted }: EventState) {
  return { going: (event.going ?? 0) + going.size, waitlisted: (event.waitlisted ?? 0) + waitlisted.size };
}

async function answerEvent(id: string, rsvps: boolean, method: string, request: Request): Promise<Response> {
  await new Promise((r) => setTimeout(r, 150));
  const state = events.get(decodeURIComponent(id));
  if (!state) return error(404, 'event_not_found', 'No such event.');
  const { event } = state;
  const capacity = event.capacity ?? null;
  if (!rsvps) {
    if (method !== 'GET' && method !== 'HEAD') return error(405, 'method_not_allowed', 'Use GET.');
    const body: EventAnswer = {
      id: event.id,
      title: event.title,
      starts: event.starts,
      ends: event.ends ?? null,
      capacity,
      ...seats(state),
      fields: (event.fields ?? []) as EventAnswer['fields'],
      consent: event.consent ?? null,
    };
    return json(200, body);
  }
  if (method !== 'POST') return error(405, 'method_not_allowed', 'Use POST.');
  if (!event.rsvp) return error(404, 'event_not_found', 'This event takes no RSVPs.');
  const key = request.headers.get('idempotency-key');
  const replayKey = key ? `event ${id}\n${key}` : '';
  const replay = replayKey ? replays.get(replayKey) : undefined;
  if (replay) return json(replay.status, replay.body);
  const read = readSignature(await request.text());
  if (read instanceof Response) return read;
  const { email } = read;
  if (!state.going.has(email) && !state.waitlisted.has(email) && !read.body.website) {
    const full = capacity !== null && seats(state).going >= capacity;
    (full ? state.waitlisted : state.going).add(email);
  }
  const answer: RsvpAnswer = {
    status: state.waitlisted.has(email) ? 'waitlisted' : 'going',
    ...seats(state),
    capacity,
  };
  if (replayKey) replays.set(replayKey, { status: 201, body: answer });
  return json(201, answer);
}

/** The feed's chapters, for a join's chapter (checked as the server checks them: ids and postal codes). */
const chapters = ((feed as unknown as Feed).chapters ?? []) as Feed['chapters'];

async function answerJoin(method: string, request: Request): Promise<Response> {
  await new Promise((r) => setTimeout(r, 150));
  const join = (feed as unknown as Feed).join;
  if (method !== 'POST') return error(405, 'method_not_allowed', 'Use POST.');
  if (!join) return error(404, 'join_not_found', 'This organization takes no members here (the feed has no join).');
  const key = request.headers.get('idempotency-key');
  const replayKey = key ? `join\n${key}` : '';
  const replay = replayKey ? replays.get(replayKey) : undefined;
  if (replay) return json(replay.status, replay.body);
  const read = readSignature(await request.text());
  if (read instanceof Response) return read;
  const body = read.body as Partial<SignatureRequest> & { chapter?: string };
  const chosen = typeof body.chapter === 'string' ? body.chapter.trim() : '';
  if (chosen && !chapters.some((c) => c.id === chosen)) {
    return error(400, 'invalid_field', `There is no chapter "${chosen}".`, 'chapter');
  }
  const [found] = chosen ? [] : postalMatch(chapters, body.postal_code ?? '', body.country);
  const chapter = chosen || (found === undefined ? null : chapters[found].id);
  if (chapter === null && join.fields?.includes('chapter')) {
    return error(
      400,
      'invalid_field',
      'chapter is required: choose one (no chapter covers this postal code).',
      'chapter',
    );
  }
  const answer: JoinAnswer = { chapter, pending: !!join.confirm };
  if (replayKey) replays.set(replayKey, { status: 201, body: answer });
  return json(201, answer);
}

const realFetch = globalThis.fetch.bind(globalThis);

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  if (new URL(request.url).pathname === '/api/challenge' && request.method.toUpperCase() === 'GET') {
    return json(200, await createChallenge({ hmacKey: 'storybook', maxNumber: 1000 }));
  }
  if (/\/api\/join\/?$/.test(new URL(request.url).pathname)) return answerJoin(request.method.toUpperCase(), request);
  const event = EVENT_PATH.exec(new URL(request.url).pathname);
  if (event) return answerEvent(event[1], !!event[2], request.method.toUpperCase(), request);
  const match = PATH.exec(new URL(request.url).pathname);
  if (!match) return realFetch(input, init);
  return answer(match[1], !!match[2], request.method.toUpperCase(), request);
};
