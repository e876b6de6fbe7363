// The rig for confirmation tests: a real SMTP server on 127.0.0.1 and the link in what it receives.
import assert from 'node:assert/strict';
import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { request } from './helpers.js';

interface Received {
  to: string;
  raw: string;
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
export async function startSmtp(port = 0): Promise<{ port: number; inbox: Received[]; close(): Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString('utf8')));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        done();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const actual = (server.server.address() as net.AddressInfo).port;
  return { port: actual, inbox, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Waits until `ready()` holds; the test runner's timeout bounds it. */
export async function until(ready: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await ready())) await new Promise((ok) => setTimeout(ok, 50));
}

/** The /confirm/ link in a received email (quoted-printable soft breaks undone). */
export function linkIn(raw: string): string {
  const m = /(http:\/\/127\.0\.0\.1:\d+\/confirm\/[A-Za-z0-9_-]{43})/.exec(raw.replace(/=\r?\n/g, ''));
  assert.ok(m, `a confirmation link in:\n${raw}`);
  return m[1];
}

export const page = (link: string) => request(link, 'GET', new URL(link).pathname);
