/**
 * How every widget takes turns with the host page: yieldToPage resumes each caller
 * in a task of its own, and define() tolerates a tag that is already taken.
 */
import { expect } from '@open-wc/testing';
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

});
