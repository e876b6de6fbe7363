// <petition-form> signing: keyboard, the real server's answers, retries, idempotency, the offline queue
// across pages and tabs (and entries of other kinds of action), closed petitions, the honeypot (see testing.ts).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { QUEUE_KEY } from '../../core/signing/offline-queue.js';
import {
  $,
  env,
  fill,
  filledWidget,
  net,
  person,
  posts,
  root,
  serverCount,
  setOnline,
  usePetitionServer,
  widget,
} from './testing.js';
import type { PetitionForm } from './petition-form.js';

describe('<petition-form> signing', () => {
  usePetitionServer();

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

  it("shows the server's message on the right field, and the corrected resubmit keeps the same key", async () => {
    const el = await widget('errors-test');
    const p = person();
    await fill(el, { given_name: 'Ana', email: p.email, postal_code: '!!' });
    net.fake = (url) =>
      posts.length === 1 && url.endsWith('/signatures')
        ? new Response(
            JSON.stringify({
              error: { code: 'invalid_field', message: 'This postal code does not exist.', field: 'postal_code' },
            }),
            {
              status: 400,
              headers: { 'content-type': 'application/json' },
            },
          )
        : undefined;
    const failed = oneEvent(el, 'petition-error');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await failed).detail).to.deep.equal({
      petition: 'errors-test',
      code: 'invalid_field',
      message: 'This postal code does not exist.',
    });
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
    const { el, before } = await filledWidget('double-test');
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
    const { el, before } = await filledWidget('retry-test');
    net.lose = 3;
    const signed = oneEvent(el, 'petition-signed');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await signed).detail.count).to.equal(before + 1);
    expect(posts).to.have.length(4);
    expect(new Set(posts.map((x) => x.key)).size).to.equal(1);
    expect(new Set(posts.map((x) => JSON.stringify(x.body))).size).to.equal(1);
    expect(await serverCount('retry-test')).to.equal(before + 1);
  });

  it('offline: says it is saved, keeps it under one storage key, and the server receives it exactly once after a reload', async () => {
    const { el, before } = await filledWidget('offline-test');
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
    expect(stored.queue[0]).to.include({
      kind: 'petition',
      id: 'offline-test',
      url: `${env.server.url}/api/petitions/offline-test/signatures`,
    });
    expect(stored.queue[0].key).to.match(/^[0-9a-f-]{36}$/);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('solidarity'))).to.deep.equal([QUEUE_KEY]);

    // "reload": the page goes away, and a later page carries two widgets (of any petition)
    el.remove();
    setOnline(true);
    const delivered = oneEvent(document, 'petition-signed');
    const page = await fixture(html`<div>
      <petition-form feed=${env.feedUrl} petition="double-test"></petition-form>
      <petition-form feed=${env.feedUrl} petition="retry-test"></petition-form>
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
    const { el, before } = await filledWidget('offline-test');
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
      html`<petition-form feed=${env.feedUrl} petition="offline-test" endpoint="http://127.0.0.1:9/api/petitions/offline-test"></petition-form>`,
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
    entry.url = `${env.server.url}/api/petitions/offline-test/signatures`;
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
    const { el, before } = await filledWidget('retry-test');
    net.fake = () => new Promise<Response>(() => {}); // the answer never comes: the reader leaves
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await waitUntil(() => posts.length === 1, 'the request went out');
    const [entry] = JSON.parse(localStorage.getItem(QUEUE_KEY)!).queue;
    expect(entry).to.include({ kind: 'petition', id: 'retry-test', key: posts[0].key });
    expect(entry.lease).to.be.above(Date.now()); // leased to the sending page: no one else sends it meanwhile
    el.remove();
    net.fake = undefined;
    // a minute later the lease has run out, and the reader opens another page with the widget
    localStorage.setItem(QUEUE_KEY, JSON.stringify({ queue: [{ ...entry, lease: Date.now() - 1 }] }));
    const delivered = oneEvent(document, 'petition-signed');
    const next = await fixture(html`<petition-form feed=${env.feedUrl} petition="double-test"></petition-form>`);
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
    const { el, before } = await filledWidget('retry-test');
    net.fake = (url) =>
      url.endsWith('/signatures')
        ? new Response(JSON.stringify({ error: { code: 'internal', message: 'Something went wrong.' } }), {
            status: 503,
          })
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
    net.fake = undefined;
    const signed = oneEvent(el, 'petition-signed');
    dispatchEvent(new Event('online')); // (or the widget's own retry a minute later)
    expect((await signed).detail).to.deep.equal({ petition: 'retry-test', count: before + 1 });
    expect(await serverCount('retry-test')).to.equal(before + 1);
  });

  it('a refusal the server will repeat (4xx) is not kept, and is shown in an announced alert', async () => {
    const el = await widget('retry-test');
    await fill(el, person());
    net.fake = (url) =>
      url.endsWith('/signatures')
        ? new Response(
            JSON.stringify({
              error: { code: 'bad_request', message: 'The request could not be read.' },
            }),
            { status: 400 },
          )
        : undefined;
    const failed = oneEvent(el, 'petition-error');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await failed).detail).to.deep.equal({
      petition: 'retry-test',
      code: 'bad_request',
      message: 'The request could not be read.',
    });
    await el.updateComplete;
    expect(posts).to.have.length(1);
    expect($(el, '[role=alert]').textContent).to.equal('The request could not be read.');
    expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
    expect(root(el).querySelector('form')).to.exist; // the reader may try again
    await expect(el).shadowDom.to.be.accessible();
  });

  it('drops queued signatures older than 7 days without sending them', async () => {
    localStorage.setItem(
      QUEUE_KEY,
      JSON.stringify({
        queue: [
          {
            key: 'old',
            url: `${env.server.url}/api/petitions/offline-test/signatures`,
            body: '{}',
            petition: 'offline-test',
            at: Date.now() - 8 * 864e5,
          },
        ],
      }),
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
    const { el, before } = await filledWidget('double-test');
    $(el, '#website').value = 'https://spam.example';
    const signed = oneEvent(el, 'petition-signed');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await signed;
    expect(posts[0].body.website).to.equal('https://spam.example');
    expect(await serverCount('double-test')).to.equal(before);
  });
});

// One file with the tests above: they share the petitions' counts and the origin's queue.
describe('<petition-form> signing: the offline queue across kinds of action (core/signing)', () => {
  usePetitionServer();

  const stored = () => JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '{"queue":[]}').queue as Record<string, unknown>[];

  it('a signature queued by an earlier version (with `petition`, no kind) is delivered once and told as a petition', async () => {
    const { el, before } = await filledWidget('offline-test');
    setOnline(false);
    const queued = oneEvent(el, 'petition-queued');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    await queued;
    el.remove();
    const [{ kind, id, ...entry }] = stored();
    expect([kind, id]).to.deep.equal(['petition', 'offline-test']);
    localStorage.setItem(QUEUE_KEY, JSON.stringify({ queue: [{ ...entry, petition: id }] }));
    setOnline(true);
    const delivered = oneEvent(document, 'petition-signed');
    const next = await fixture(html`<petition-form feed=${env.feedUrl} petition="double-test"></petition-form>`);
    expect((await delivered).detail).to.deep.equal({ petition: 'offline-test', count: before + 1 });
    await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'the delivered entry is deleted');
    expect(posts).to.have.length(1);
    expect(await serverCount('offline-test')).to.equal(before + 1);
    next.remove();
  });

  it('an RSVP queued offline is delivered once to its own URL by a page with only a petition, which does not claim it', async () => {
    const url = `${env.server.url}/api/events/picnic/rsvps`;
    const body = JSON.stringify({ email: 'ada@example.org', consent: { granted: true, text: 'OK' } });
    const at = Date.now();
    localStorage.setItem(
      QUEUE_KEY,
      JSON.stringify({ queue: [{ key: 'rsvp-1', url, body, kind: 'rsvp', id: 'picnic', at }] }),
    );
    const answer = { status: 'going', going: 1, waitlisted: 0, capacity: 10 };
    net.fake = (to) => (to === url ? new Response(JSON.stringify(answer), { status: 201 }) : undefined);
    const told: Event[] = [];
    const tell = (e: Event) => told.push(e);
    for (const type of ['petition-signed', 'petition-error']) document.addEventListener(type, tell);
    try {
      const el = await fixture(html`<petition-form feed=${env.feedUrl} petition="double-test"></petition-form>`);
      // (the proof of work takes a moment)
      await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'the delivered RSVP is deleted', {
        timeout: 15000,
      });
      expect(posts.map((p) => [p.url, p.key])).to.deep.equal([[url, 'rsvp-1']]);
      expect(posts[0].body).to.deep.include(JSON.parse(body)); // with a proof of work when the server asks one
      // back online later: nothing is sent again
      dispatchEvent(new Event('online'));
      await new Promise((r) => setTimeout(r, 200));
      expect(posts).to.have.length(1);
      expect(told).to.deep.equal([]);
      el.remove();
    } finally {
      for (const type of ['petition-signed', 'petition-error']) document.removeEventListener(type, tell);
    }
  });
});
