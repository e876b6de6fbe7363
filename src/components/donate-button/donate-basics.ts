/**
 * What the closed `<donate-button>` checks at page load, so a webmaster sees a bad setting on
 * the first render: the provider and account, and the amounts (plain numbers, within min and
 * max). What needs Intl or the provider's rules (currency, Stripe links, a template's address)
 * is checked by lazy/donate-config.ts, which loads with the panel on the first click. Keep this
 * file small: it is in the entry script.
 */
import type { AttributeProblem } from '../../core/attribute-check.js';
import type { DonateSettings } from '../../core/feed-types.js';
import type { MessageKey } from '../../i18n/index.js';

/**
 * Whitespace trimmed without the host's patchable `String.prototype.trim` (as url.ts's
 * `trim`: a value import from core here makes rolldown split Lit out of the entry).
 */
const trim = (text: string): string => text.replace(/^\s+|\s+$/g, '');

/** The providers a `<donate-button>` knows; lazy/providers.ts has one entry for each (the type check enforces it). */
export const PROVIDER_NAMES = ['actblue', 'stripe', 'paypal', 'liberapay', 'opencollective', 'url'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

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

/** A setting that stops donations: what is wrong with it, and what is expected (see AttributeProblem). */
export const problem = (
  name: string,
  value: string,
  hint: MessageKey,
  params?: Record<string, string>,
): { problem: AttributeProblem } => ({ problem: { name, value, hint, params } });

/** Provider, account, template and amounts (attributes over the feed), or the problem with them. */
export function basics(a: DonateAttributes, f: DonateSettings = {}) {
  const provider = trim(a.provider || f.provider || '').toLowerCase() as ProviderName;
  const account = trim(a.account || f.account || '');
  const template = trim(a.template || f.template || '');
  if (!PROVIDER_NAMES.includes(provider)) {
    return problem('provider', provider, 'donate.use-provider', { names: PROVIDER_NAMES.join(', ') });
  }
  const needed = provider === 'url' ? 'template' : 'account';
  if (!(provider === 'url' ? template : account)) return problem(needed, '', 'donate.needed', { provider });
  const numbers = (
    name: string,
    text: string | null | undefined,
    fallback: number[] | number | undefined,
  ): number[] => {
    if (text == null || !trim(text)) return [fallback ?? []].flat();
    const list = text.split(',').map(Number);
    if (list.some((n) => !(n > 0 && n < Infinity))) throw [name, text];
    return list;
  };
  let amounts: number[], defaults: number[], min: number, max: number;
  try {
    amounts = numbers('amounts', a.amounts, f.amounts ?? [10, 25, 50, 100]);
    defaults = numbers('default-amount', a.defaultAmount, f.default_amount);
    min = numbers('min', a.min, f.min ?? 1)[0];
    max = numbers('max', a.max, f.max ?? Infinity)[0];
  } catch (e) {
    const [name, text] = e as string[];
    return problem(name, text, 'donate.use-numbers');
  }
  const outside = [...amounts, ...defaults].find((n) => n < min || n > max);
  if (outside !== undefined || min > max) {
    const name = outside === undefined ? 'min' : amounts.includes(outside) ? 'amounts' : 'default-amount';
    return problem(name, String(outside ?? min), 'donate.use-range', {
      range: `${min}${max < Infinity ? `–${max}` : ''}`,
    });
  }
  return { provider, account, template, amounts, defaultAmount: defaults[0] as number | undefined, min, max };
}

/** Intl options for showing an amount: `$25`, `$25.50`, `¥1,000`. */
export const moneyFormat = (amount: number, currency: string): Intl.NumberFormatOptions => ({
  style: 'currency',
  currency,
  minimumFractionDigits: Number.isInteger(amount) ? 0 : undefined,
});
