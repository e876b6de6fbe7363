// Action Network's Record Signature Helper (OSDI): POST /api/v2/petitions/{id}/signatures/ with
// the OSDI-API-Token header and the signer as an OSDI person. The base URL is configurable
// (ACTION_NETWORK_URL) so tests can run against a stand-in on 127.0.0.1.
import type { OutboxEntry } from '../storage/outbox-types.js';
import type { EventBody } from './events.js';
import { outcomeOf, type Outcome } from './outcome.js';

export const ACTION_NETWORK_DEFAULT_URL = 'https://actionnetwork.org';

export interface ActionNetworkOptions {
  url: string;
  apiKey: string;
}

/** The petition id from what the feed gives: the id itself, or its API URL (…/petitions/ID). */
export function actionNetworkPetitionId(ref: string): string {
  const m = /\/petitions\/([^/?#]+)/.exec(ref);
  return m ? decodeURIComponent(m[1]) : ref.trim();
}

/** The signature as an OSDI record: the person, the widget's source as a tag and as referrer data. */
export function osdiSignature(data: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof data[k] === 'string' && data[k] !== '' ? (data[k] as string) : undefined);
  const postal = { postal_code: str('postal_code'), country: str('country') };
  const person = {
    given_name: str('given_name'),
    family_name: str('family_name'),
    email_addresses: [{ address: str('email') }],
    postal_addresses: postal.postal_code || postal.country ? [postal] : undefined,
    phone_numbers: str('phone') ? [{ number: str('phone') }] : undefined,
  };
  const source = str('source');
  return {
    person,
    comments: str('comment'),
    add_tags: source ? [source] : undefined,
    'action_network:referrer_data': { source, website: str('origin') },
  };
}

export function actionNetworkSender(opts: ActionNetworkOptions) {
  const base = opts.url.replace(/\/+$/, '');
  return async (ref: string, e: OutboxEntry, signal: AbortSignal): Promise<Outcome> => {
    const id = encodeURIComponent(actionNetworkPetitionId(ref));
    const { data } = JSON.parse(e.body) as EventBody;
    const res = await fetch(`${base}/api/v2/petitions/${id}/signatures/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'OSDI-API-Token': opts.apiKey },
      body: JSON.stringify(osdiSignature(data)),
      redirect: 'manual',
      signal,
    });
    return outcomeOf(res);
  };
}
