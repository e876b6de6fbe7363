import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DonateButton } from '../src/components/donate-button/donate-button.js';
import { PROVIDER_NAMES } from '../src/components/donate-button/donate-basics.js';
import { FEED, MISSING_FEED, frame } from './helpers.js';

DonateButton.define('donate-button');

interface Args {
  feed?: string;
  provider?: string;
  account?: string;
  template?: string;
  amounts?: string;
  currency?: string;
  recurring?: boolean;
  'default-amount'?: string;
  min?: string;
  max?: string;
  refcode?: string;
  target?: string;
  /** Light-DOM content: a plain link to the provider's page. */
  link?: string;
}

/**
 * In the docs, choosing never leaves the page: the `donate-click` event is cancelled and its
 * detail shown below the widget instead (a host page can do the same to count or reroute).
 */
function showClicks(story: () => unknown) {
  const shown = (e: CustomEvent) => {
    e.preventDefault();
    const out = (e.currentTarget as HTMLElement).querySelector('output')!;
    out.textContent = `donate-click: ${JSON.stringify(e.detail)}`;
  };
  return html`<div @donate-click=${shown}>${story()}<p><output></output></p></div>`;
}

/** Opens the panel, as a reader's click would. */
async function openPanel({ canvasElement }: { canvasElement: HTMLElement }) {
  const el = canvasElement.querySelector('donate-button')!;
  const button = () => el.shadowRoot?.querySelector<HTMLButtonElement>('[part=button]');
  // The feed may still be loading: wait for the button (or a message) to appear.
  for (let i = 0; i < 150 && !button() && !el.shadowRoot?.querySelector('[part=message]:not([role=status])'); i++)
    await pause(20);
  button()?.click();
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const meta: Meta<Args> = {
  title: 'Widgets/donate-button',
  component: 'donate-button',
  args: { feed: FEED },
  argTypes: {
    provider: { control: 'select', options: [...PROVIDER_NAMES] },
    target: { control: 'inline-radio', options: ['_self', '_blank'] },
    recurring: { control: 'boolean' },
  },
  decorators: [showClicks],
  render: (a) =>
    html`<donate-button
      feed=${ifDefined(a.feed || undefined)}
      provider=${ifDefined(a.provider)}
      account=${ifDefined(a.account)}
      template=${ifDefined(a.template)}
      amounts=${ifDefined(a.amounts)}
      currency=${ifDefined(a.currency)}
      ?recurring=${a.recurring}
      default-amount=${ifDefined(a['default-amount'])}
      min=${ifDefined(a.min)}
      max=${ifDefined(a.max)}
      refcode=${ifDefined(a.refcode)}
      target=${ifDefined(a.target)}
      >${a.link ? html`<a href=${a.link}>Donate</a>` : ''}</donate-button
    >`,
  parameters: {
    docs: {
      description: {
        component:
          'A donate button: the reader chooses an amount and how often in an accessible panel, then goes to the organization’s own payment provider with everything prefilled (no card data ever touches this script). Settings come from the feed’s `donate` object; attributes override them. Put a plain link to the provider’s page inside the tag: it works before the script runs, and labels the button after. In these docs the `donate-click` event is cancelled and shown below the widget instead of leaving the page.',
      },
    },
  },
};
export default meta;
type Story = StoryObj<Args>;

/** The organization's feed gives the provider (ActBlue), amounts, monthly gifts and the fundraising progress. */
export const FromTheFeed: Story = { name: 'From the feed' };

/**
 * The panel open: preset amounts as a radio group, a custom amount, one-time or monthly,
 * and a call to action that says what happens.
 */
export const PanelOpen: Story = { name: 'Panel open', play: openPanel };

/** ActBlue from attributes alone, no feed. Monthly links need ActBlue's approval for the organization. */
export const ActBlue: Story = {
  args: {
    feed: undefined,
    provider: 'actblue',
    account: 'riverside-workers',
    amounts: '10,25,50,100',
    recurring: true,
    'default-amount': '25',
    refcode: 'docs',
  },
  play: openPanel,
};

/**
 * Stripe Payment Links cannot take an amount: `account` lists one link per amount and frequency,
 * and only those amounts are offered.
 */
export const Stripe: Story = {
  args: {
    feed: undefined,
    provider: 'stripe',
    account:
      '10:https://buy.stripe.com/test_ten, 25:https://buy.stripe.com/test_25, 25/month:https://buy.stripe.com/test_25m',
    recurring: true,
  },
  play: openPanel,
};

/** PayPal: one-time gifts in any currency PayPal takes (donors may tick "monthly" on PayPal's own page). */
export const PayPal: Story = {
  args: {
    feed: undefined,
    provider: 'paypal',
    account: 'donations@workers.example',
    currency: 'EUR',
    amounts: '5,10,20',
    recurring: true,
  },
  play: openPanel,
};

/** Liberapay: recurring donations only, so the panel offers monthly gifts. */
export const Liberapay: Story = {
  args: { feed: undefined, provider: 'liberapay', account: 'Workers', currency: 'EUR', amounts: '2,5,10' },
  play: openPanel,
};

/** Open Collective: one-time or monthly, in the collective's own currency. */
export const OpenCollective: Story = {
  name: 'Open Collective',
  args: { feed: undefined, provider: 'opencollective', account: 'workers', amounts: '5,10,25', recurring: true },
  play: openPanel,
};

/**
 * Any other page: a `template` with `{amount}`, `{currency}`, `{recurring}` and `{refcode}`.
 * A zero-decimal currency (JPY) here.
 */
export const UrlTemplate: Story = {
  name: 'URL template (JPY)',
  args: {
    feed: undefined,
    provider: 'url',
    template: 'https://donate.workers.example/give?amount={amount}&currency={currency}&every={recurring}&ref={refcode}',
    currency: 'JPY',
    amounts: '1000,3000,5000',
    recurring: true,
  },
  play: openPanel,
};

/** A custom amount below the minimum: the field says so, in the reader's language, and nothing is sent. */
export const CustomAmountTooSmall: Story = {
  name: 'Custom amount below the minimum',
  args: { feed: undefined, provider: 'actblue', account: 'riverside-workers', amounts: '10,25', min: '5' },
  play: async (ctx) => {
    await openPanel(ctx);
    const el = ctx.canvasElement.querySelector('donate-button')!;
    const panel = () => el.shadowRoot!.querySelector('donate-button-panel')?.shadowRoot;
    for (let i = 0; i < 150 && !panel()?.querySelector('dialog[open]'); i++) await pause(20);
    const root = panel();
    if (!root) return;
    const radios = root.querySelectorAll<HTMLInputElement>('input[type=radio]');
    radios[radios.length - 1].click();
    await pause(50);
    const input = root.querySelector<HTMLInputElement>('#custom')!;
    input.value = '2';
    input.dispatchEvent(new Event('input'));
    root.querySelector<HTMLButtonElement>('.cta')!.click();
  },
};

/** A plain link inside the tag: readable and working before the script runs; afterwards its text labels the button. */
export const WithFallbackLink: Story = {
  name: 'Slotted fallback link',
  args: {
    feed: undefined,
    provider: 'actblue',
    account: 'riverside-workers',
    link: 'https://secure.actblue.com/donate/riverside-workers',
  },
};

/** Opens the provider in a new tab (`target="_blank"`); the panel says so. */
export const NewTab: Story = { name: 'Opens in a new tab', args: { target: '_blank' }, play: openPanel };

export const Spanish: Story = { decorators: [frame({ lang: 'es' })] };
export const SpanishPanelOpen: Story = {
  name: 'Spanish, panel open',
  decorators: [frame({ lang: 'es' })],
  play: openPanel,
};
export const French: Story = { decorators: [frame({ lang: 'fr' })] };
export const FrenchPanelOpen: Story = {
  name: 'French, panel open (EUR)',
  args: { currency: 'EUR', provider: 'paypal', account: 'dons@travailleurs.example' },
  decorators: [frame({ lang: 'fr' })],
  play: openPanel,
};
export const RightToLeft: Story = { name: 'Right to left', decorators: [frame({ dir: 'rtl' })], play: openPanel };
export const DarkTokens: Story = { name: 'Dark tokens', decorators: [frame({ theme: 'dark' })], play: openPanel };

/** Bad settings give a clear message in the widget and one console warning, never a broken link. */
export const UnknownProvider: Story = {
  name: 'Unknown provider',
  args: { feed: undefined, provider: 'paypl', account: 'x' },
};
export const MissingAccount: Story = { name: 'Missing account', args: { feed: undefined, provider: 'actblue' } };
/** Amounts, currency and links are checked on the first click, when the panel's code loads. */
export const AmountsNotNumbers: Story = {
  name: 'Amounts that are not numbers',
  args: { feed: undefined, provider: 'actblue', account: 'x', amounts: '10,twenty' },
  play: openPanel,
};
export const FeedFailing: Story = { name: 'Feed failing', args: { feed: MISSING_FEED } };
