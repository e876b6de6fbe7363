/**
 * What the closed `<donate-button>` needs at page load: the provider and account, checked
 * cheaply. Everything else (amounts, currency, links) is checked by donate-config.ts, which
 * loads with the panel on the first click. Keep this file small: it is in the entry script.
 */
import type { DonateSettings } from '../../core/feed-types.js';

export const PROVIDER_NAMES = ['actblue', 'stripe', 'paypal', 'liberapay', 'opencollective', 'url'];

/** The attribute values as written (strings), `recurring` already a boolean when present. */
export interface DonateAttributes {
  provider?: string | null;
  account?: string | null;
  template?: string | null;
  amounts?: string | null;
  currency?: string | null;
  recurring?: boolean;
  defaultAmount?: string | null;
  min?: string | null;
  max?: string | null;
  refcode?: string | null;
  target?: string | null;
}

/**
 * A configuration problem: `name` is the setting (attribute name), `value` what it holds
 * (empty when missing), `warn` tells the webmaster what to do.
 */
export interface ConfigProblem {
  name: string;
  value: string;
  warn: string;
}

export const problem = (name: string, value: string, warn: string): { problem: ConfigProblem } => ({ problem: { name, value, warn } });

/** Provider, account and template (attributes over the feed), or the problem with them. */
export function basics(a: DonateAttributes, f: DonateSettings = {}) {
  const provider = (a.provider || f.provider || '').trim().toLowerCase();
  const account = (a.account || f.account || '').trim();
  const template = (a.template || f.template || '').trim();
  if (!PROVIDER_NAMES.includes(provider)) return problem('provider', provider, `use one of ${PROVIDER_NAMES.join(', ')}.`);
  if (provider == 'url' ? !template : !account) return problem(provider == 'url' ? 'template' : 'account', '', `${provider} needs it.`);
  return { provider, account, template };
}

/** Intl options for showing an amount: `$25`, `$25.50`, `¥1,000`. */
export const moneyFormat = (amount: number, currency: string): Intl.NumberFormatOptions => ({
  style: 'currency',
  currency,
  minimumFractionDigits: Number.isInteger(amount) ? 0 : undefined,
});
