/**
 * One small object per payment provider: what it can do and the URL that hands the reader over with everything prefilled.
 * No card data ever touches our code. Each builder cites the provider's documentation.
 * Loaded with the panel; the settings were checked by donate-config.ts.
 */
import type { ProviderName } from '../donate-basics.js';
import { plainAmount, stripeLinks, type DonateConfig } from './donate-config.js';

/** What the reader chose. */
export interface Gift {
  amount: number;
  recurring: boolean;
  refcode: string;
}

export interface Provider {
  /** The provider's name as readers know it. */
  label(c: DonateConfig): string;
  /** Can it take a one-time gift, a monthly gift, any amount (not only preset links)? */
  once: boolean;
  monthly: boolean;
  anyAmount: boolean;
  /** Amounts it has a link for (only providers that cannot take any amount). */
  presets?(c: DonateConfig, monthly: boolean): number[];
  /** The URL to send the reader to; the caller still runs it through safeUrl. */
  url(c: DonateConfig, g: Gift): string;
}

/** `base` with query parameters added; empty values are left out. */
function withQuery(base: string, params: Record<string, string | false | undefined>): string {
  const u = new URL(base);
  for (const [k, v] of Object.entries(params)) if (v) u.searchParams.set(k, v);
  return u.href;
}

const slug = (c: DonateConfig) => encodeURIComponent(c.account);

/** One entry per name in PROVIDER_NAMES (donate-basics.ts), the one list of providers. */
export const providers: Record<ProviderName, Provider> = {
  /**
   * ActBlue contribution form links: `amount` preselects the amount, `recurring=true` presets a
   * monthly gift, `refcode` tracks the source.
   * https://help.actblue.com/hc/en-us/articles/16870060622359-Using-the-Custom-URL-Builder
   * https://support.actblue.com/campaigns/contribution-form-features/weekly-recurring/ ("swap out &recurring=true")
   * Pre-set recurring links only work once ActBlue has approved the organization for them:
   * https://help.actblue.com/hc/en-us/articles/16870090927895-Pre-set-Recurring-Form-Policy-and-Approval-Process
   * ActBlue takes US dollars only.
   */
  actblue: {
    label: () => 'ActBlue',
    once: true,
    monthly: true,
    anyAmount: true,
    url: (c, g) =>
      withQuery(`https://secure.actblue.com/donate/${slug(c)}`, {
        amount: plainAmount(g.amount, c.currency),
        recurring: g.recurring && 'true',
        refcode: g.refcode,
      }),
  },

  /**
   * Stripe Payment Links: a link is one price, so no amount in the URL; `client_reference_id`
   * (letters, digits, `-`, `_`, up to 200) carries the refcode.
   * https://docs.stripe.com/payment-links/url-parameters
   */
  stripe: {
    label: () => 'Stripe',
    once: true,
    monthly: true,
    anyAmount: false,
    presets: (c, monthly) => (stripeLinks(c.account) ?? []).filter((l) => l.monthly === monthly).map((l) => l.amount),
    url: (c, g) =>
      withQuery(stripeLinks(c.account)!.find((l) => l.amount === g.amount && l.monthly === g.recurring)!.url, {
        client_reference_id: g.refcode.replace(/[^\w-]/g, '_').slice(0, 200),
      }),
  },

  /**
   * PayPal Donate: `business` (account email or merchant ID), `amount`, `currency_code`;
   * `item_number` is the campaign code. Donors tick "Make this a monthly donation" on PayPal's
   * own page; a link cannot preset it, so the panel offers one-time gifts only.
   * https://developer.paypal.com/docs/paypal-payments-standard/integration-guide/html-example-donate
   * https://developer.paypal.com/docs/paypal-payments-standard/integration-guide/checkout-exp-donate
   */
  paypal: {
    label: () => 'PayPal',
    once: true,
    monthly: false,
    anyAmount: true,
    url: (c, g) =>
      withQuery('https://www.paypal.com/donate', {
        business: c.account,
        amount: plainAmount(g.amount, c.currency),
        currency_code: c.currency,
        item_number: g.refcode,
      }),
  },

  /**
   * Liberapay: donations are recurring only. The donate page reads `currency`, `amount`
   * (ignored without `currency`) and `period` (`weekly`, `monthly`, `yearly`) from its query.
   * https://github.com/liberapay/liberapay.com/blob/master/templates/macros/your-tip.html
   */
  liberapay: {
    label: () => 'Liberapay',
    once: false,
    monthly: true,
    anyAmount: true,
    url: (c, g) =>
      withQuery(`https://liberapay.com/${slug(c)}/donate`, {
        currency: c.currency,
        amount: plainAmount(g.amount, c.currency),
        period: 'monthly',
      }),
  },

  /**
   * Open Collective contribution flow: `amount`, `interval` (`month` or `year`), `tags` (to
   * track the source). The currency is the collective's own.
   * https://documentation.opencollective.com/collectives/raising-money/creating-custom-fundraising-urls
   */
  opencollective: {
    label: () => 'Open Collective',
    once: true,
    monthly: true,
    anyAmount: true,
    url: (c, g) =>
      withQuery(`https://opencollective.com/${slug(c)}/donate`, {
        amount: plainAmount(g.amount, c.currency),
        interval: g.recurring && 'month',
        tags: g.refcode,
      }),
  },

  /** Any other page: `template` with `{amount}`, `{currency}`, `{recurring}`, `{refcode}`, URL-encoded. */
  url: {
    label: (c) => {
      try {
        return new URL(c.template).hostname;
      } catch {
        return c.template;
      }
    },
    once: true,
    monthly: true,
    anyAmount: true,
    url: fillTemplate,
  },
};

function fillTemplate(c: DonateConfig, g: Gift): string {
  const values: Record<string, string> = {
    amount: plainAmount(g.amount, c.currency),
    currency: c.currency,
    recurring: g.recurring ? 'monthly' : 'once',
    refcode: g.refcode,
  };
  return c.template.replace(/\{(amount|currency|recurring|refcode)\}/g, (_, k: string) => encodeURIComponent(values[k]));
}
