/**
 * How every widget takes turns with the host page: yieldToPage resumes each caller
 * in a task of its own, and define() tolerates a tag that is already taken.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { SolidarityElement, yieldToPage } from './base-element.js';

describe('yieldToPage', () => {
  it('runs each caller in a task of its own', async () => {
    const order: string[] = [];
    await Promise.all(
      [1, 2].map(async (n) => {
        await yieldToPage();
        order.push(`start ${n}`);
        queueMicrotask(() => order.push(`microtasks of ${n}`));
      }),
    );
    // Had both resumed in one task, their microtasks would run after both had started.
    expect(order).to.deep.equal(['start 1', 'microtasks of 1', 'start 2', 'microtasks of 2']);
  });
});

describe('SolidarityElement.define', () => {
  it('keeps a tag the page defined first, with a warning each time', () => {
    class Mine extends HTMLElement {}
    customElements.define('taken-first', Mine);
    class Ours extends SolidarityElement {}
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (m: string) => warnings.push(m);
    try {
      Ours.define('taken-first');
      Ours.define('taken-first');
    } finally {
      console.warn = warn;
    }
    expect(customElements.get('taken-first')).to.equal(Mine);
    expect(warnings.filter((w) => /taken-first/.test(w))).to.have.length(2);
  });

  it('a define that throws (a host wrapper, a name clash) is one warning, not an error', () => {
    class Ours extends SolidarityElement {}
    const define = customElements.define;
    const warn = console.warn;
    const warnings: string[] = [];
    customElements.define = () => {
      throw new Error('the host reserved this name');
    };
    console.warn = (m: string) => warnings.push(m);
    try {
      expect(() => Ours.define('host-reserved')).not.to.throw();
    } finally {
      customElements.define = define;
      console.warn = warn;
    }
    expect(warnings.filter((w) => /host-reserved/.test(w) && /the host reserved this name/.test(w))).to.have.length(1);
  });
});

describe('SolidarityElement rendering', () => {
  it('a render that throws (a host’s patched built-in) is one warning; the element renders again later', async () => {
    let fail = true;
    class Fragile extends SolidarityElement {
      render() {
        if (fail) throw new Error('host trim threw');
        return html`<p>fine</p>`;
      }
    }
    Fragile.define('fragile-element');
    const warn = console.warn;
    const warnings: string[] = [];
    const uncaught: unknown[] = [];
    const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
    addEventListener('unhandledrejection', onRejection);
    console.warn = (m: string) => warnings.push(m);
    try {
      const el = await fixture<Fragile>(html`<fragile-element></fragile-element>`);
      el.requestUpdate();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 0));
      expect(uncaught).to.deep.equal([]);
      expect(warnings.filter((w) => /fragile-element/.test(w) && /host trim threw/.test(w))).to.have.length(1);
      fail = false;
      el.requestUpdate();
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('fine');
    } finally {
      removeEventListener('unhandledrejection', onRejection);
      console.warn = warn;
    }
  });
});
