/**
 * <join-form> against the project's REAL server (test/fixtures/petition-server.mjs, whose feed has
 * a join form and chapters: 60614 → chicago-north, "Chicago North Side"), in real Chromium.
 */
import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { QUEUE_KEY } from '../../core/signing/offline-queue.js';
import { net, posts, setOnline } from '../../core/signing/testing.js';
import { env, unique, usePetitionServer } from '../petition-form/testing.js';
import { finder } from './chapter-choice.js';
import { JoinForm } from './join-form.js';

JoinForm.define('join-form');

const root = (el: JoinForm) => el.shadowRoot!;
const $ = <T extends Element = HTMLInputElement>(el: JoinForm, sel: string) => root(el).querySelector<T>(sel)!;

/** A join form on the test server's feed, once its form shows. */
async function joinForm(attrs = '') {
  const el = await fixture<JoinForm>(`<join-form feed="${env.feedUrl}" ${attrs}></join-form>`);
  await waitUntil(() => root(el).querySelector('form'), 'the form shows');
  return el;
}

/** Types into a field as a reader does (input events), then leaves it (change). */
async function type(el: JoinForm, id: string, value: string) {
  const input = $(el, `#${id}`);
  input.focus();
  await sendKeys({ type: value });
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const chapterOf = (el: JoinForm) => $<HTMLSelectElement>(el, '#f-chapter').value;

describe('<join-form>', () => {
  usePetitionServer();

  it('joins by keyboard alone: 60614 picks Chicago North Side, the server stores it, the welcome says how to reach it', async () => {
    const outside = await fixture<HTMLButtonElement>(html`<button>before</button>`);
    const el = await joinForm();
    el.before(outside);
    await expect(el).shadowDom.to.be.accessible();
    expect($(el, '[part=heading]').textContent).to.equal('Join Test Workers');
    outside.focus();
    const email = `${unique()}@example.org`;
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('f-given_name');
    for (const v of ['Lucy', 'Parsons', email, '60614']) {
      await sendKeys({ type: v });
      await sendKeys({ press: 'Tab' });
    }
    expect(root(el).activeElement?.id).to.equal('f-chapter');
    await waitUntil(() => chapterOf(el) === 'chicago-north', 'the postal code picked its chapter');
    expect($(el, '#chapter-note').textContent).to.contain('Chicago North Side');
    await sendKeys({ press: 'Tab' }); // Near me
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.id).to.equal('consent');
    await sendKeys({ press: 'Space' });
    const sent = oneEvent(el, 'join-sent');
    await sendKeys({ press: 'Enter' });
    expect((await sent).detail).to.deep.equal({ join: 'chicago-north', chapter: 'chicago-north', pending: false });
    const [post] = posts;
    expect(post.url).to.equal(`${env.server.url}/api/join`);
    expect(post.body).to.include({ email, postal_code: '60614', chapter: 'chicago-north', given_name: 'Lucy' });
    await el.updateComplete;
    await waitUntil(() => root(el).activeElement?.id === 'thanks', 'the welcome is focused');
    expect($(el, '#thanks').textContent).to.equal('Welcome! You are a member of Chicago North Side.');
    const reach = $(el, '[part=reach]');
    expect(reach.querySelector('a')!.getAttribute('href')).to.equal('mailto:north@workers.example');
    expect(reach.textContent).to.contain('Meets: Thursdays, 6:30pm');
    expect($(el, '[role=status]').textContent).to.equal('Joined.');
    await expect(el).shadowDom.to.be.accessible();
    // stored with its chapter, and exported with it (the organizers' members CSV)
    const csv = await fetch('/test-server-admin?path=/api/join/members.csv').then((r) => r.text());
    const row = csv.split(/\r?\n/).find((line) => line.includes(email));
    expect(row).to.contain('chicago-north').and.to.contain('Chicago North Side');
  });

  it('a chapter chosen from the list stays when the postal code changes; "Near me" picks the nearest', async () => {
    const el = await joinForm();
    await type(el, 'f-postal_code', '606');
    await waitUntil(() => chapterOf(el) === 'chicago', '606 picks Chicago');
    const select = $<HTMLSelectElement>(el, '#f-chapter');
    select.value = 'toronto';
    select.dispatchEvent(new Event('change'));
    await type(el, 'f-postal_code', '14');
    await finder.load(); // the postal code's handler has run (it waited on the same chunk)
    await el.updateComplete;
    expect(chapterOf(el)).to.equal('toronto');

    const geo = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation');
    const milwaukee = { coords: { latitude: 43.0, longitude: -87.9 } } as GeolocationPosition;
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: { getCurrentPosition: (ok: PositionCallback) => setTimeout(() => ok(milwaukee)) },
    });
    try {
      $<HTMLButtonElement>(el, '[part=near-me]').click();
      await waitUntil(() => chapterOf(el) === 'milwaukee', 'near me picks Milwaukee');
      expect($(el, '#chapter-note').textContent).to.equal('Nearest to you: Milwaukee. You can choose another.');
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      delete (navigator as unknown as Record<string, unknown>).geolocation;
      if (geo) Object.defineProperty(Navigator.prototype, 'geolocation', geo);
    }
  });

  it('the list by keyboard: arrow keys choose a chapter, and the postal code then leaves it alone', async () => {
    const el = await joinForm();
    $<HTMLSelectElement>(el, '#f-chapter').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(chapterOf(el)).to.equal('chicago-north');
    await type(el, 'f-postal_code', '53202');
    await finder.load(); // the postal code's handler has run (it waited on the same chunk)
    await el.updateComplete;
    expect(chapterOf(el)).to.equal('chicago-north');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('"Near me" refused: says so, and the list is still there', async () => {
    const el = await joinForm();
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_ok: PositionCallback, no: PositionErrorCallback) =>
          setTimeout(() => no!({} as GeolocationPositionError)),
      },
    });
    try {
      $<HTMLButtonElement>(el, '[part=near-me]').click();
      await waitUntil(() => $(el, '#chapter-note').textContent!.includes('not available'), 'the note says why');
      expect(chapterOf(el)).to.equal('');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).geolocation;
    }
  });

  it("shows the title and text, then the form, then the chapters' options, a task each; updateComplete waits for all", async () => {
    // Observed from the start: fixture() waits for the first render.
    const el = fixtureSync<JoinForm>(`<join-form feed="${env.feedUrl}"></join-form>`);
    const shown = () => {
      const r = root(el);
      if (!r.querySelector('[part=heading]')) return '';
      return r.querySelector('form') ? `form, ${r.querySelectorAll('#f-chapter option').length} options` : 'text';
    };
    const seen: string[] = [];
    new MutationObserver(() => {
      if (shown() && shown() !== seen[seen.length - 1]) seen.push(shown());
    }).observe(root(el), { childList: true, subtree: true });
    await waitUntil(() => root(el).querySelector('[part=heading]'), 'the title shows');
    await el.updateComplete;
    expect(seen, "the test feed's four chapters after the placeholder").to.deep.equal([
      'text',
      'form, 1 options',
      'form, 5 options',
    ]);
  });

  it('the page gives a chapter; it is chosen and editable', async () => {
    const el = await joinForm('chapter="toronto"');
    await waitUntil(() => chapterOf(el) === 'toronto', 'the given chapter is chosen');
    expect($(el, '#chapter-note').textContent).to.equal('You are joining Toronto. You can choose another.');
    await type(el, 'f-postal_code', '53202');
    await waitUntil(() => chapterOf(el) === 'milwaukee', 'the postal code may change it');
  });

  it('offline: saved and told; back online: delivered exactly once, and the welcome shows', async () => {
    const el = await joinForm();
    await type(el, 'f-given_name', 'Emma');
    await type(el, 'f-email', `${unique()}@example.org`);
    await type(el, 'f-postal_code', '60601');
    await waitUntil(() => chapterOf(el) === 'chicago', '60601 picks Chicago');
    $(el, '#consent').click();
    setOnline(false);
    const queued = oneEvent(el, 'join-queued');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await queued).detail).to.deep.equal({ join: 'chicago' });
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.equal(
      'Saved — your membership will be sent when you’re back online.',
    );
    // (the origin's queue is shared with the other test files' pages: find this one)
    const entry = JSON.parse(localStorage.getItem(QUEUE_KEY)!).queue.find((e: { kind: string }) => e.kind === 'join');
    expect(entry).to.include({ kind: 'join', id: 'chicago', url: `${env.server.url}/api/join` });
    await expect(el).shadowDom.to.be.accessible();
    expect(posts).to.have.length(0);

    setOnline(true);
    const sent = oneEvent(el, 'join-sent');
    dispatchEvent(new Event('online'));
    expect((await sent).detail).to.deep.equal({ join: 'chicago', chapter: 'chicago', pending: false });
    await waitUntil(() => !localStorage.getItem(QUEUE_KEY)?.includes('"join"'), 'the delivered join is deleted');
    await el.updateComplete;
    expect($(el, '#thanks').textContent).to.equal('Welcome! You are a member of Chicago.');
    dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).to.have.length(1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('validates by the petition rules: required fields and consent, focus on the first problem', async () => {
    const el = await joinForm();
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    // given_name, email, postal_code and chapter (the feed's join.fields), and consent
    await waitUntil(() => $(el, '[role=alert]').textContent === '5 fields need your attention.', 'the summary');
    expect(root(el).activeElement?.id).to.equal('f-given_name');
    expect($(el, '#chapter-error').textContent).to.contain('This field is required.');
    expect(posts).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a server refusal naming a field shows under it, and nothing is kept', async () => {
    const el = await joinForm();
    await type(el, 'f-given_name', 'Emma');
    await type(el, 'f-email', `${unique()}@example.org`);
    await type(el, 'f-postal_code', '53202');
    await waitUntil(() => chapterOf(el) === 'milwaukee', '53202 picks Milwaukee');
    $(el, '#consent').click();
    const refusal = { error: { code: 'invalid_field', message: 'There is no chapter "milwaukee".', field: 'chapter' } };
    net.fake = () => new Response(JSON.stringify(refusal), { status: 400 });
    const failed = oneEvent(el, 'join-error');
    $<HTMLButtonElement>(el, 'button[type=submit]').click();
    expect((await failed).detail).to.deep.equal({
      join: 'milwaukee',
      code: 'invalid_field',
      message: refusal.error.message,
    });
    await el.updateComplete;
    expect($(el, '#chapter-error').textContent).to.contain('There is no chapter "milwaukee".');
    expect(localStorage.getItem(QUEUE_KEY)).to.equal(null);
    expect($<HTMLSelectElement>(el, '#f-chapter').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
  });
});
