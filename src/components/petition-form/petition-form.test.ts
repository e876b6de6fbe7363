// <petition-form> as it renders: accessibility, text and form, validation, languages, host CSS, attributes,
// feeds; against the project's real server (see testing.ts).
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { $, env, fill, filledWidget, person, posts, root, serverCount, usePetitionServer, widget } from './testing.js';
import type { PetitionForm } from './petition-form.js';

describe('<petition-form>', () => {
  usePetitionServer();

  it('is accessible, with real labels, autocomplete tokens and a hidden honeypot', async () => {
    const el = await widget('fair-wages', { fields: 'given_name,family_name,email,postal_code,country,phone,comment' });
    await expect(el).shadowDom.to.be.accessible();
    const tokens = Object.fromEntries(
      [...root(el).querySelectorAll<HTMLInputElement>('.field input, .field textarea')].map((i) => [
        i.name,
        i.getAttribute('autocomplete'),
      ]),
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
    expect(root(el).querySelector('label[for="consent"]')!.textContent).to.equal(
      'You may contact me about the wage campaign.',
    );
    expect($<HTMLAnchorElement>(el, 'a.privacy').href).to.equal('https://workers.example/privacy');
  });

  it("shows the petition's text first, then its whole form in a later render", async () => {
    const el = await fixture<PetitionForm>(
      html`<petition-form feed=${env.feedUrl} petition="fair-wages"></petition-form>`,
    );
    await oneEvent(el, 'feed-load'); // fired right after the render that shows the petition
    expect(root(el).querySelector('h2')!.textContent).to.not.equal('');
    expect(root(el).querySelector('form')).to.equal(null);
    await waitUntil(() => root(el).querySelector('form'), 'the form shows');
    expect([...root(el).querySelectorAll('form input[id^=f-]')].map((i) => i.id)).to.deep.equal([
      'f-given_name',
      'f-family_name',
      'f-email',
      'f-postal_code',
    ]);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('shows the next goal once the goal is passed, with the number formatted for the locale', async () => {
    // A petition only this file signs (signing.test.ts runs beside it, against the same server).
    const { el: first } = await filledWidget('render-test');
    const signed = oneEvent(first, 'petition-signed');
    $<HTMLButtonElement>(first, 'button[type=submit]').click();
    await signed;
    const el = await widget('render-test', { goal: '1' });
    const count = await serverCount('render-test');
    expect(count).to.be.at.least(1);
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

  it('speaks Spanish, with the petition text, consent and labels in Spanish', async () => {
    const el = await widget('fair-wages', { lang: 'es' });
    await waitUntil(() => $(el, 'button[type=submit]').textContent!.includes('Firmar'), 'Spanish strings load');
    expect($(el, 'h2').textContent).to.equal('Salarios justos para todos');
    expect(root(el).querySelector('label[for="consent"]')!.textContent).to.equal(
      'Pueden contactarme sobre la campaña salarial.',
    );
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
      const wrap = await fixture<HTMLElement>(
        html`<div class="host"><petition-form feed=${env.feedUrl} petition="render-test"></petition-form></div>`,
      );
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
      const before = await serverCount('render-test');
      await fill(el, person());
      const signed = oneEvent(el, 'petition-signed');
      $<HTMLButtonElement>(el, 'button[type=submit]').click();
      await signed;
      expect(await serverCount('render-test')).to.equal(before + 1);
    } finally {
      style.remove();
    }
  });

  it('right to left: mirrors, and nothing spills sideways', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<div dir="rtl" style="width:360px"><petition-form feed=${env.feedUrl} petition="fair-wages"></petition-form></div>`,
    );
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
      // The words come with the rare-strings chunk (core/attribute-check.ts), visible from the first render on.
      const notes = () => [...root(el).querySelectorAll('[part=message]')].map((m) => m.textContent).join(' ');
      await waitUntil(() => notes().includes('“lots”'), 'the notes show');
      expect(notes()).to.contain('“lots”').and.to.contain('“shoe_size”').and.to.contain('“javascript:alert(1)”');
      expect(notes()).to.contain('Use a positive whole number').and.to.contain('Use some of given_name');
      expect(root(el).querySelector('[part=message]')!.getAttribute('role')).to.equal('status');
      await el.updateComplete;
      // the form still works from the feed's endpoint
      expect(root(el).querySelector('form')).to.exist;
      for (const bad of ['lots', 'shoe_size', 'javascript:']) {
        expect(
          warnings.filter((w) => w.includes(bad)),
          bad,
        ).to.have.length(1);
      }
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('without a feed: from attributes and the text written inside the tag', async () => {
    const el =
      await fixture<PetitionForm>(html`<petition-form endpoint=${`${env.server.url}/api/petitions/double-test`} heading="Double it" goal="5000">
      <p>We demand <strong>twice</strong> the buses.</p>
    </petition-form>`);
    await waitUntil(() => root(el).querySelector('.counter'), 'the live count shows');
    expect($(el, 'h2').textContent).to.equal('Double it');
    expect($(el, '.counter').textContent).to.contain('Goal: 5,000');
    const slot = $<HTMLSlotElement>(el, '.body slot');
    expect(slot.assignedElements()[0].textContent).to.equal('We demand twice the buses.');
    expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
    // the server says which consent text it checks (the org's here), so that one is shown and sent
    await waitUntil(
      () => root(el).querySelector('label[for="consent"]')!.textContent!.includes('Test Workers may contact me'),
      'the server-defined consent shows',
    );
    await expect(el).shadowDom.to.be.accessible();
  });

  it('inside <org-feed>, with no feed attribute of its own', async () => {
    const wrap = await fixture<HTMLElement>(
      html`<org-feed src=${env.feedUrl}><petition-form petition="fair-wages"></petition-form></org-feed>`,
    );
    const el = wrap.querySelector('petition-form')!;
    await waitUntil(() => root(el).querySelector('.counter'), 'the widget renders from the provided feed');
    expect($(el, 'h2').textContent).to.equal('Fair wages for all');
  });

  it("a feed that fails: a clear message, with the page's own fallback content kept under it", async () => {
    const el = await fixture<PetitionForm>(html`<petition-form feed="/test-feed?status=404&amp;body=no" petition="x">
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

  it('with only a bad endpoint: says what is wrong with it, besides having nothing to sign', async () => {
    const el = await fixture<PetitionForm>(html`<petition-form endpoint="javascript:alert(1)"></petition-form>`);
    const text = () => [...root(el).querySelectorAll('[part=message]')].map((m) => m.textContent).join(' ');
    await waitUntil(() => text().includes('“javascript:alert(1)”'), 'the endpoint problem shows');
    expect(text()).to.contain('Use the http or https address').and.to.contain('Nothing to sign');
    await expect(el).shadowDom.to.be.accessible();
  });
});
