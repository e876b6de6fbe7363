// The outbox's settings from the command line and the environment, checked before the server
// starts, so a typo is a clear refusal rather than signatures that silently go nowhere.
import { ACTION_NETWORK_DEFAULT_URL } from './action-network.js';
import type { OutboxOptions } from './index.js';
import { webhookSecretProblem } from './webhook.js';

const isHttpUrl = (v: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/** The outbox options, or throws an Error whose message says what to fix. */
export function outboxOptions(webhooks: string[], env: NodeJS.ProcessEnv): OutboxOptions {
  for (const url of webhooks) {
    if (!isHttpUrl(url))
      throw new Error(`--webhook "${url}" is not an http(s) URL like https://crm.example/hooks/signatures`);
  }
  const secret = env.SOLIDARITY_WEBHOOK_SECRET || undefined;
  if (webhooks.length && !secret) {
    throw new Error(
      '--webhook needs SOLIDARITY_WEBHOOK_SECRET, the secret receivers verify signatures with. ' +
        'Make one with: echo "whsec_$(openssl rand -base64 32)"',
    );
  }
  const problem = secret && webhookSecretProblem(secret);
  if (problem) throw new Error(`SOLIDARITY_WEBHOOK_SECRET ${problem}`);
  const apiKey = env.ACTION_NETWORK_API_KEY || undefined;
  const url = env.ACTION_NETWORK_URL || ACTION_NETWORK_DEFAULT_URL;
  if (!isHttpUrl(url))
    throw new Error(`ACTION_NETWORK_URL "${url}" is not an http(s) URL like ${ACTION_NETWORK_DEFAULT_URL}`);
  return { webhooks, webhookSecret: secret, actionNetwork: apiKey ? { url, apiKey } : undefined };
}

/** What `serve` says at start about where signatures go. */
export function describeOutbox(o: OutboxOptions): string[] {
  const lines = (o.webhooks ?? []).map((url) => `webhook: signed events go to ${url}`);
  if (o.actionNetwork)
    lines.push(`Action Network: signatures of petitions with "action_network" go to ${o.actionNetwork.url}`);
  return lines;
}

/** check's warning: a petition names an Action Network petition, but nothing would reach it. */
export function actionNetworkWarnings(petitions: { id: string; action_network?: string }[], env: NodeJS.ProcessEnv) {
  if (env.ACTION_NETWORK_API_KEY) return [];
  return petitions.flatMap((p, i) =>
    p.action_network
      ? [
          `$.petitions[${i}].action_network: ACTION_NETWORK_API_KEY is not set, ` +
            `so "${p.id}" signatures are not sent to Action Network`,
        ]
      : [],
  );
}
