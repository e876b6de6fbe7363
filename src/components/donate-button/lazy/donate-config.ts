/**
 * The full check of a `<donate-button>`'s settings: its attributes over the feed's `donate`
 * object. Loaded with the panel on the first click (../donate-basics.ts did the cheap part).
 */
import type { DonateSettings } from '../../../core/feed-types.js';
import { safeUrl } from '../../../core/url.js';
import type { AttributeProblem } from '../../../core/attribute-check.js';
import { basics, type DonateAttributes, type ProviderName } from '../donate-basics.js';

/** A problem found only here: the message says donations are unavailable; `detail` tells the console why. */
const unavailable = (name: string, value: string, detail: string): { problem: AttributeProblem } => ({
  problem: { name, value, hint: 'donate.unavailable', detail },
});

export interface DonateConfig {
  provider: ProviderName;
  account: string;
  template: string;
  /** Preset amounts, in major units. */
  amounts: number[];
  /** ISO 4217, upper case. */
  currency: string;
  /** Whether monthly gifts may be offered. */
  recurring: boolean;
  defaultAmount?: number;
  min: number;
  max: number;
  /** From the attribute or the feed; the page address fills it in at click time when empty. */
  refcode: string;
  target: '_self' | '_blank';
}

/** Decimal places of a currency (2 for USD, 0 for JPY), from Intl. */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** An amount as a plain number for a URL: `25`, `25.50`. */
export function plainAmount(amount: number, currency: string): string {
  return Number.isInteger(amount) ? String(amount) : amount.toFixed(currencyDigits(currency));
}

/**
 * The settings in force, or the problem that stops donations; `notes` are lesser problems
 * (a value ignored for its default) for the console.
 */
export function resolveConfig(
  a: DonateAttributes,
  f: DonateSettings = {},
): { config?: DonateConfig; problem?: AttributeProblem; notes?: string[] } {
  const b = basics(a, f);
  if ('problem' in b) return b;
  const { provider, account, template, amounts, defaultAmount, min, max } = b;
  const recurring = a.recurring ?? f.recurring ?? false;
  const links = stripeLinks(account);
  if (
    provider === 'stripe' &&
    !(links?.every((l) => safeUrl(l.url, { context: 'Stripe link' })) && links.some((l) => recurring || !l.monthly))
  ) {
    return unavailable(
      'account',
      account,
      'list one Stripe payment link per amount (monthly ones need recurring), like "10:https://buy.stripe.com/…, 25/month:https://buy.stripe.com/…"',
    );
  }
  if (provider === 'url' && !safeUrl(template.replace(/\{\w+\}/g, '1'), { context: 'donate template' })) {
    return unavailable('template', template, 'it must be an http(s) address');
  }
  const currency = (a.currency || f.currency || 'USD').trim().toUpperCase();
  try {
    if (!/^[A-Z]{3}$/.test(currency)) throw 0;
    currencyDigits(currency);
  } catch {
    return unavailable('currency', currency, 'it is not an ISO 4217 currency code');
  }
  if (provider === 'actblue' && currency !== 'USD')
    return unavailable('currency', currency, 'ActBlue takes US dollars (USD) only');
  const target = a.target === '_blank' ? '_blank' : '_self';
  return {
    notes: [
      a.target && a.target !== target && `target "${a.target}" is not _self or _blank; using _self.`,
      provider === 'paypal' &&
        recurring &&
        'a PayPal link cannot preset a monthly gift: the panel offers one-time gifts, and donors may tick "monthly" on PayPal’s page.',
      provider === 'liberapay' && !recurring && 'Liberapay gifts are always recurring: the panel offers monthly gifts.',
    ].filter((n): n is string => !!n),
    config: {
      provider,
      account,
      template,
      amounts,
      currency,
      recurring,
      defaultAmount,
      min,
      max,
      refcode: (a.refcode || f.refcode || '').trim(),
      target,
    },
  };
}

/**
 * Stripe Payment Links cannot take an arbitrary amount, so `account` names one link per
 * amount and frequency: `10:https://buy.stripe.com/…, 25:https://…, 25/month:https://…`.
 */
export function stripeLinks(account: string): { amount: number; monthly: boolean; url: string }[] | undefined {
  const links = [];
  for (const entry of account.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d+(?:\.\d+)?)(\/month)?:(https:\/\/.+)$/.exec(entry);
    if (!m) return undefined;
    links.push({ amount: Number(m[1]), monthly: !!m[2], url: m[3] });
  }
  return links.length ? links : undefined;
}

/** `refcode` falls back to `?refcode=`, then `?source=`, of the host page's address. */
export function pageRefcode(config: DonateConfig): string {
  const q = new URLSearchParams(location.search);
  return config.refcode || q.get('refcode') || q.get('source') || '';
}
