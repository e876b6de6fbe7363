// <petition-form> on a site the organization has not allowed yet (403 origin_not_allowed): the
// reader is told so in their language (never "offline"), with the organization's site to sign on;
// the webmaster gets one console warning with the exact step; nothing is kept on the device.
// The refusal is faked here (this page's origin is allowed by the test server); the real server
// refusing a real other origin is test/host/not-allowed.test.mjs.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { QUEUE_KEY } from '../../core/signing/offline-queue.js';
import { $, fill, net, person, posts, root, usePetitionServer, widget } from './testing.js';
import type { PetitionForm } from './petition-form.js';

const refusal = () =>
  new Response(
    JSON.stringify({
      error: { code: 'origin_not_allowed', message: `Signatures are not accepted from ${location.origin}.` },
    }),
    { status: 403, headers: { 'content-type': 'application/json' } },
  );

async function signRefused(el: PetitionForm) {
  await fill(el, person());
  const failed = oneEvent(el, 'petition-error');
  $<HTMLButtonElement>(el, 'button[type=submit]').click();
  expect((await failed).detail.code).to.equal('origin_not_allowed');
  await waitUntil(() => root(el).querySelector('[role=alert] a'), 'the message and its link show');
  return $(el, '[role=alert]');
}

describe('<petition-form> on a site not allowed yet', () => {
  usePetitionServer();
  const warnings: string[] = [];
  const realWarn = console.warn;
  before(() => {
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  after(() => {
    console.warn = realWarn;
  });

  it('says the site cannot send signatures yet, in English and Spanish, links to the organization, warns once', async () => {
    net.fake = (url) => (url.endsWith('/signatures') ? refusal() : undefined);
    const el = await widget('fair-wages');
    const alert = await signRefused(el);
    expect(alert.textContent).to.contain('This site can’t send signatures to Test Workers yet');
    expect(alert.textContent).to.contain('was not kept on this device');
    expect(alert.textContent).not.to.match(/offline/i);
    const link = $<HTMLAnchorElement>(el, '[role=alert] a');
    expect(link.href).to.equal('https://workers.example/');
    expect(link.textContent).to.equal('Sign on Test Workers’s own site');
    expect($(el, 'form')).to.exist; // the form stays: the reader may still go and sign elsewhere
    await expect(el).shadowDom.to.be.accessible();
    // Not kept: nothing waits in the queue to be retried later.
    expect(localStorage.getItem(QUEUE_KEY)).to.be.null;
    expect(posts).to.have.length(1); // a 403 is never retried

    const es = await widget('fair-wages', { lang: 'es' });
    const alertEs = await signRefused(es);
    expect(alertEs.textContent).to.contain('Este sitio todavía no puede enviar firmas a Test Workers');
    expect($<HTMLAnchorElement>(es, '[role=alert] a').textContent).to.equal('Firma en el sitio de Test Workers');

    const ours = warnings.filter((w) => w.includes('not allowed to send signatures'));
    expect(ours, ours.join('\n')).to.have.length(1);
    expect(ours[0]).to.contain(`this site (${location.origin})`);
    expect(ours[0]).to.contain(`--allow-origin ${location.origin}`);
    expect(ours[0]).to.contain(`solidarity-widgets origins allow ${location.origin}`);
  });
});
