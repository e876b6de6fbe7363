/**
 * Inside Storybook, the petition API is answered in the page: the docs never send a signature
 * to a real server, even when they are served by a live organization's server at /docs/.
 *
 * Handles `GET …/api/petitions/:id` and `POST …/api/petitions/:id/signatures` on any host, in
 * the shapes of DESIGN.md ("The server"): counts go up once per email, an `Idempotency-Key`
 * replays its first answer, and a petition whose `closes` has passed answers 410.
 * Everything else goes to the real `fetch`.
 */
import feed from '../sample/feed.json';

interface PetitionState {
  title: unknown;
  goal: number;
  count: number;
  closes: string | null;
  emails: Set<string>;
}

const petitions = new Map<string, PetitionState>();
const start: Record<string, number> = { 'cancel-rent': 3187, 'transit-free': 812, 'old-campaign': 12044 };
for (const p of (feed as { petitions?: Array<{ id: string; title: unknown; goal?: number; closes?: string }> }).petitions ?? []) {
  petitions.set(p.id, { title: p.title, goal: p.goal ?? 0, count: start[p.id] ?? 0, closes: p.closes ?? null, emails: new Set() });
}
const replays = new Map<string, { status: number; body: unknown }>();

const PATH = /\/api\/petitions\/([^/?#]+)(\/signatures)?\/?$/;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

function error(status: number, code: string, message: string, field?: string): Response {
  return json(status, { error: { code, message, ...(field ? { field } : {}) } });
}

async function answer(id: string, signatures: boolean, method: string, request: Request): Promise<Response> {
  await new Promise((r) => setTimeout(r, 150)); // a little latency, so loading states show
  const p = petitions.get(decodeURIComponent(id));
  if (!p) return error(404, 'petition_not_found', 'No such petition.');
  if (!signatures) {
    if (method !== 'GET' && method !== 'HEAD') return error(405, 'method_not_allowed', 'Use GET.');
    return json(200, { id, title: p.title, goal: p.goal, count: p.count, closes: p.closes });
  }
  if (method !== 'POST') return error(405, 'method_not_allowed', 'Use POST.');
  const raw = await request.text();
  const key = request.headers.get('idempotency-key');
  const replayKey = key ? `${id}\n${key}` : '';
  if (replayKey && replays.has(replayKey)) {
    const r = replays.get(replayKey)!;
    return json(r.status, r.body);
  }
  if (p.closes && Date.parse(p.closes) < Date.now()) return error(410, 'petition_closed', 'This petition is closed.');
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw);
  } catch {
    return error(400, 'invalid_json', 'The body is not JSON.');
  }
  const email = typeof body.email === 'string' ? body.email.trim().normalize('NFC').toLowerCase() : '';
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return error(400, 'invalid_field', 'Enter a valid email address.', 'email');
  const consent = body.consent as { granted?: unknown } | undefined;
  if (consent?.granted !== true) return error(400, 'consent_required', 'Consent is required.');
  if (!body.website && !p.emails.has(email)) {
    p.emails.add(email);
    p.count += 1;
  }
  const result = { status: 201, body: { count: p.count } };
  if (replayKey) replays.set(replayKey, result);
  return json(result.status, result.body);
}

const realFetch = globalThis.fetch.bind(globalThis);

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init);
  const match = PATH.exec(new URL(request.url).pathname);
  if (!match) return realFetch(input, init);
  return answer(match[1], !!match[2], request.method.toUpperCase(), request);
};
