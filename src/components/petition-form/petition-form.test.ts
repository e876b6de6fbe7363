// Browser tests against the project's REAL server (started by test/fixtures/petition-server.mjs
// with test/fixtures/petition-feed.json); signatures go over http to 127.0.0.1.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '../../core/feed-loader.js';
import { QUEUE_KEY } from './offline-queue.js';
import { OrgFeed } from '../org-feed/org-feed.js';
import { PetitionForm } from './petition-form.js';
import { suggestEmail } from './lazy/email-suggest.js';
import { backoffMs, retryAfterMs, sendSignature } from './lazy/submit.js';
import { validEmail } from './lazy/validation.js';

PetitionForm.define('petition-form');
OrgFeed.define('org-feed');

let server: { url: string; token: string };
let feedUrl: string;

const unique = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

async function serverCount(id: string): Promise<number> {
  const res = await fetch(`${server.url}/api/petitions/${id}`);
  return ((await res.json()) as { count: number }).count;
}

/** Every POST the page makes, with its headers and body; `lose` drops the answer of the first N (after the server got them). */
const posts: { url: string; key: string; body: Record<string, unknown> }[] = [];
const realFetch = window.fetch;
let lose = 0;
let fake: ((url: string) => Response | Promise<Response> | undefined) | undefined;
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  if (init?.method === 'POST') {
    const h = new Headers(init.headers);
    posts.push({ url: String(input), key: h.get('idempotency-key') ?? '', body: JSON.parse(String(init.body)) });
    const faked = fake?.(String(input));
    if (faked) return faked;
    const res = await realFetch(input, init);
    if (lose > 0) {
      lose--;
      await res.text();
      throw new TypeError('Failed to fetch (answer lost)');
    }
    return res;
  }
  return realFetch(input, init);
};

function setOnline(online: boolean) {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });
}

const root = (el: PetitionForm) => el.shadowRoot!;
const $ = <T extends Element = HTMLInputElement>(el: PetitionForm, sel: string) => root(el).querySelector<T>(sel)!;

/** Renders a widget and waits until its form (or message) and its live count show. */
async function widget(petition: string, attrs: { lang?: string; fields?: string; goal?: string; source?: string } = {}) {
  const el = await fixture<PetitionForm>(
    html`<petition-form
      feed=${feedUrl}
      petition=${petition}
      lang=${attrs.lang ?? 'en'}
      fields=${attrs.fields ?? ''}
      goal=${attrs.goal ?? ''}
      source=${attrs.source ?? ''}
    ></petition-form>`,
  );
  await waitUntil(() => root(el).querySelector('.counter'), `the count of ${petition} shows`, { timeout: 10000 });
  await waitUntil(() => root(el).querySelector('form, [part=message]'), `the form of ${petition} shows`);
  return el;
}

async function fill(el: PetitionForm, values: Record<string, string>, consent = true) {
  for (const [f, v] of Object.entries(values)) {
    const input = $(el, `#f-${f}`);
    input.focus();
    await el.updateComplete; // leaving the last field may re-render
    input.select(); // typing replaces what was there, as a person would
    await sendKeys({ type: v });
    input.dispatchEvent(new Event('change'));
  }
  if (consent && !$(el, '#consent').checked) $(el, '#consent').click();
  await el.updateComplete;
}

const person = () => ({ given_name: 'Rosa', family_name: 'Parks', email: `${unique()}@example.org`, postal_code: '60601' });

describe('<petition-form>', () => {
  before(async () => {
    server = await (await realFetch('/test-server-url')).json();
    feedUrl = `${server.url}/feed.json`;
  });

  beforeEach(() => {
    clearFeedCache();
    posts.length = 0;
    lose = 0;
    fake = undefined;
    setOnline(true);
    localStorage.removeItem(QUEUE_KEY);
  });

  after(() => {
    setOnline(true);
    localStorage.removeItem(QUEUE_KEY);
  });

  it('is accessible, with real labels, autocomplete tokens and a hidden honeypot', async () => {
    const el = await widget('fair-wages', { fields: 'given_name,family_name,email,postal_code,country,phone,comment' });
    await expect(el).shadowDom.to.be.accessible();
    const tokens = Object.fromEntries(
      [...root(el).querySelectorAll<HTMLInputElement>('.field input, .field textarea')].map((i) => [i.name, i.getAttribute('autocomplete')]),
    );
    expect(tokens).to.deep.equal({
      given_name: 'given-name',
      family_name: 'family-name',
      email: 'email',
      postal_code: 'postal-code',
      country: 'country-name',
      phone: 'tel',
      comment: 'off',
    });
    for (const input of root(el).querySelectorAll<HTMLInputElement>('.field input, .field textarea')) {
      const label = root(el).querySelector(`label[for="${input.id}"]`);
      expect(label?.textContent?.trim(), input.id).to.not.be.empty;
      expect(input.placeholder).to.equal('');
    }
    expect($(el, '#f-email').inputMode).to.equal('email');
    expect($(el, '#f-phone').inputMode).to.equal('tel');
    // the petition's fields are required; the others say "(optional)"
    expect($(el, '#f-postal_code').required).to.be.true;
    expect($(el, '#f-country').required).to.be.false;
    expect(root(el).querySelector('label[for="f-country"]')!.textContent).to.contain('(optional)');
    const hp = $(el, '#website');
    expect(hp.tabIndex).to.equal(-1);
    expect(hp.getAttribute('autocomplete')).to.equal('off');
    expect(hp.closest('[aria-hidden="true"]')).to.exist;
    const box = hp.getBoundingClientRect();
    expect(box.bottom).to.be.below(0);
    // the consent shown is the petition's own, with the org's privacy link
    expect(root(el).querySelector('label[for="consent"]')!.textContent).to.equal('You may contact me about the wage campaign.');
    expect($<HTMLAnchorElement>(el, 'a.privacy').href).to.equal('https://workers.example/privacy');
  });

  it("shows the petition's text first, then its whole form in a later render", async () => {
    const el = await fixture<PetitionForm>(html`<petition-form feed=${feedUrl} petition="fair-wages"></petition-form>`);
    await oneEvent(el, 'feed-load'); // fired right after the render that shows the petition
    expect(root(el).querySelector('h2')!.textContent).to.not.equal('');
    expect(root(el).querySelector('form')).to.equal(null);
    await waitUntil(() => root(el).querySelector('form'), 'the form shows');
    expect([...root(el).querySelectorAll('form input[id^=f-]')].map((i) => i.id)).to.deep.equal(['f-given_name', 'f-family_name', 'f-email', 'f-postal_code']);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('signs by keyboard alone against the real server; the count goes up by one, and not again for the same person', async () => {
    const before = await serverCount('fair-wages');
    const outside = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    const el = await widget('fair-wages');
    el.before(outside);
    outside.focus();
    const p = person();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('f-given_name');
    for (const v of [p.given_name, p.family_name, p.email, p.postal_code]) {
      await sendKeys({ type: v });
      await sendKeys({ press: 'Tab' });
    }
    expect(root(el).activeElement?.id).to.equal('consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' }); // privacy link
    await sendKeys({ press: 'Tab' }); // the honeypot is skipped: straight to the button
    expect(root(el).activeElement?.getAttribute('type')).to.equal('submit');
    const signed = oneEvent(el, 'petition-signed');
    await sendKeys({ press: 'Enter' });
    const event = await signed;
    expect(event.detail).to.deep.equal({ petition: 'fair-wages', count: before + 1 });
    expect(await serverCount('fair-wages')).to.equal(before + 1);
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain('Signed');
    expect($(el, '.counter').textContent).to.contain(`${before + 1} signature`);
    expect(root(el).activeElement?.id).to.equal('thanks');
    expect(posts).to.have.length(1);
    expect(posts[0].body).to.deep.include({ ...p, source: location.hostname });
    expect(posts[0].body.consent).to.deep.equal({ granted: true, text: 'You may contact me about the wage campaign.' });
    await waitUntil(() => root(el).querySelector('.share a'), 'sharing loads');
    // the thanks and sharing are styled by the flow chunk's own sheet
    expect(getComputedStyle($(el, '.thanks')).borderInlineStartWidth).to.equal('4px');
    expect(getComputedStyle($(el, '.share')).display).to.equal('flex');
    await expect(el).shadowDom.to.be.accessible();
    // every shared link names its channel in ?source=, so the signatures it brings are counted to it
    const hrefs = [...root(el).querySelectorAll<HTMLAnchorElement>('.share a')].map((a) => decodeURIComponent(a.href));
    expect(hrefs.find((h) => h.startsWith('mailto:'))).to.contain('source=email');
    expect(hrefs.find((h) => h.includes('facebook.com'))).to.contain('source=facebook');
    expect(hrefs.find((h) => h.includes('wa.me'))).to.contain('source=whatsapp');

    // the same person again, from a fresh widget: accepted, not counted twice
    el.remove();
    const again = await widget('fair-wages', { source: 'newsletter' });
    await fill(again, { ...p, email: p.email.toUpperCase() });
    const second = oneEvent(again, 'petition-signed');
    $<HTMLButtonElement>(again, 'button[type=submit]').click();
    expect((await second).detail.count).to.equal(before + 1);
    expect(await serverCount('fair-wages')).to.equal(before + 1);
    expect(posts[1].body.source).to.equal('newsletter');
    expect(posts[1].key).to.not.equal(posts[0].key);
  });

  it("sends the host page's ?source= when the widget has no source attribute", async () => {
    const here = location.href;
    history.replaceState(null, '', `${location.pathname}?source=newsletter-june`);
    try {
      const el = await widget('double-test');
      await fill(el, person());
      const signed = oneEvent(el, 'petition-signed');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await signed;
      expect(posts[0].body.source).to.equal('newsletter-june');
    } finally {
      history.replaceState(null, '', here);
    }
  });

  it('shows the next goal once the goal is passed, with the number formatted for the locale', async () => {
    const el = await widget('fair-wages', { goal: '1' });
    const count = await serverCount('fair-wages');
    let goal = 1;
    while (goal <= count) goal *= 2;
    expect($(el, '.counter').textContent).to.contain(`Goal: ${goal.toLocaleString('en')}`);
    const bar = $<HTMLElement>(el, '.bar span');
    expect(parseFloat(bar.style.inlineSize)).to.be.closeTo((100 * count) / goal, 0.01);
  });

  it('validates: errors tied to fields, focus on the first, a live summary, and axe passes in every error state', async () => {
    const el = await widget('errors-test', { fields: 'given_name,email,postal_code,phone' });
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    // The full rules come with the form's lazy chunk, which a click without focus has not fetched yet.
    await waitUntil(() => root(el).querySelector('[aria-invalid="true"]'), 'the problems show');
    const invalid = [...root(el).querySelectorAll('[aria-invalid="true"]')].map((e) => e.id);
    expect(invalid).to.deep.equal(['f-given_name', 'f-email', 'f-postal_code', 'consent']);
    await waitUntil(() => root(el).activeElement?.id === 'f-given_name', 'focus moves to the first problem');
    for (const id of invalid) {
      const field = $(el, `#${id}`);
      const described = field.getAttribute('aria-describedby')!;
      const message = root(el).getElementById(described)!;
      expect(message.textContent!.trim(), id).to.match(/required|Tick/);
      // not by color alone: the message is text with a warning sign, and the border is thicker
      expect(message.textContent).to.contain('⚠');
    }
    expect($(el, '[role=alert]').textContent).to.equal('4 fields need your attention.');
    expect(posts).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();

    // a malformed email and phone, then a typo'd domain with its suggestion
    await fill(el, { given_name: 'Ana', email: 'ana@', postal_code: '75001', phone: 'call me' }, false);
    expect($(el, '#email-error').textContent).to.contain('name@example.org');
    expect($(el, '#phone-error').textContent).to.contain('phone number');
    await expect(el).shadowDom.to.be.accessible();
    await fill(el, { email: 'ana@gmial.com' }, false);
    await waitUntil(() => root(el).querySelector('#suggestion'), 'a suggestion shows');
    expect($(el, '#suggestion').textContent).to.contain('Did you mean ana@gmail.com?');
    expect(getComputedStyle($(el, '#suggestion button')).textDecorationLine).to.equal('underline');
    expect($(el, '#f-email').getAttribute('aria-describedby')).to.contain('suggestion');
    await expect(el).shadowDom.to.be.accessible();
    $<HTMLButtonElement>(el, '#suggestion button').click();
    await el.updateComplete;
    expect($(el, '#f-email').value).to.equal('ana@gmail.com');
    expect(root(el).querySelector('#email-error')).to.be.null;
  });

  it("shows the server's message on the right field, and the corrected resubmit keeps the same key", async () => {
    const el = await widget('errors-test');
    const p = person();
    await fill(el, { given_name: 'Ana', email: p.email, postal_code: '!!' });
    fake = (url) =>
      posts.length === 1 && url.endsWith('/signatures')
        ? new Response(JSON.stringify({ error: { code: 'invalid_field', message: 'This postal code does not exist.', field: 'postal_code' } }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          })
        : undefined;
    const failed = oneEvent(el, 'petition-error');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await failed).detail).to.deep.equal({ petition: 'errors-test', code: 'invalid_field', message: 'This postal code does not exist.' });
    await el.updateComplete;
    expect($(el, '#f-postal_code').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#postal_code-error').textContent).to.contain('This postal code does not exist.');
    await waitUntil(() => root(el).activeElement?.id === 'f-postal_code', 'focus moves to the refused field');
    await expect(el).shadowDom.to.be.accessible();
    // a 400 is never retried
    expect(posts).to.have.length(1);

    const before = await serverCount('errors-test');
    await fill(el, { postal_code: '75001' });
    const signed = oneEvent(el, 'petition-signed');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await signed;
    expect(posts).to.have.length(2);
    expect(posts[1].key).to.equal(posts[0].key);
    expect(posts[1].body.postal_code).to.equal('75001');
    expect(await serverCount('errors-test')).to.equal(before + 1);
  });

  it('a double click sends one request and leaves one signature', async () => {
    const el = await widget('double-test');
    const before = await serverCount('double-test');
    await fill(el, person());
    const button = $<HTMLButtonElement>(el, 'button[type=submit]');
    const signed = oneEvent(el, 'petition-signed');
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await signed;
    expect(posts).to.have.length(1);
    expect(await serverCount('double-test')).to.equal(before + 1);
  });

  it('three retries of a request whose answer was lost leave one signature', async () => {
    const el = await widget('retry-test');
    const before = await serverCount('retry-test');
    await fill(el, person());
    lose = 3;
    const signed = oneEvent(el, 'petition-signed');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await signed).detail.count).to.equal(before + 1);
    expect(posts).to.have.length(4);
    expect(new Set(posts.map((x) => x.key)).size).to.equal(1);
    expect(new Set(posts.map((x) => JSON.stringify(x.body))).size).to.equal(1);
    expect(await serverCount('retry-test')).to.equal(before + 1);
  });

  it('offline: says it is saved, keeps it under one storage key, and the server receives it exactly once after a reload', async () => {
    const el = await widget('offline-test');
    const before = await serverCount('offline-test');
    await fill(el, person());
    setOnline(false);
    const queued = oneEvent(el, 'petition-queued');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await queued).detail).to.deep.equal({ petition: 'offline-test' });
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.equal('Saved — will send when you’re back online.');
    expect(root(el).querySelector('form')).to.be.null;
    await expect(el).shadowDom.to.be.accessible();
    expect(posts).to.have.length(0);
    const stored = JSON.parse(localStorage.getItem(QUEUE_KEY)!);
    expect(stored.queue).to.have.length(1);
    expect(stored.queue[0]).to.include({ petition: 'offline-test', url: `${server.url}/api/petitions/offline-test/signatures` });
    expect(stored.queue[0].key).to.match(/^[0-9a-f-]{36}$/);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('solidarity'))).to.deep.equal([QUEUE_KEY]);

    // "reload": the page goes away, and a later page carries two widgets (of any petition)
    el.remove();
    setOnline(true);
    const delivered = oneEvent(document, 'petition-signed');
    const page = await fixture(html`<div>
      <petition-form feed=${feedUrl} petition="double-test"></petition-form>
      <petition-form feed=${feedUrl} petition="retry-test"></petition-form>
    </div>`);
    expect((await delivered).detail).to.deep.equal({ petition: 'offline-test', count: before + 1 });
    await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'the delivered entry is deleted');
    expect(posts).to.have.length(1);
    expect(await serverCount('offline-test')).to.equal(before + 1);
    // coming online again later sends nothing more
    dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).to.have.length(1);
    page.remove();
  });

  it('offline, then back online on the same page: the widget delivers it and thanks the reader', async () => {
    const el = await widget('offline-test');
    const before = await serverCount('offline-test');
    await fill(el, person());
    setOnline(false);
    const queued = oneEvent(el, 'petition-queued');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await queued;
    setOnline(true);
    const signed = oneEvent(el, 'petition-signed');
    dispatchEvent(new Event('online'));
    expect((await signed).detail).to.deep.equal({ petition: 'offline-test', count: before + 1 });
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain('Signed');
    expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
    expect(await serverCount('offline-test')).to.equal(before + 1);
  });

  it('an unreachable server: retried, then queued, and never sent twice by two tabs flushing at once', async () => {
    const el = await fixture<PetitionForm>(
      html`<petition-form feed=${feedUrl} petition="offline-test" endpoint="http://127.0.0.1:9/api/petitions/offline-test"></petition-form>`,
    );
    await waitUntil(() => root(el).querySelector('form'), 'the form shows');
    await fill(el, person());
    const queued = oneEvent(el, 'petition-queued');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await queued;
    expect(posts).to.have.length(4); // the first try and three retries
    const entry = JSON.parse(localStorage.getItem(QUEUE_KEY)!).queue[0];
    // the server comes back (here: the entry now points at the real one)
    const before = await serverCount('offline-test');
    entry.url = `${server.url}/api/petitions/offline-test/signatures`;
    localStorage.setItem(QUEUE_KEY, JSON.stringify({ queue: [entry] }));
    posts.length = 0;
    // another tab holds a fresh lease on it: this page must leave it alone
    localStorage.setItem(QUEUE_KEY, JSON.stringify({ queue: [{ ...entry, lease: Date.now() + 60000 }] }));
    dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 300));
    expect(posts).to.have.length(0);
    // the lease ran out (that tab died): now this page sends it, once, even with two triggers at once
    localStorage.setItem(QUEUE_KEY, JSON.stringify({ queue: [{ ...entry, lease: Date.now() - 1 }] }));
    const delivered = oneEvent(el, 'petition-signed');
    dispatchEvent(new Event('online'));
    dispatchEvent(new Event('online'));
    await delivered;
    expect(posts).to.have.length(1);
    expect(await serverCount('offline-test')).to.equal(before + 1);
  });

  it('a page closed while sending: the signature was written ahead, and the next page delivers it once', async () => {
    const el = await widget('retry-test');
    const before = await serverCount('retry-test');
    await fill(el, person());
    fake = () => new Promise<Response>(() => {}); // the answer never comes: the reader leaves
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => posts.length === 1, 'the request went out');
    const [entry] = JSON.parse(localStorage.getItem(QUEUE_KEY)!).queue;
    expect(entry).to.include({ petition: 'retry-test', key: posts[0].key });
    expect(entry.lease).to.be.above(Date.now()); // leased to the sending page: no one else sends it meanwhile
    el.remove();
    fake = undefined;
    // a minute later the lease has run out, and the reader opens another page with the widget
    localStorage.setItem(QUEUE_KEY, JSON.stringify({ queue: [{ ...entry, lease: Date.now() - 1 }] }));
    const delivered = oneEvent(document, 'petition-signed');
    const next = await fixture(html`<petition-form feed=${feedUrl} petition="double-test"></petition-form>`);
    expect((await delivered).detail).to.deep.equal({ petition: 'retry-test', count: before + 1 });
    expect(posts).to.have.length(2);
    expect(posts[1].key).to.equal(posts[0].key);
    await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'the delivered entry is deleted');
    expect(await serverCount('retry-test')).to.equal(before + 1);
    next.remove();
  });

  it('a signature sent online leaves nothing in storage', async () => {
    const el = await widget('double-test');
    await fill(el, person());
    const signed = oneEvent(el, 'petition-signed');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await signed;
    expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
  });

  it('a server still failing after the retries: kept on the device, the reader told plainly, and sent once it recovers', async () => {
    const el = await widget('retry-test');
    const before = await serverCount('retry-test');
    await fill(el, person());
    fake = (url) =>
      url.endsWith('/signatures')
        ? new Response(JSON.stringify({ error: { code: 'internal', message: 'Something went wrong.' } }), { status: 503 })
        : undefined;
    const queued = oneEvent(el, 'petition-queued');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await queued;
    expect(posts).to.have.length(4); // the first try and three retries, then it stops
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain('the server is busy');
    await expect(el).shadowDom.to.be.accessible();
    const [entry] = JSON.parse(localStorage.getItem(QUEUE_KEY)!).queue;
    expect(entry.lease).to.equal(0); // given back: any flush may send it
    fake = undefined;
    const signed = oneEvent(el, 'petition-signed');
    dispatchEvent(new Event('online')); // (or the widget's own retry a minute later)
    expect((await signed).detail).to.deep.equal({ petition: 'retry-test', count: before + 1 });
    expect(await serverCount('retry-test')).to.equal(before + 1);
  });

  it('a refusal the server will repeat (4xx) is not kept, and is shown in an announced alert', async () => {
    const el = await widget('retry-test');
    await fill(el, person());
    fake = (url) =>
      url.endsWith('/signatures')
        ? new Response(JSON.stringify({ error: { code: 'origin_not_allowed', message: 'Signatures are not accepted from this site.' } }), { status: 403 })
        : undefined;
    const failed = oneEvent(el, 'petition-error');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await failed).detail).to.deep.equal({ petition: 'retry-test', code: 'origin_not_allowed', message: 'Signatures are not accepted from this site.' });
    await el.updateComplete;
    expect(posts).to.have.length(1);
    expect($(el, '[role=alert]').textContent).to.equal('Signatures are not accepted from this site.');
    expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
    expect(root(el).querySelector('form')).to.exist; // the reader may try again
    await expect(el).shadowDom.to.be.accessible();
  });

  it('drops queued signatures older than 7 days without sending them', async () => {
    localStorage.setItem(
      QUEUE_KEY,
      JSON.stringify({ queue: [{ key: 'old', url: `${server.url}/api/petitions/offline-test/signatures`, body: '{}', petition: 'offline-test', at: Date.now() - 8 * 864e5 }] }),
    );
    await widget('offline-test');
    await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'the expired entry is deleted');
    expect(posts).to.have.length(0);
  });

  it('a closed petition says so and takes no signatures', async () => {
    const el = await widget('closed-test');
    expect(root(el).querySelector('form')).to.be.null;
    expect($(el, '[part=message]').textContent).to.contain('closed on January 1, 2020');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a bot that fills the honeypot gets the usual answer and nothing is counted', async () => {
    const el = await widget('double-test');
    const before = await serverCount('double-test');
    await fill(el, person());
    $(el, '#website').value = 'https://spam.example';
    const signed = oneEvent(el, 'petition-signed');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await signed;
    expect(posts[0].body.website).to.equal('https://spam.example');
    expect(await serverCount('double-test')).to.equal(before);
  });

  it('speaks Spanish, with the petition text, consent and labels in Spanish', async () => {
    const el = await widget('fair-wages', { lang: 'es' });
    await waitUntil(() => $(el, 'button[type=submit]').textContent!.includes('Firmar'), 'Spanish strings load');
    expect($(el, 'h2').textContent).to.equal('Salarios justos para todos');
    expect(root(el).querySelector('label[for="consent"]')!.textContent).to.equal('Pueden contactarme sobre la campaña salarial.');
    expect(root(el).querySelector('label[for="f-email"]')!.textContent).to.contain('Correo');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => root(el).querySelector('#given_name-error'), 'the problems show');
    expect($(el, '#given_name-error').textContent).to.contain('obligatorio');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('works inside a host page whose CSS restyles form, input, label and button with !important', async () => {
    const style = document.createElement('style');
    style.textContent = `
      form, input, label, button { display: none !important; color: rgb(255, 0, 0) !important; font-size: 40px !important;
        text-transform: uppercase !important; letter-spacing: 9px !important; visibility: hidden !important; }
      .host { color: rgb(255, 0, 0) !important; font: italic 40px/5 serif !important; text-transform: uppercase !important;
        letter-spacing: 9px !important; text-align: center !important; white-space: pre !important; }`;
    document.head.append(style);
    try {
      const wrap = await fixture<HTMLElement>(html`<div class="host"><petition-form feed=${feedUrl} petition="double-test"></petition-form></div>`);
      const el = wrap.querySelector('petition-form')!;
      await waitUntil(() => root(el).querySelector('.counter'), 'the widget renders');
      for (const sel of ['#f-email', 'label[for="f-email"]', 'button[type=submit]', 'form']) {
        const node = $<HTMLElement>(el, sel);
        const cs = getComputedStyle(node);
        expect(node.getBoundingClientRect().height, sel).to.be.greaterThan(0);
        expect(cs.visibility, sel).to.equal('visible');
        expect(cs.color, sel).to.not.equal('rgb(255, 0, 0)');
        expect(cs.fontSize, sel).to.equal('16px');
        expect(cs.textTransform, sel).to.equal('none');
        expect(cs.letterSpacing, sel).to.equal('normal');
        expect(cs.fontStyle, sel).to.equal('normal');
      }
      const before = await serverCount('double-test');
      await fill(el, person());
      const signed = oneEvent(el, 'petition-signed');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await signed;
      expect(await serverCount('double-test')).to.equal(before + 1);
    } finally {
      style.remove();
    }
  });

  it('right to left: mirrors, and nothing spills sideways', async () => {
    const wrap = await fixture<HTMLElement>(html`<div dir="rtl" style="width:360px"><petition-form feed=${feedUrl} petition="fair-wages"></petition-form></div>`);
    const el = wrap.querySelector('petition-form')!;
    await waitUntil(() => root(el).querySelector('.counter'), 'the widget renders');
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    const label = $<HTMLElement>(el, 'label[for="f-given_name"]').getBoundingClientRect();
    const box = el.getBoundingClientRect();
    expect(box.right - label.right).to.be.below(box.width / 4); // labels start on the right
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a bad attribute value: a polite note in the widget and one warning, never an exception', async () => {
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (...args: unknown[]) => warnings.push(String(args[0]));
    try {
      const el = await widget('fair-wages', { goal: 'lots', fields: 'email,shoe_size' });
      el.setAttribute('endpoint', 'javascript:alert(1)');
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
      const notes = [...root(el).querySelectorAll('[part=message]')].map((m) => m.textContent);
      expect(notes.join(' ')).to.contain('“lots”').and.to.contain('“shoe_size”').and.to.contain('“javascript:alert(1)”');
      // the form still works from the feed's endpoint
      expect(root(el).querySelector('form')).to.exist;
      for (const bad of ['lots', 'shoe_size', 'javascript:']) {
        expect(warnings.filter((w) => w.includes(bad)), bad).to.have.length(1);
      }
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('without a feed: from attributes and the text written inside the tag', async () => {
    const el = await fixture<PetitionForm>(html`<petition-form endpoint=${`${server.url}/api/petitions/double-test`} heading="Double it" goal="5000">
      <p>We demand <strong>twice</strong> the buses.</p>
    </petition-form>`);
    await waitUntil(() => root(el).querySelector('.counter'), 'the live count shows');
    expect($(el, 'h2').textContent).to.equal('Double it');
    expect($(el, '.counter').textContent).to.contain('Goal: 5,000');
    const slot = $<HTMLSlotElement>(el, '.body slot');
    expect(slot.assignedElements()[0].textContent).to.equal('We demand twice the buses.');
    expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
    // the server says which consent text it checks (the org's here), so that one is shown and sent
    await waitUntil(() => root(el).querySelector('label[for="consent"]')!.textContent!.includes('Test Workers may contact me'), 'the server-defined consent shows');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('inside <org-feed>, with no feed attribute of its own', async () => {
    const wrap = await fixture<HTMLElement>(html`<org-feed src=${feedUrl}><petition-form petition="fair-wages"></petition-form></org-feed>`);
    const el = wrap.querySelector('petition-form')!;
    await waitUntil(() => root(el).querySelector('.counter'), 'the widget renders from the provided feed');
    expect($(el, 'h2').textContent).to.equal('Fair wages for all');
  });

  it('a feed that fails: a clear message, with the page\'s own fallback content kept under it', async () => {
    const el = await fixture<PetitionForm>(html`<petition-form feed="/test-feed?status=404&body=no" petition="x">
      <a href="https://workers.example/sign">Sign on our site</a>
    </petition-form>`);
    await waitUntil(() => root(el).querySelector('[part=message].error')?.textContent, 'the error shows');
    expect($(el, '[part=message]').textContent).to.contain('not found');
    expect($<HTMLSlotElement>(el, 'slot').assignedElements()[0].textContent).to.equal('Sign on our site');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('without a petition, says so politely', async () => {
    const el = await fixture<PetitionForm>(html`<petition-form></petition-form>`);
    expect($(el, '[part=message]').textContent).to.contain('Nothing to sign');
    await expect(el).shadowDom.to.be.accessible();
  });
});

describe('petition-form helpers', () => {
  it("follows the server's email rule (on the ASCII form of the domain): a host name with a dot and a real top-level domain", () => {
    for (const ok of ['a@b.co', 'x.y+z@sub.example.org', 'jurgen@bücher.de']) expect(validEmail(ok), ok).to.be.true;
    for (const bad of ['a@', '@b.co', 'a b@c.de', 'a@localhost', 'a@-b.co', 'a@@b.co', 'a@b.co/x', 'a@b.co?x']) {
      expect(validEmail(bad), bad).to.be.false;
    }
  });

  it('suggests common domains for typos, and leaves good or unknown ones alone', () => {
    expect(suggestEmail('ana@gmial.com')).to.equal('ana@gmail.com');
    expect(suggestEmail('ana@gmail.con')).to.equal('ana@gmail.com');
    expect(suggestEmail('ana@hotmial.fr')).to.equal('ana@hotmail.fr');
    expect(suggestEmail('ana@yaho.com')).to.equal('ana@yahoo.com');
    expect(suggestEmail('ana@gmail.com')).to.be.null;
    expect(suggestEmail('ana@union-local-12.org')).to.be.null;
  });

  it('backs off with full jitter and reads Retry-After in seconds or as a date', () => {
    expect(backoffMs(0, 500, 15000, () => 0.999)).to.equal(499);
    expect(backoffMs(3, 500, 15000, () => 0.5)).to.equal(2000);
    expect(backoffMs(10, 500, 15000, () => 0.999)).to.equal(14985);
    expect(backoffMs(2, 500, 15000, () => 0)).to.equal(0);
    expect(retryAfterMs('2')).to.equal(2000);
    expect(retryAfterMs(new Date(Date.now() + 3000).toUTCString())).to.be.within(1000, 3000);
    expect(retryAfterMs(null)).to.be.null;
  });

  it('honors Retry-After on 429, retries 5xx and 409, and never retries other 4xx', async () => {
    const answers: Response[] = [];
    const reply = (status: number, headers: Record<string, string> = {}) =>
      new Response(JSON.stringify(status < 300 ? { count: 7 } : { error: { code: `c${status}`, message: 'm' } }), {
        status,
        headers: { 'content-type': 'application/json', ...headers },
      });
    fake = () => answers.shift();
    try {
      posts.length = 0;
      answers.push(reply(429, { 'retry-after': '1' }), reply(503), reply(409), reply(201));
      const t0 = performance.now();
      expect(await sendSignature(`${location.origin}/nowhere/signatures`, 'k1', '{}', { baseMs: 10 })).to.equal(7);
      expect(performance.now() - t0).to.be.at.least(990); // waited as asked
      expect(posts).to.have.length(4);

      posts.length = 0;
      answers.push(reply(422), reply(201));
      let error: { code?: string; status?: number } = {};
      await sendSignature(`${location.origin}/nowhere/signatures`, 'k2', '{}', { baseMs: 10 }).catch((e: typeof error) => (error = e));
      expect(error).to.include({ code: 'c422', status: 422 });
      expect(posts).to.have.length(1);
    } finally {
      fake = undefined;
    }
  });
});
