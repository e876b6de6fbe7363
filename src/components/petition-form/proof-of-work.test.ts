// <petition-form> with proof of work on (the test server runs with --proof-of-work on): the
// challenge is solved while the reader fills the form, the POST carries it in `altcha`, and a
// signature queued offline is solved when it is delivered.
import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { QUEUE_KEY } from '../../core/signing/offline-queue.js';
import {
  $,
  env,
  fill,
  filledWidget,
  person,
  posts,
  root,
  serverCount,
  setOnline,
  usePetitionServer,
  widget,
} from './testing.js';

/** The solved challenge a POST carried, decoded. */
const proofOf = (body: Record<string, unknown>) =>
  JSON.parse(atob(String(body.altcha))) as { algorithm: string; number: number; salt: string; signature: string };

describe('<petition-form> proof of work', () => {
  usePetitionServer();

  it('a reader signs by keyboard; the POST carries a solved challenge and the signature is stored', async () => {
    // A petition of its own: signing.test.ts counts fair-wages's signatures while this file runs beside it.
    const el = await widget('pow-test');
    const before = await serverCount('pow-test');
    const p = person();
    $(el, '#f-given_name').focus();
    for (const v of [p.given_name, p.family_name, p.email, p.postal_code]) {
      await sendKeys({ type: v });
      await sendKeys({ press: 'Tab' });
    }
    expect(root(el).activeElement?.id).to.equal('consent');
    await sendKeys({ press: 'Space' });
    const signed = oneEvent(el, 'petition-signed');
    $(el, 'button[type=submit]').focus();
    await sendKeys({ press: 'Enter' });
    expect((await signed).detail.count).to.equal(before + 1);
    expect(await serverCount('pow-test')).to.equal(before + 1);
    expect(posts).to.have.length(1);
    const proof = proofOf(posts[0].body);
    expect(proof.algorithm).to.equal('SHA-256');
    expect(proof.number).to.be.a('number');
    expect(proof.salt).to.match(/expires=\d+/);
  });

  it('a signature queued offline is solved when it is delivered', async () => {
    const { el, before } = await filledWidget('offline-test');
    setOnline(false);
    const queued = oneEvent(el, 'petition-queued');
    $(el, 'button[type=submit]').click();
    await queued;
    const saved = JSON.parse(localStorage.getItem(QUEUE_KEY)!).queue[0];
    expect(JSON.parse(saved.body)).to.not.have.property('altcha'); // kept without: a challenge lasts 10 minutes
    setOnline(true);
    const signed = oneEvent(el, 'petition-signed');
    dispatchEvent(new Event('online'));
    expect((await signed).detail.count).to.equal(before + 1);
    const sent = posts.filter((p) => p.url === `${env.server.url}/api/petitions/offline-test/signatures`);
    expect(proofOf(sent[sent.length - 1].body).signature).to.match(/^[0-9a-f]{64}$/);
  });
});

describe('<petition-form> on a petition that asks for confirmation by email', () => {
  usePetitionServer();

  it('the thank-you tells the reader to check their email; the signature waits uncounted', async () => {
    const el = await widget('confirm-test');
    const before = await serverCount('confirm-test');
    await fill(el, { email: person().email });
    const signed = oneEvent(el, 'petition-signed');
    $(el, 'button[type=submit]').click();
    await signed;
    await el.updateComplete;
    expect($(el, '[part=confirm-note]').textContent).to.contain('check your email');
    expect(posts[0].body.lang).to.equal('en');
    expect(await serverCount('confirm-test')).to.equal(before, 'counted once confirmed');
  });
});
