// A local HTTP receiver on 127.0.0.1 for the outbox tests: it records every request and answers
// as the test says (a status, or never).
import { randomBytes } from 'node:crypto';
import http from 'node:http';

/** A webhook secret as SOLIDARITY_WEBHOOK_SECRET takes it. */
export const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

export interface Received {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** The status it was answered with (null: never answered). */
  status: number | null;
}

/** Decides the answer to one request: a status, or null to never answer. */
export type Answer = (req: Received, all: Received[]) => number | null | Promise<number | null>;

export interface Receiver {
  url: string;
  received: Received[];
  answer: Answer;
  /** The most requests that were open at once. */
  maxOpen: number;
  /** Resolves once `test` holds for what was received (checked after each request). */
  until(test: (all: Received[]) => boolean, what: string, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(answer: Answer, port = 0): Promise<Receiver> {
  const received: Received[] = [];
  const waiters = new Set<() => void>();
  const held = new Set<http.ServerResponse>();
  let open = 0;
  const server = http.createServer((req, res) => {
    r.maxOpen = Math.max(r.maxOpen, ++open);
    res.on('close', () => open--);
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const rec: Received = {
        method: req.method!,
        url: req.url!,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        status: null,
      };
      const status = await r.answer(rec, received);
      rec.status = status;
      received.push(rec);
      if (status === null) held.add(res);
      else res.writeHead(status, { 'content-type': 'application/json' }).end(status < 300 ? '{}' : '{"error":"no"}');
      for (const w of waiters) w();
    });
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const r: Receiver = {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`,
    received,
    answer,
    maxOpen: 0,
    until(test, what, ms = 30_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!test(received)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        // Only a guard against a hung test: what is asserted never depends on this time.
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`receiver: gave up waiting for ${what}; got ${received.length} request(s)`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    },
  };
  return r;
}

/** Event ids that were answered 2xx, with how often. */
export function deliveredIds(all: Received[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of all) {
    if (r.status !== null && r.status >= 200 && r.status < 300) {
      const id = String(r.headers['webhook-id']);
      out.set(id, (out.get(id) ?? 0) + 1);
    }
  }
  return out;
}

/** Waits until `test` holds, checking every 20 ms (the time limit only guards against a hung test). */
export async function eventually(test: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}
