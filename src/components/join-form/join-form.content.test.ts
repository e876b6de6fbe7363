/**
 * <join-form> in Spanish, French and right-to-left; hostile feed content; bad attributes; no join form.
 */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { expectAttributeMessage } from '../../../test/attribute-message.js';
import { jsonUrl, sampleFeed } from '../../../test/fixtures/feed.js';
import { net } from '../../core/signing/testing.js';
import { env, usePetitionServer } from '../petition-form/testing.js';
import { JoinForm } from './join-form.js';

JoinForm.define('join-form');

const root = (el: JoinForm) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: JoinForm, sel: string) => root(el).querySelector<T>(sel)!;

async function joinForm(markup: string) {
  const el = await fixture<JoinForm>(markup);
  await waitUntil(() => root(el).querySelector('form, [role=alert][part=message]'), 'the form or a message shows');
  return el;
}

const hostile = {
  ...sampleFeed,
  chapters: [
    {
      id: 'evil',
      name: '<img src=x onerror="window.pwned=1">',
      city: '<b>Town</b>',
      lat: 1,
      lng: 1,
      email: 'javascript:alert(1)',
      url: 'javascript:alert(1)',
      meets: '<script>window.pwned=1</script>',
      postal_codes: ['1'],
    },
  ],
  join: {
    title: '<script>window.pwned=1</script>',
    body: 'Read [this](javascript:window.pwned=1) **now**',
    fields: ['email', 'not-a-field'],
    consent: '<i>I agree</i>',
    confirm: true,
  },
};

describe('<join-form> languages and content', () => {
  usePetitionServer();

  for (const [lang, title, chapter, submit] of [
    ['es', 'Únete a Test Workers', 'Tu sección', 'Unirme'],
    ['fr', 'Rejoignez Test Workers', 'Votre section', 'Adhérer'],
  ]) {
    it(`speaks ${lang}`, async () => {
      const el = await joinForm(`<join-form lang="${lang}" feed="${env.feedUrl}"></join-form>`);
      await waitUntil(() => $(el, 'label[for=f-chapter]').textContent!.startsWith(chapter), `the ${lang} strings come`);
      expect($(el, '[part=heading]').textContent).to.equal(title);
      expect($(el, '[part=submit]').textContent).to.equal(submit);
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('lays out right to left (Arabic page: English strings, mirrored layout)', async () => {
    const page = await fixture(`<div dir="rtl" lang="ar"><join-form feed="${env.feedUrl}"></join-form></div>`);
    const el = page.querySelector('join-form')!;
    await waitUntil(() => root(el).querySelector('form'), 'the form shows');
    const select = $(el, '#f-chapter').getBoundingClientRect();
    const near = $(el, '[part=near-me]').getBoundingClientRect();
    expect(near.right, '"Near me" is left of the list').to.be.at.most(select.left + 1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('hostile feed text stays text and bad links are dropped, in the form and in the welcome', async () => {
    const el = await joinForm(`<join-form feed="${jsonUrl(hostile)}"></join-form>`);
    expect($(el, '[part=heading]').textContent).to.equal('<script>window.pwned=1</script>');
    expect(root(el).querySelector('img, script, b, i')).to.equal(null);
    expect([...root(el).querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.not.include(
      'javascript:window.pwned=1',
    );
    expect($(el, 'option[value=evil]').textContent).to.equal('<img src=x onerror="window.pwned=1"> — <b>Town</b>');
    expect($(el, 'label[for=consent]').textContent).to.equal('<i>I agree</i>');
    await expect(el).shadowDom.to.be.accessible();

    $<HTMLInputElement>(el, '#f-email').value = 'ada@example.org';
    $(el, '#f-email').dispatchEvent(new Event('input'));
    $<HTMLSelectElement>(el, '#f-chapter').value = 'evil';
    $(el, '#f-chapter').dispatchEvent(new Event('change'));
    $(el, '#consent').click();
    net.fake = () => new Response(JSON.stringify({ chapter: 'evil', pending: true }), { status: 201 });
    const sent = oneEvent(el, 'join-sent');
    $<HTMLButtonElement>(el, '[part=submit]').click();
    expect((await sent).detail).to.deep.equal({ join: 'evil', chapter: 'evil', pending: true });
    await waitUntil(() => root(el).querySelector('#thanks'), 'the welcome shows');
    expect($(el, '#thanks').textContent).to.equal('Welcome! You are a member of <img src=x onerror="window.pwned=1">.');
    expect($(el, '[part=confirm-note]').textContent).to.contain('check your email');
    expect($(el, '[part=reach]').textContent).to.contain('Meets: <script>window.pwned=1</script>');
    expect($(el, '[part=reach]').querySelector('a'), 'no javascript: link').to.equal(null);
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect((window as unknown as { pwned?: number }).pwned).to.equal(undefined);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a chapter the feed does not have: a visible message, one warning, no chapter chosen', async () => {
    const el = await expectAttributeMessage(
      `<join-form feed="${env.feedUrl}" chapter="atlantis"></join-form>`,
      'Use the id of one of the feed’s chapters',
      'chapter="atlantis"',
    );
    expect($<HTMLSelectElement>(el as JoinForm, '#f-chapter').value).to.equal('');
  });

  it('a bad endpoint or field name: a visible message and one warning each', async () => {
    await expectAttributeMessage(
      `<join-form feed="${env.feedUrl}" endpoint="ftp://x/api/join"></join-form>`,
      'Use the http or https address of the join endpoint',
      'endpoint="ftp://x/api/join"',
    );
    await expectAttributeMessage(
      `<join-form feed="${env.feedUrl}" fields="email,shoe_size"></join-form>`,
      'Use some of given_name',
      'fields="shoe_size"',
    );
  });

  it('a feed without a join form says there is nothing to join, and keeps the page’s content', async () => {
    const el = await joinForm(
      `<join-form feed="${jsonUrl(sampleFeed)}"><a href="/join">Join on our site</a></join-form>`,
    );
    expect($(el, '[part=message]').textContent).to.contain('Nothing to join here');
    expect(el.querySelector('a')!.getClientRects().length).to.be.greaterThan(0);
    await expect(el).shadowDom.to.be.accessible();
  });
});
