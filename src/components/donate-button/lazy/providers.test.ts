import { expect } from '@open-wc/testing';
import { basics } from '../donate-basics.js';
import {
  currencyDigits,
  pageRefcode,
  plainAmount,
  resolveConfig,
  stripeLinks,
  type DonateConfig,
} from './donate-config.js';
import { readAmount } from './donate-panel.js';
import { providers } from './providers.js';

const base: DonateConfig = {
  provider: 'actblue',
  account: 'riverside-workers',
  template: '',
  amounts: [10, 25, 50],
  currency: 'USD',
  recurring: true,
  min: 1,
  max: 10000,
  refcode: '',
  target: '_self',
};
const url = (c: Partial<DonateConfig>, amount: number, recurring: boolean, refcode = '') =>
  providers[c.provider!].url({ ...base, ...c }, { amount, recurring, refcode });

describe('donate providers', () => {
  it('ActBlue: amount, recurring=true for monthly, refcode', () => {
    expect(url({ provider: 'actblue' }, 25, true, 'email')).to.equal(
      'https://secure.actblue.com/donate/riverside-workers?amount=25&recurring=true&refcode=email',
    );
    expect(url({ provider: 'actblue' }, 25.5, false)).to.equal(
      'https://secure.actblue.com/donate/riverside-workers?amount=25.50',
    );
  });

  it('ActBlue: an odd account name is encoded, never a path', () => {
    expect(url({ provider: 'actblue', account: '../x?y' }, 5, false)).to.equal(
      'https://secure.actblue.com/donate/..%2Fx%3Fy?amount=5',
    );
  });

  it('Stripe: the link for that amount and frequency, refcode as client_reference_id', () => {
    const account = '10:https://buy.stripe.com/ten, 25:https://buy.stripe.com/tf 25/month:https://buy.stripe.com/tfm';
    expect(url({ provider: 'stripe', account }, 25, true, 'news letter!')).to.equal(
      'https://buy.stripe.com/tfm?client_reference_id=news_letter_',
    );
    expect(url({ provider: 'stripe', account }, 10, false)).to.equal('https://buy.stripe.com/ten');
    const p = providers.stripe;
    expect(p.presets!({ ...base, account }, false)).to.deep.equal([10, 25]);
    expect(p.presets!({ ...base, account }, true)).to.deep.equal([25]);
    expect(stripeLinks('25:http://evil.example')).to.equal(undefined);
    expect(stripeLinks('twenty:https://buy.stripe.com/x')).to.equal(undefined);
  });

  it('PayPal: business, amount, currency_code, item_number; no monthly', () => {
    expect(url({ provider: 'paypal', account: 'give@workers.example', currency: 'EUR' }, 25.5, false, 'site')).to.equal(
      'https://www.paypal.com/donate?business=give%40workers.example&amount=25.50&currency_code=EUR&item_number=site',
    );
    expect(providers.paypal.monthly).to.equal(false);
  });

  it('Liberapay: currency, amount, period=monthly; recurring only', () => {
    expect(url({ provider: 'liberapay', account: 'Workers', currency: 'EUR' }, 5, true)).to.equal(
      'https://liberapay.com/Workers/donate?currency=EUR&amount=5&period=monthly',
    );
    expect(providers.liberapay.once).to.equal(false);
  });

  it('Open Collective: amount, interval=month, tags', () => {
    expect(url({ provider: 'opencollective', account: 'workers' }, 42.42, true, 'blog')).to.equal(
      'https://opencollective.com/workers/donate?amount=42.42&interval=month&tags=blog',
    );
    expect(url({ provider: 'opencollective', account: 'workers' }, 10, false)).to.equal(
      'https://opencollective.com/workers/donate?amount=10',
    );
  });

  it('url: the template with every value URL-encoded', () => {
    const template = 'https://give.example/d?a={amount}&c={currency}&r={recurring}&src={refcode}';
    expect(url({ provider: 'url', template }, 25.5, true, 'a&b=c d')).to.equal(
      'https://give.example/d?a=25.50&c=USD&r=monthly&src=a%26b%3Dc%20d',
    );
    expect(url({ provider: 'url', template, currency: 'JPY' }, 1000, false)).to.equal(
      'https://give.example/d?a=1000&c=JPY&r=once&src=',
    );
  });

  it('amounts as plain numbers, with the currency’s decimals', () => {
    expect(plainAmount(25, 'USD')).to.equal('25');
    expect(plainAmount(25.5, 'USD')).to.equal('25.50');
    expect(plainAmount(7.125, 'KWD')).to.equal('7.125');
    expect(currencyDigits('JPY')).to.equal(0);
  });

  it('reads amounts as readers type them', () => {
    expect(readAmount('25', 'en')).to.equal('25');
    expect(readAmount('$1,000.50', 'en')).to.equal('1000.50');
    expect(readAmount('25,50 €', 'fr')).to.equal('25.50');
    expect(readAmount('1 000,5', 'fr')).to.equal('1000.5');
    expect(readAmount('25.50', 'es')).to.equal('25.50');
    expect(readAmount('1.000', 'es')).to.equal('1000');
    expect(readAmount('ten', 'en')).to.equal(undefined);
    expect(readAmount('-5', 'en')).to.equal(undefined);
    expect(readAmount('', 'en')).to.equal(undefined);
  });
});

describe('donate settings', () => {
  const ok = (a: object, f?: object) => resolveConfig(a, f).config!;
  const bad = (a: object, f?: object) => resolveConfig(a, f).problem!;

  it('attributes override the feed', () => {
    const c = ok(
      { amounts: '5, 15', currency: 'eur', recurring: false, provider: 'paypal' },
      {
        provider: 'actblue',
        account: 'x',
        amounts: [10],
        currency: 'USD',
        recurring: true,
        default_amount: 10,
      },
    );
    expect(c).to.include({ provider: 'paypal', account: 'x', currency: 'EUR', recurring: false });
    expect(c.amounts).to.deep.equal([5, 15]);
  });

  it('names the setting that is wrong', () => {
    expect(bad({ provider: 'paypl', account: 'x' })).to.include({ name: 'provider', value: 'paypl' });
    expect(bad({ provider: 'paypal' })).to.include({ name: 'account', value: '' });
    expect(bad({ provider: 'url' })).to.include({ name: 'template', value: '' });
    expect(bad({ provider: 'url', template: 'javascript:alert(1)//{amount}' })).to.include({ name: 'template' });
    expect(bad({ provider: 'paypal', account: 'x', amounts: '10,abc' })).to.include({
      name: 'amounts',
      value: '10,abc',
    });
    expect(bad({ provider: 'paypal', account: 'x', amounts: '10,-5' })).to.include({ name: 'amounts' });
    expect(bad({ provider: 'paypal', account: 'x', currency: 'dollars' })).to.include({
      name: 'currency',
      value: 'DOLLARS',
    });
    expect(bad({ provider: 'actblue', account: 'x', currency: 'EUR' })).to.include({ name: 'currency', value: 'EUR' });
    expect(bad({ provider: 'paypal', account: 'x', min: '5', defaultAmount: '2' })).to.include({
      name: 'default-amount',
      value: '2',
    });
    expect(bad({ provider: 'paypal', account: 'x', max: '20', amounts: '10,50' })).to.include({
      name: 'amounts',
      value: '50',
    });
    expect(bad({ provider: 'stripe', account: 'https://buy.stripe.com/x' })).to.include({ name: 'account' });
    expect(bad({ provider: 'stripe', account: '10/month:https://buy.stripe.com/x', recurring: false })).to.include({
      name: 'account',
    });
    expect(basics({}, {})).to.have.property('problem');
  });

  it('notes what a provider cannot do for the console', () => {
    expect(resolveConfig({ provider: 'paypal', account: 'x', recurring: true }).notes![0]).to.contain('PayPal');
    expect(resolveConfig({ provider: 'liberapay', account: 'x' }).notes![0]).to.contain('always recurring');
    expect(resolveConfig({ provider: 'actblue', account: 'x', target: '_top' }).notes![0]).to.contain('_top');
    expect(resolveConfig({ provider: 'actblue', account: 'x', recurring: true }).notes).to.deep.equal([]);
  });

  it('refcode falls back to ?refcode= then ?source= of the page', () => {
    const c = ok({ provider: 'paypal', account: 'x' });
    const here = location.href;
    try {
      history.replaceState(null, '', '?source=fb');
      expect(pageRefcode(c)).to.equal('fb');
      history.replaceState(null, '', '?source=fb&refcode=mail');
      expect(pageRefcode(c)).to.equal('mail');
      expect(pageRefcode({ ...c, refcode: 'own' })).to.equal('own');
    } finally {
      history.replaceState(null, '', here);
    }
  });
});
