// Issue 20's figure: a webhook receiver that never answers must not slow signing. Signatures per
// second with no webhook and with --webhook to a receiver that holds every request open, in
// alternating rounds so that the shared machine's drift falls on both alike.
import http from 'node:http';

export interface SigningRun {
  /** Starts the real CLI with these extra arguments and environment. */
  start(extraArgs: string[], env: Record<string, string>): Promise<{ base: string; stop: () => Promise<void> }>;
  /** Signs as fast as it can for a while; returns the 201s per second. */
  sign(base: string): Promise<number>;
}

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const ROUNDS = 2;

export async function webhookNeverAnswers(run: SigningRun) {
  const held: http.ServerResponse[] = [];
  const receiver = http.createServer((_req, res) => void held.push(res));
  await new Promise<void>((ok) => receiver.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  const rates = { none: [] as number[], never_answers: [] as number[] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const kind of ['none', 'never_answers'] as const) {
        const args = kind === 'none' ? [] : ['--webhook', url];
        const server = await run.start(args, { SOLIDARITY_WEBHOOK_SECRET: SECRET });
        try {
          rates[kind].push(await run.sign(server.base));
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    for (const res of held) res.destroy();
    receiver.closeAllConnections();
    receiver.close();
  }
  const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
  const none = mean(rates.none);
  const never = mean(rates.never_answers);
  return {
    signatures_per_s_no_webhook: none,
    signatures_per_s_webhook_never_answers: never,
    ratio: Math.round((never / none) * 1000) / 1000,
    within_10_percent: never >= none * 0.9,
    requests_held_by_receiver: held.length,
  };
}
