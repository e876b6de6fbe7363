/**
 * Inside Storybook, the petition API is answered in the page: the docs never send a signature
 * to a real server, even when they are served by a live organization's server at /docs/.
 *
 * Handles `GET …/api/challenge` (an easy proof-of-work challenge, never checked here),
 * `GET …/api/petitions/:id` and `POST …/api/petitions/:id/signatures` on any host, in
 * the shapes of DESIGN.md ("The server"): counts go up once per email, an `Idempotency-Key`
 * replays its first answer, and a petition whose `closes` has passed answers 410.
 * Everything else goes to the real `fetch`.
 */
import { createChallenge } from 'altcha-lib/v1';
import feed from '../sample/feed.json';
import { emailAddress } from '../src/core/email-address.js';
import type { Feed, Petition } from '../src/core/feed-types.js';
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
  if (!body.website && !p.emails.has(email)) {
    p.emails.add(email);
    p.count += 1;
  }
  const answer: SignatureAnswer = { count: p.count };
  const result = { status: 201, body: answer };
  if (replayKey) replays.set(replayKey, result);
  return json(result.status, result.body);
}

const realFetch = globalThis.fetch.bind(globalThis);

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  if (new URL(request.url).pathname === '/api/challenge' && request.method.toUpperCase() === 'GET') {
    return json(200, await createChallenge({ hmacKey: 'storybook', maxNumber: 1000 }));
  }
  const match = PATH.exec(new URL(request.url).pathname);
  if (!match) return realFetch(input, init);
  return answer(match[1], !!match[2], request.method.toUpperCase(), request);
};
