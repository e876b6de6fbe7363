// <event-list> RSVPs against the project's REAL server (test/fixtures/petition-server.mjs, its feed's events):
// by keyboard, the count, a full event's waiting list, offline then delivered exactly once, axe, languages.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '../../core/feed-loader.js';
import { QUEUE_KEY } from '../../core/signing/offline-queue.js';
import { posts, realFetch, setOnline } from '../../core/signing/testing.js';
import type { SolidarityEvent } from '../../core/feed-types.js';
import { EventList } from './event-list.js';
import { refreshSeats } from './lazy/rsvp-flow.js';
import { RsvpSource } from './rsvp-source.js';

EventList.define('event-list');

const server = { url: '' };
const feedUrl = () => `${server.url}/feed.json`;
const unique = () => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@example.org`;

async function seats(id: string): Promise<{ going: number; waitlisted: number }> {
  return (await realFetch(`${server.url}/api/events/${id}`)).json();
}

const root = (el: EventList) => el.shadowRoot!;
const item = (el: EventList, id: string) => root(el).querySelector<HTMLElement>(`li[data-event="${id}"]`)!;
const inItem = <T extends Element = HTMLElement>(el: EventList, id: string, sel: string) =>
  item(el, id).querySelector<T>(sel);
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function list(lang = 'en'): Promise<EventList> {
  const loaded = oneEvent(document, 'feed-load');
  const holder = await fixture<HTMLElement>(html`<div lang=${lang}><event-list feed=${feedUrl()}></event-list></div>`);
  await loaded;
  const el = holder.querySelector('event-list')!;
  await el.updateComplete;
  return el;
}

/** Opens an event's RSVP form with its button and waits for the form. */
async function open(el: EventList, id: string): Promise<HTMLFormElement> {
  inItem<HTMLButtonElement>(el, id, '[part=rsvp]')!.click();
  await waitUntil(() => inItem(el, id, 'form.rsvp'), 'the RSVP form opens');
  return inItem<HTMLFormElement>(el, id, 'form.rsvp')!;
}

/** Types into the open form's fields (selecting first, as a person replacing a value would) and ticks consent. */
async function fill(el: EventList, values: Record<string, string>) {
  for (const [f, v] of Object.entries(values)) {
    const input = root(el).querySelector<HTMLInputElement>(`#f-${f}`)!;
    input.focus();
    input.select();
    await sendKeys({ type: v });
    input.dispatchEvent(new Event('change'));
  }
  const consent = root(el).querySelector<HTMLInputElement>('#consent')!;
  if (!consent.checked) consent.click();
  await el.updateComplete;
}

describe('<event-list> RSVP', () => {
  before(async () => Object.assign(server, await (await realFetch('/test-server-url')).json()));
  beforeEach(() => {
    clearFeedCache();
    posts.length = 0;
    setOnline(true);
    localStorage.removeItem(QUEUE_KEY);
  });
  after(() => localStorage.removeItem(QUEUE_KEY));

  it('RSVPs by keyboard alone: the server counts it, the list says so, and axe passes with the form open', async () => {
    const before = await seats('rsvp-meeting');
    const el = await list();
    inItem<HTMLButtonElement>(el, 'rsvp-meeting', '[part=rsvp]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement?.id === 'f-given_name', 'the form opens with its first field focused');
    expect(inItem(el, 'rsvp-meeting', '[part=rsvp]')!.getAttribute('aria-expanded')).to.equal('true');
    // The consent's text and the privacy link share the column beside the checkbox.
    const left = (sel: string) => root(el).querySelector(sel)!.getBoundingClientRect().left;
    expect(left('.consent .privacy')).to.be.closeTo(left('label[for=consent]'), 1);
    expect(left('label[for=consent]')).to.be.greaterThan(left('#consent') + 10);
    await expect(el).shadowDom.to.be.accessible();
    await sendKeys({ type: 'Rosa' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: unique() });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('consent');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.textContent).to.equal('Privacy policy');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('part')).to.equal('submit');
    const sent = oneEvent(el, 'rsvp-sent');
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail).to.deep.equal({ rsvp: 'rsvp-meeting', status: 'going', going: before.going + 1, waitlisted: 0 });
    expect((await seats('rsvp-meeting')).going).to.equal(before.going + 1);
    await el.updateComplete;
    expect(text(inItem(el, 'rsvp-meeting', '#rsvp-thanks'))).to.equal('You’re going. See you there!');
    expect(root(el).activeElement?.id).to.equal('rsvp-thanks');
    expect(text(inItem(el, 'rsvp-meeting', '[part=seats]'))).to.equal(`${before.going + 1} going · You’re going.`);
    expect(posts).to.have.length(1);
    expect(posts[0].url).to.equal(`${server.url}/api/events/rsvp-meeting/rsvps`);
    expect(posts[0].body).to.include({ given_name: 'Rosa' });
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says a missing email and consent, and sends nothing', async () => {
    const el = await list();
    const form = await open(el, 'rsvp-meeting');
    form.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    await waitUntil(() => text(inItem(el, 'rsvp-meeting', '[role=alert]')) === '2 fields need your attention.');
    expect(root(el).activeElement?.id).to.equal('f-email');
    expect(text(root(el).querySelector('#consent-error'))).to.equal('⚠ Tick this box to sign.');
    expect(posts).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a full event says RSVPs join the waiting list, and the next RSVP is waitlisted', async () => {
    const el = await list();
    await open(el, 'rsvp-one-seat');
    await fill(el, { given_name: 'Ana', email: unique() });
    const first = oneEvent(el, 'rsvp-sent');
    inItem<HTMLButtonElement>(el, 'rsvp-one-seat', '[part=submit]')!.click();
    expect((await first).detail).to.include({ rsvp: 'rsvp-one-seat', status: 'going', going: 1 });
    await el.updateComplete;
    expect(text(inItem(el, 'rsvp-one-seat', '[part=seats]'))).to.equal(
      '1 going · Full RSVPs now join the waiting list. · You’re going.',
    );
    // Closed and opened again: a second person at the same device.
    inItem<HTMLButtonElement>(el, 'rsvp-one-seat', '[part=rsvp]')!.click();
    const form = await open(el, 'rsvp-one-seat');
    expect(text(form.querySelector('.note'))).to.equal(
      'This event is full: your RSVP will put you on the waiting list.',
    );
    expect(text(form.querySelector('[part=submit]'))).to.equal('Join the waiting list');
    await expect(el).shadowDom.to.be.accessible();
    await fill(el, { email: unique() });
    const second = oneEvent(el, 'rsvp-sent');
    form.querySelector<HTMLButtonElement>('[part=submit]')!.click();
    expect((await second).detail).to.include({ status: 'waitlisted', going: 1, waitlisted: 1 });
    await el.updateComplete;
    expect(text(inItem(el, 'rsvp-one-seat', '#rsvp-thanks'))).to.equal(
      'You’re on the waiting list. The organizers will let you know if a place opens.',
    );
    expect(await seats('rsvp-one-seat')).to.include({ going: 1, waitlisted: 1 });
    await expect(el).shadowDom.to.be.accessible();
  });

  it('the last seat taken by two readers at once: one is going, the other waitlisted, and both are told so', async () => {
    const holder = await fixture<HTMLElement>(
      html`<div><event-list feed=${feedUrl()}></event-list><event-list feed=${feedUrl()}></event-list></div>`,
    );
    const [a, b] = [...holder.querySelectorAll('event-list')];
    await waitUntil(() => item(a, 'rsvp-last-seat') && item(b, 'rsvp-last-seat'), 'both lists show the event');
    for (const el of [a, b]) {
      await open(el, 'rsvp-last-seat');
      await fill(el, { given_name: 'Sam', email: unique() });
    }
    const sent = [oneEvent(a, 'rsvp-sent'), oneEvent(b, 'rsvp-sent')];
    // Both in one task: the two POSTs race for the seat.
    for (const el of [a, b]) inItem<HTMLButtonElement>(el, 'rsvp-last-seat', '[part=submit]')!.click();
    const statuses = (await Promise.all(sent)).map((e) => e.detail.status).sort();
    expect(statuses).to.deep.equal(['going', 'waitlisted']);
    expect(await seats('rsvp-last-seat')).to.include({ going: 1, waitlisted: 1 });
    await Promise.all([a.updateComplete, b.updateComplete]);
    const thanks = [a, b].map((el) => text(inItem(el, 'rsvp-last-seat', '#rsvp-thanks'))).sort();
    expect(thanks[1]).to.equal('You’re on the waiting list. The organizers will let you know if a place opens.');
    expect(thanks[0]).to.match(/going/i);
  });

  it('offline: saved and said so, then delivered exactly once when the connection returns', async () => {
    const before = await seats('rsvp-offline');
    const el = await list();
    await open(el, 'rsvp-offline');
    await fill(el, { given_name: 'Lucy', email: unique() });
    setOnline(false);
    const queued = oneEvent(el, 'rsvp-queued');
    inItem<HTMLButtonElement>(el, 'rsvp-offline', '[part=submit]')!.click();
    expect((await queued).detail).to.deep.equal({ rsvp: 'rsvp-offline' });
    await el.updateComplete;
    expect(text(inItem(el, 'rsvp-offline', '[part=status]'))).to.equal(
      'Saved — your RSVP will be sent when you’re back online.',
    );
    expect(inItem(el, 'rsvp-offline', 'form')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
    const stored = JSON.parse(localStorage.getItem(QUEUE_KEY)!);
    expect(stored.queue).to.have.length(1);
    expect(stored.queue[0]).to.include({
      kind: 'rsvp',
      id: 'rsvp-offline',
      url: `${server.url}/api/events/rsvp-offline/rsvps`,
    });
    expect(posts).to.have.length(0);

    setOnline(true);
    const sent = oneEvent(el, 'rsvp-sent');
    dispatchEvent(new Event('online'));
    expect((await sent).detail).to.include({ rsvp: 'rsvp-offline', status: 'going', going: before.going + 1 });
    await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'the delivered entry is deleted');
    await el.updateComplete;
    expect(text(inItem(el, 'rsvp-offline', '#rsvp-thanks'))).to.equal('You’re going. See you there!');
    dispatchEvent(new Event('online')); // coming online again sends nothing more
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).to.have.length(1);
    expect((await seats('rsvp-offline')).going).to.equal(before.going + 1);
  });

  it('offline, then a later page: the queued RSVP is delivered exactly once, with no form open', async () => {
    const before = await seats('rsvp-offline');
    let el = await list();
    await open(el, 'rsvp-offline');
    await fill(el, { email: unique() });
    setOnline(false);
    const queued = oneEvent(el, 'rsvp-queued');
    inItem<HTMLButtonElement>(el, 'rsvp-offline', '[part=submit]')!.click();
    await queued;
    el.remove(); // the reader leaves; a later page carries the list again
    setOnline(true);
    clearFeedCache();
    const sent = oneEvent(document, 'rsvp-sent');
    el = await list();
    expect((await sent).detail).to.include({ rsvp: 'rsvp-offline', status: 'going', going: before.going + 1 });
    await waitUntil(() => localStorage.getItem(QUEUE_KEY) === null, 'the delivered entry is deleted');
    await waitUntil(
      () => text(inItem(el, 'rsvp-offline', '[part=seats]')).includes('You’re going.'),
      'the list says so',
    );
    dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).to.have.length(1);
    expect((await seats('rsvp-offline')).going).to.equal(before.going + 1);
  });

  it('reads the live seats without the host page’s Object.prototype', async () => {
    const proto = Object.prototype as Record<string, unknown>;
    const host = { requestUpdate() {}, rsvpContext: () => undefined } as unknown as ConstructorParameters<
      typeof RsvpSource
    >[0];
    const source = new RsvpSource(host);
    proto.status = 'waitlisted'; // a host page's addition: never where this reader's RSVP stands
    try {
      await refreshSeats(source, feedUrl(), 'rsvp-meeting');
    } finally {
      delete proto.status;
    }
    const { going } = await seats('rsvp-meeting');
    expect(source.seats({ id: 'rsvp-meeting' } as SolidarityEvent)).to.deep.equal({
      going,
      waitlisted: 0,
      capacity: null,
    });
    expect(source.mine.has('rsvp-meeting')).to.equal(false);
  });

  it('opens its form in Spanish and French', async () => {
    for (const [lang, label, submit] of [
      ['es', 'Correo electrónico', 'Enviar mi inscripción'],
      ['fr', 'Adresse e-mail', 'Envoyer mon inscription'],
    ]) {
      clearFeedCache();
      const el = await list(lang);
      await waitUntil(() => text(inItem(el, 'rsvp-meeting', '[part=rsvp]')) !== 'RSVP', `${lang} strings`);
      const form = await open(el, 'rsvp-meeting');
      await waitUntil(() => text(form.querySelector('[part=submit]')) === submit, `${lang} submit`);
      expect(text(form.querySelector('label[for=f-email]'))).to.equal(label);
      await expect(el).shadowDom.to.be.accessible();
    }
  });
});
