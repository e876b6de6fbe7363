import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '../../core/feed-loader.js';
import type { SolidarityEventMap } from '../../core/events.js';
import { jsonUrl, sampleFeed } from '../../../test/fixtures/feed.js';
import { feedFixture } from '../../../test/util.js';
import { OrgFeed } from '../org-feed/org-feed.js';
import { DonateButton } from './donate-button.js';

DonateButton.define('donate-button');
OrgFeed.define('org-feed');

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
function nextClick(el: HTMLElement): Promise<Detail> {
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

/**
 * Mounts markup in a plain wrapper (a `lang`, say). Not open-wc's fixture: for a non-Lit root
 * it waits for an animation frame, which a background tab never gets when files run in parallel.
 */
const mounted: HTMLElement[] = [];
function mount(markup: string, attrs: Record<string, string> = {}): HTMLElement {
  const div = document.createElement('div');
  for (const [k, v] of Object.entries(attrs)) div.setAttribute(k, v);
  div.innerHTML = markup;
  document.body.append(div);
  mounted.push(div);
  return div;
}
afterEach(() => mounted.splice(0).forEach((d) => d.remove()));

/** Presses keys one by one. */
async function keys(...presses: string[]) {
  for (const press of presses) {
    if (press.startsWith('Shift+')) {
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: press.slice(6) });
      await sendKeys({ up: 'Shift' });
    } else await sendKeys({ press });
  }
}

describe('<donate-button>', () => {
  beforeEach(() => clearFeedCache());

  it('is accessible closed and open', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="actblue" account="x" recurring></donate-button>`);
    await expect(el).shadowDom.to.be.accessible();
    await openByKeyboard(el);
    await expect(el.shadowRoot!.querySelector('donate-button-panel')!).shadowDom.to.be.accessible();
  });

  const cases: {
    provider: string;
    markup: string;
    keys: string[];
    url: string;
    recurring: boolean;
    amount: number;
    currency: string;
    /** What the panel offers: amounts shown, a frequency choice, a custom amount. */
    offers: { amounts: string[]; frequency: boolean; custom: boolean };
  }[] = [
    {
      provider: 'actblue',
      markup: '<donate-button provider="actblue" account="riverside-workers" amounts="10,25,50" recurring refcode="site"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'ArrowRight', 'Tab', 'Enter'],
      url: 'https://secure.actblue.com/donate/riverside-workers?amount=25&recurring=true&refcode=site',
      recurring: true,
      amount: 25,
      currency: 'USD',
      offers: { amounts: ['$10', '$25', '$50'], frequency: true, custom: true },
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
      offers: { amounts: ['$10', '$25'], frequency: true, custom: false },
    },
    {
      provider: 'paypal',
      markup: '<donate-button provider="paypal" account="give@workers.example" currency="EUR" amounts="10,25,50" recurring></donate-button>',
      keys: ['ArrowRight', 'Tab', 'Enter'],
      url: 'https://www.paypal.com/donate?business=give%40workers.example&amount=25&currency_code=EUR',
      recurring: false,
      amount: 25,
      currency: 'EUR',
      offers: { amounts: ['€10', '€25', '€50'], frequency: false, custom: true },
    },
    {
      provider: 'liberapay',
      markup: '<donate-button provider="liberapay" account="Workers" currency="EUR" amounts="2,5,10"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'Enter'],
      url: 'https://liberapay.com/Workers/donate?currency=EUR&amount=5&period=monthly',
      recurring: true,
      amount: 5,
      currency: 'EUR',
      offers: { amounts: ['€2', '€5', '€10'], frequency: false, custom: true },
    },
    {
      provider: 'opencollective',
      markup: '<donate-button provider="opencollective" account="workers" amounts="5,10,20" recurring refcode="blog"></donate-button>',
      keys: ['ArrowRight', 'Tab', 'ArrowRight', 'Tab', 'Enter'],
      url: 'https://opencollective.com/workers/donate?amount=10&interval=month&tags=blog',
      recurring: true,
      amount: 10,
      currency: 'USD',
      offers: { amounts: ['$5', '$10', '$20'], frequency: true, custom: true },
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
      offers: { amounts: ['¥1,000', '¥3,000'], frequency: true, custom: true },
    },
  ];

  for (const c of cases) {
    it(`${c.provider}: an amount and a frequency chosen by keyboard alone lead to the documented URL`, async () => {
      const el = await fixture<DonateButton>(c.markup);
      await openByKeyboard(el);
      await expect(el.shadowRoot!.querySelector('donate-button-panel')!).shadowDom.to.be.accessible();
      const root = panelRoot(el)!;
      const chips = [...root.querySelectorAll('[part=amounts] .chip')].map((l) => l.textContent);
      expect(chips).to.deep.equal([...c.offers.amounts, ...(c.offers.custom ? ['Other'] : [])]);
      expect(!!root.querySelector('[part=frequency]')).to.equal(c.offers.frequency);
      const clicked = nextClick(el);
      await keys(...c.keys);
      expect(await clicked).to.deep.equal({ provider: c.provider, amount: c.amount, currency: c.currency, recurring: c.recurring, url: c.url });
      await waitUntil(() => !dialogOf(el)!.open, 'the panel closes');
      expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[part=button]'));
    });
  }

  it('traps focus inside the open panel; Escape closes it and focus returns to the button', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="paypal" account="x"></donate-button>`);
    await openByKeyboard(el);
    const root = panelRoot(el)!;
    expect(deepActive()).to.equal(root.querySelector('input:checked'));
    await keys('Shift+Tab');
    expect(deepActive()).to.equal(root.querySelector('.close'));
    await keys('Shift+Tab');
    expect(deepActive()).to.equal(root.querySelector('.cta'));
    await keys('Tab');
    expect(deepActive()).to.equal(root.querySelector('.close'));
    await keys('Tab');
    expect(deepActive()!.matches('input[type=radio]')).to.be.true;
    await keys('Escape');
    await waitUntil(() => !dialogOf(el)!.open, 'Escape closes the panel');
    expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[part=button]'));
  });

  it('the close button closes the panel and gives focus back', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="paypal" account="x"></donate-button>`);
    await openByKeyboard(el);
    await keys('Shift+Tab', 'Enter');
    await waitUntil(() => !dialogOf(el)!.open, 'closed');
    expect(deepActive()).to.equal(el.shadowRoot!.querySelector('[part=button]'));
  });

  it('a custom amount below the minimum is a field error, announced and localized; fixing it goes on', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="actblue" account="x" amounts="10,25" min="5"></donate-button>`);
    let clicks = 0;
    el.addEventListener('donate-click', () => clicks++);
    await openByKeyboard(el);
    const root = panelRoot(el)!;
    await keys('ArrowLeft'); // wraps to the last radio: "Other"
    await waitUntil(() => root.querySelector('#custom'), 'the custom field appears');
    await keys('Tab');
    const input = root.querySelector<HTMLInputElement>('#custom')!;
    expect(deepActive()).to.equal(input);
    await sendKeys({ type: '2' });
    await keys('Enter');
    await waitUntil(() => input.getAttribute('aria-invalid') === 'true', 'marked invalid');
    const error = root.getElementById(input.getAttribute('aria-describedby')!)!;
    expect(error.textContent).to.equal('The smallest gift is $5.');
    expect(deepActive()).to.equal(input);
    expect(clicks).to.equal(0);
    expect(dialogOf(el)!.open).to.be.true;
    await expect(el.shadowRoot!.querySelector('donate-button-panel')!).shadowDom.to.be.accessible();
    // The panel's parts can be styled from the host page.
    const style = document.createElement('style');
    style.textContent = 'donate-button::part(custom) { outline-color: rgb(1, 2, 3) }';
    document.head.append(style);
    expect(getComputedStyle(input).outlineColor).to.equal('rgb(1, 2, 3)');
    style.remove();
    const clicked = nextClick(el);
    await sendKeys({ type: '0' });
    await waitUntil(() => input.getAttribute('aria-invalid') === 'false', 'valid again as soon as it is');
    expect(input.hasAttribute('aria-describedby')).to.be.false;
    expect(root.querySelector('.cta')!.textContent!.trim()).to.equal('Give $20');
    await keys('Enter');
    expect((await clicked).url).to.equal('https://secure.actblue.com/donate/x?amount=20');
  });

  it('checks a custom amount’s decimals against the currency (none for JPY) and that it is a number', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="paypal" account="x" currency="JPY" amounts="1000"></donate-button>`);
    await openByKeyboard(el);
    const root = panelRoot(el)!;
    await keys('ArrowRight', 'Tab');
    await sendKeys({ type: '1500.5' });
    await keys('Enter');
    const error = () => root.querySelector('#error')?.textContent;
    await waitUntil(() => error(), 'an error');
    expect(error()).to.equal('Enter a whole amount, without decimals.');
    const input = root.querySelector<HTMLInputElement>('#custom')!;
    input.select();
    await sendKeys({ type: 'lots' });
    await waitUntil(() => error()?.startsWith('Enter an amount in numbers'), 'not a number');
    input.select();
    await sendKeys({ type: '1,500' });
    const clicked = nextClick(el);
    await keys('Enter');
    const detail = await clicked;
    expect(detail.amount).to.equal(1500);
    expect(detail.url).to.equal('https://www.paypal.com/donate?business=x&amount=1500&currency_code=JPY');
  });

  it('shows bad or missing settings on its first render (amounts too), warns once and offers no button', async () => {
    for (const [markup, text, warning] of [
      ['<donate-button provider="paypl" account="x"></donate-button>', 'The provider setting “paypl” is not valid. Use one of actblue, stripe,', '<donate-button> provider="paypl": The provider'],
      ['<donate-button provider="actblue"></donate-button>', 'The account setting is missing. The actblue provider needs it.', '<donate-button> account="": The account setting is missing'],
      ['<donate-button></donate-button>', 'The provider setting is missing.', '<donate-button> provider="": The provider setting is missing'],
      ['<donate-button provider="url"></donate-button>', 'The template setting is missing.', '<donate-button> template="": The template setting is missing'],
      ['<donate-button provider="actblue" account="x" amounts="ten,abc"></donate-button>', 'The amounts setting “ten,abc” is not valid. Use positive numbers', 'amounts="ten,abc"'],
      ['<donate-button provider="paypal" account="x" min="5" default-amount="2"></donate-button>', 'The default-amount setting “2” is not valid. Use amounts within 5.', 'default-amount="2"'],
    ]) {
      const el = await expectAttributeMessage(markup, text, warning);
      expect(el.shadowRoot!.querySelector('button, a')).to.equal(null);
    }
  });

  it('settings only the panel’s code checks (currency, links) are reported on the first click', async () => {
    for (const [markup, text] of [
      ['<donate-button provider="paypal" account="x" currency="dollars"></donate-button>', 'The currency setting “DOLLARS” is not valid'],
      ['<donate-button provider="actblue" account="x" currency="EUR"></donate-button>', 'The currency setting “EUR” is not valid'],
      ['<donate-button provider="stripe" account="https://buy.stripe.com/x"></donate-button>', 'The account setting'],
      ['<donate-button provider="url" template="javascript:alert(1)//{amount}"></donate-button>', 'The template setting'],
    ]) {
      const el = await fixture<DonateButton>(markup);
      await openByKeyboard(el).catch(() => undefined);
      const message = await waitUntil(() => el.shadowRoot!.querySelector('[part=message]'), 'a message').then(() =>
        el.shadowRoot!.querySelector<HTMLElement>('[part=message]')!,
      );
      expect(message.textContent).to.contain(text);
      expect(deepActive()).to.equal(message);
      expect(dialogOf(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part=button]')).to.equal(null);
      await expect(el).shadowDom.to.be.accessible();
    }
  });

  it('writes the progress as Intl would, in English dollars (without Intl) and in other currencies and languages', async () => {
    for (const [lang, currency, raised, goal] of [
      ['en', 'USD', 0, 999],
      ['en-US', 'USD', 1000, 1234567],
      ['en', 'USD', 12.5, 100],
      ['en', 'EUR', 8450, 20000],
      ['en-IN', 'USD', 8450, 1234567],
      ['fr', 'EUR', 8450, 20000],
    ] as const) {
      clearFeedCache();
      const feed = { ...sampleFeed, donate: { provider: 'actblue', account: 'x', currency, goal, raised } };
      const el = await feedFixture<DonateButton>(html`<div lang=${lang}><donate-button feed=${jsonUrl(feed)}></donate-button></div>`, 'donate-button');
      const money = (n: number) => new Intl.NumberFormat(lang, { style: 'currency', currency, minimumFractionDigits: Number.isInteger(n) ? 0 : undefined }).format(n);
      await waitUntil(() => el.shadowRoot!.querySelector('#raised')?.textContent!.includes(money(goal)), `${lang} ${currency}: ${money(goal)}`);
      expect(el.shadowRoot!.querySelector('#raised')!.textContent).to.contain(money(raised));
    }
  });

  it('takes its settings from the feed, attributes first, and shows the fundraising progress', async () => {
    const feed = {
      ...sampleFeed,
      donate: { provider: 'actblue', account: 'riverside-workers', amounts: [10, 25, 50], currency: 'USD', recurring: true, default_amount: 25, goal: 20000, raised: 8450 },
    };
    const el = await feedFixture<DonateButton>(html`<donate-button feed=${jsonUrl(feed)} amounts="5,25,100" refcode="override"></donate-button>`);
    const progress = el.shadowRoot!.querySelector('progress')!;
    expect(progress.max).to.equal(20000);
    expect(progress.value).to.equal(8450);
    expect(el.shadowRoot!.getElementById(progress.getAttribute('aria-labelledby')!)!.textContent).to.equal('$8,450 raised of $20,000');
    await expect(el).shadowDom.to.be.accessible();
    await openByKeyboard(el);
    const root = panelRoot(el)!;
    expect(root.querySelector('h2')!.textContent).to.equal('Donate to Test Workers');
    expect([...root.querySelectorAll('[part=amounts] .chip')].map((l) => l.textContent)).to.deep.equal(['$5', '$25', '$100', 'Other']);
    expect(root.querySelector<HTMLInputElement>('input:checked')!.parentElement!.textContent).to.equal('$25');
    const clicked = nextClick(el);
    await keys('Tab', 'ArrowRight', 'Tab', 'Enter');
    expect((await clicked).url).to.equal('https://secure.actblue.com/donate/riverside-workers?amount=25&recurring=true&refcode=override');
  });

  it('uses the light-DOM link: readable before the script runs, then the button’s label', async () => {
    const wrapper = mount('<donate-later provider="actblue" account="x"><a href="https://secure.actblue.com/donate/x">Give to the strike fund</a></donate-later>');
    const link = wrapper.querySelector('a')!;
    expect(link.getClientRects().length).to.be.greaterThan(0);
    customElements.define('donate-later', class extends DonateButton {});
    const el = wrapper.querySelector('donate-later') as DonateButton;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=button]')!.textContent).to.equal('Give to the strike fund');
    expect(link.getClientRects().length).to.equal(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('speaks the page’s language: Spanish labels, amounts in the reader’s locale', async () => {
    const wrapper = mount('<donate-button provider="opencollective" account="obreros" currency="EUR" amounts="5,10" recurring></donate-button>', { lang: 'es' });
    const el = wrapper.querySelector('donate-button')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part=button]')?.textContent === 'Donar', 'Spanish strings load');
    await openByKeyboard(el);
    const root = panelRoot(el)!;
    await keys('Tab', 'ArrowRight');
    await waitUntil(() => root.querySelector('.cta')!.textContent!.includes('al mes'), 'monthly');
    expect(root.querySelector('.cta')!.textContent!.trim().replace(/\s/g, ' ')).to.equal('Donar 5 € al mes');
    expect(root.querySelector('[part=frequency] legend')!.textContent).to.equal('Frecuencia');
    await expect(el.shadowRoot!.querySelector('donate-button-panel')!).shadowDom.to.be.accessible();
  });

  it('target="_blank" opens a new tab without opener; preventDefault() stops it', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="paypal" account="x" target="_blank" amounts="10"></donate-button>`);
    const opened: unknown[][] = [];
    const original = window.open;
    window.open = (...args: unknown[]) => (opened.push(args), null);
    allowNavigation = true;
    try {
      await openByKeyboard(el);
      expect(panelRoot(el)!.querySelector('.note')!.textContent).to.contain('It opens in a new tab.');
      const stop = (e: Event) => e.preventDefault();
      el.addEventListener('donate-click', stop, { once: true });
      await keys('Tab', 'Enter');
      await waitUntil(() => !dialogOf(el)!.open, 'closed');
      expect(opened).to.deep.equal([]);
      await keys('Enter');
      await waitUntil(() => dialogOf(el)!.open, 'open again');
      await keys('Tab', 'Enter');
      await waitUntil(() => opened.length === 1, 'window.open');
      expect(opened[0]).to.deep.equal(['https://www.paypal.com/donate?business=x&amount=10&currency_code=USD', '_blank', 'noopener']);
    } finally {
      window.open = original;
      allowNavigation = false;
    }
  });

  it('takes the refcode from ?refcode= or ?source= of the page when none is set', async () => {
    const here = location.href;
    history.replaceState(null, '', '?source=newsletter');
    try {
      const el = await fixture<DonateButton>(html`<donate-button provider="actblue" account="x" amounts="10"></donate-button>`);
      await openByKeyboard(el);
      const clicked = nextClick(el);
      await keys('Tab', 'Enter');
      expect((await clicked).url).to.equal('https://secure.actblue.com/donate/x?amount=10&refcode=newsletter');
    } finally {
      history.replaceState(null, '', here);
    }
  });

  it('keeps hostile settings inert: text stays text, addresses stay on the provider', async () => {
    // eslint-disable-next-line lit/attribute-value-entities -- the hostile value is the point
    const el = await fixture<DonateButton>(html`<donate-button provider="actblue" account='"><img src=x onerror="window.__pwned=1">' amounts="10">
      &lt;img src=x onerror="window.__pwned=1"&gt;</donate-button
    >`);
    expect(el.shadowRoot!.querySelector('[part=button]')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    await openByKeyboard(el);
    const clicked = nextClick(el);
    await keys('Tab', 'Enter');
    const { url } = await clicked;
    expect(new URL(url).origin).to.equal('https://secure.actblue.com');
    expect(url).to.equal('https://secure.actblue.com/donate/%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E?amount=10');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says so when the feed it depends on fails, and keeps the plain link', async () => {
    const el = await feedFixture<DonateButton>(html`<donate-button feed="/no-such-feed.json"><a href="https://secure.actblue.com/donate/x">Donate</a></donate-button>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=message]')?.textContent, 'the message arrives');
    expect(el.shadowRoot!.querySelector('[part=message]')!.textContent).to.contain('not found');
    expect(el.shadowRoot!.querySelector('slot:not([hidden])')).to.not.equal(null);
    expect(el.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('works from its attributes when the feed fails', async () => {
    const el = await feedFixture<DonateButton>(html`<donate-button feed="/no-such-feed.json" provider="paypal" account="x"></donate-button>`);
    expect(el.shadowRoot!.querySelector('[part=button]')).to.not.equal(null);
  });

  it('takes its settings from an enclosing <org-feed>', async () => {
    const feed = { ...sampleFeed, donate: { provider: 'paypal', account: 'give@workers.example', amounts: [7], currency: 'GBP' } };
    const wrapper = mount(`<org-feed src="${jsonUrl(feed)}"><donate-button></donate-button></org-feed>`);
    const el = wrapper.querySelector('donate-button')!;
    await waitUntil(() => el.shadowRoot?.querySelector('[part=button]'), 'the button, once the feed is in', { timeout: 5000 });
    await openByKeyboard(el);
    const clicked = nextClick(el);
    await keys('Tab', 'Enter');
    expect((await clicked).url).to.equal('https://www.paypal.com/donate?business=give%40workers.example&amount=7&currency_code=GBP');
  });

  it('when the panel’s code cannot load (offline), says so, and retries on the next click', async () => {
    const load = DonateButton.loadPanel;
    DonateButton.loadPanel = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    try {
      const el = await fixture<DonateButton>(html`<donate-button provider="paypal" account="x"></donate-button>`);
      await openByKeyboard(el).catch(() => undefined);
      await waitUntil(() => el.shadowRoot!.querySelector('[part=message]'), 'a message');
      expect(el.shadowRoot!.querySelector('[part=message]')!.textContent).to.contain('could not be reached');
      await expect(el).shadowDom.to.be.accessible();
      DonateButton.loadPanel = load;
      await keys('Enter');
      await waitUntil(() => dialogOf(el)?.open, 'opens once the code loads');
      expect(el.shadowRoot!.querySelector('[part=message]')).to.equal(null);
    } finally {
      DonateButton.loadPanel = load;
    }
  });

  it('warns once about a target it does not know, and stays in the same tab', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      const el = await fixture<DonateButton>(html`<donate-button provider="paypal" account="x" target="_top" amounts="10"></donate-button>`);
      await openByKeyboard(el);
      expect(warnings.filter((w) => w.includes('target "_top"')).length).to.equal(1);
      expect(panelRoot(el)!.querySelector('.note')!.textContent).not.to.contain('new tab');
    } finally {
      console.warn = warn;
    }
  });

  it('checks a custom amount against the maximum and the currency’s two decimals', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="actblue" account="x" amounts="10" max="500"></donate-button>`);
    await openByKeyboard(el);
    const root = panelRoot(el)!;
    await keys('ArrowRight', 'Tab');
    const input = root.querySelector<HTMLInputElement>('#custom')!;
    const error = () => root.querySelector('#error')?.textContent;
    await sendKeys({ type: '1000' });
    await keys('Enter');
    await waitUntil(() => error(), 'an error');
    expect(error()).to.equal('The largest gift is $500.');
    input.select();
    await sendKeys({ type: '12.345' });
    await keys('Enter');
    await waitUntil(() => error() === 'Use at most 2 decimal places.', 'decimals');
    input.select();
    await sendKeys({ type: '12.50' });
    await waitUntil(() => !error(), 'valid');
    expect(root.querySelector('.cta')!.textContent!.trim()).to.equal('Give $12.50');
    const clicked = nextClick(el);
    await keys('Enter');
    expect(await clicked).to.deep.include({ amount: 12.5, url: 'https://secure.actblue.com/donate/x?amount=12.50' });
  });

  it('starts on the default amount, in the custom field when it is not a preset', async () => {
    const el = await fixture<DonateButton>(html`<donate-button provider="actblue" account="x" amounts="10,25" default-amount="35"></donate-button>`);
    await openByKeyboard(el);
    const root = panelRoot(el)!;
    expect(root.querySelector<HTMLInputElement>('#custom')!.value).to.equal('35');
    expect(root.querySelector('.cta')!.textContent!.trim()).to.equal('Give $35');
  });
});
