import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '../../core/feed-loader.js';
import type { SolidarityEventMap } from '../../core/events.js';
import { jsonUrl, sampleFeed } from '../../../test/fixtures/feed.js';
import { feedFixture } from '../../../test/util.js';
import { DonateButton } from './donate-button.js';

DonateButton.define('donate-button');

type Detail = SolidarityEventMap['donate-click'];

// A safety net: no test may navigate the test page away (a test that wants the
// default action sets allowNavigation and stubs window.open).
let allowNavigation = false;
addEventListener('donate-click', (e) => allowNavigation || e.preventDefault());

const panelRoot = (el: DonateButton) => el.shadowRoot!.querySelector('donate-button-panel')?.shadowRoot ?? null;
const dialogOf = (el: DonateButton) => panelRoot(el)?.querySelector('dialog') ?? null;

/** The focused element, looking through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Tabs to the donate button from a control before it, and presses Enter. */
async function openByKeyboard(el: DonateButton) {
  const before = document.createElement('button');
  before.textContent = 'before';
  el.before(before);
  before.focus();
  await sendKeys({ press: 'Tab' });
  expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[part=button]'));
  before.remove();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => dialogOf(el)?.open, 'the panel opens');
}

/** The next donate-click's detail; its navigation is prevented. */
function nextClick(el: Element): Promise<Detail> {
  return new Promise((resolve) =>
    el.addEventListener(
      'donate-click',
      (e) => {
        e.preventDefault();
        resolve(e.detail);
      },
      { once: true },
    ),
  );
}

/** Presses keys one by one. */
async function keys(...presses: string[]) {
  for (const press of presses) await sendKeys({ press });
}

describe('<donate-button>', () => {
  beforeEach(() => clearFeedCache());

  it('is accessible closed and open', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="actblue" account="x" recurring></donate-button>`);
    await expect(el).shadowDom.to.be.accessible();
    await openByKeyboard(el);
    await expect(el.shadowRoot!.querySelector('donate-button-panel')!).shadowDom.to.be.accessible();
  });

  const cases: { provider: string; markup: string; keys: string[]; url: string; recurring: boolean; amount: number; currency: string }[] = [
    {
      provider: 'actblue',
      markup: '<donate-button provider="actblue" account="riverside-workers" amounts="10,25,50" recurring refcode="site"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'ArrowRight', 'Tab', 'Enter'],
      url: 'https://secure.actblue.com/donate/riverside-workers?amount=25&recurring=true&refcode=site',
      recurring: true,
      amount: 25,
      currency: 'USD',
    },
    {
      provider: 'stripe',
      markup:
        '<donate-button provider="stripe" recurring refcode="site" account="10:https://buy.stripe.com/a, 25:https://buy.stripe.com/b, 25/month:https://buy.stripe.com/c"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'ArrowRight', 'Tab', 'Enter'],
      url: 'https://buy.stripe.com/c?client_reference_id=site',
      recurring: true,
      amount: 25,
      currency: 'USD',
    },
    {
      provider: 'paypal',
      markup: '<donate-button provider="paypal" account="give@workers.example" currency="EUR" amounts="10,25,50" recurring></donate-button>',
      keys: ['ArrowRight', 'Tab', 'Enter'],
      url: 'https://www.paypal.com/donate?business=give%40workers.example&amount=25&currency_code=EUR',
      recurring: false,
      amount: 25,
      currency: 'EUR',
    },
    {
      provider: 'liberapay',
      markup: '<donate-button provider="liberapay" account="Workers" currency="EUR" amounts="2,5,10"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'Enter'],
      url: 'https://liberapay.com/Workers/donate?currency=EUR&amount=5&period=monthly',
      recurring: true,
      amount: 5,
      currency: 'EUR',
    },
    {
      provider: 'opencollective',
      markup: '<donate-button provider="opencollective" account="workers" amounts="5,10,20" recurring refcode="blog"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'ArrowRight', 'Tab', 'Enter'],
      url: 'https://opencollective.com/workers/donate?amount=10&interval=month&tags=blog',
      recurring: true,
      amount: 10,
      currency: 'USD',
    },
    {
      provider: 'url',
      markup:
        '<donate-button provider="url" template="https://give.example/d?a={amount}&amp;c={currency}&amp;r={recurring}&amp;s={refcode}" currency="JPY" amounts="1000,3000" recurring refcode="a b"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'ArrowRight', 'Tab', 'Enter'],
      url: 'https://give.example/d?a=3000&c=JPY&r=monthly&s=a%20b',
      recurring: true,
      amount: 3000,
      currency: 'JPY',
    },
  ];

  for (const c of cases) {
    it(`${c.provider}: an amount and a frequency chosen by keyboard alone lead to the documented URL`, async () => {
      const el = await fixture<DonateButton>(c.markup);
      await openByKeyboard(el);
      await expect(el.shadowRoot!.querySelector('donate-button-panel')!).shadowDom.to.be.accessible();
      const clicked = nextClick(el);
      await keys(...c.keys);
      expect(await clicked).to.deep.equal({ provider: c.provider, amount: c.amount, currency: c.currency, recurring: c.recurring, url: c.url });
      await waitUntil(() => !dialogOf(el)!.open, 'the panel closes');
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[part=button]'));
    });
  }
});
