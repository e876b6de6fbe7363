/**
 * defineTags: tags in the entry are defined at once, in order; a chunk's tag is fetched only once the
 * page has one (at load, added later, or nested in added content), again after a failed load once the
 * browser is back online, and on demand for tags the document's observer cannot see.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SolidarityElement } from './base-element.js';
import { defineTags } from './tag-loader.js';

let n = 0;
/** A fresh tag name and element class per test (a tag can be defined once per page). */
const fresh = () => {
  n += 1;
  return { tag: `loader-test-${n}`, element: class extends SolidarityElement {} };
};

/** A chunk loader that counts its calls and fails while `offline` is true. */
function chunk(element: typeof SolidarityElement) {
  const loader = async () => {
    loader.calls += 1;
    if (loader.offline) throw new TypeError('Failed to fetch dynamically imported module');
    return element;
  };
  loader.calls = 0;
  loader.offline = false;
  return loader;
}

const quietly = async <T>(run: () => Promise<T>): Promise<T> => {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return await run();
  } finally {
    console.warn = warn;
  }
};

describe('defineTags', () => {
  it("defines the entry's tags at once, in the order given", async () => {
    const a = fresh();
    const b = fresh();
    const order: string[] = [];
    customElements.whenDefined(a.tag).then(() => order.push('a'));
    customElements.whenDefined(b.tag).then(() => order.push('b'));
    defineTags({ [a.tag]: a.element, [b.tag]: b.element }, {});
    await waitUntil(() => order.length === 2);
    expect(order).to.deep.equal(['a', 'b']);
  });

  it("fetches a chunk's tag only once the page has one, also when it comes nested in added content", async () => {
    const { tag, element } = fresh();
    const load = chunk(element);
    defineTags({}, { [tag]: load });
    await new Promise((r) => setTimeout(r, 50));
    expect(load.calls, 'fetched with no such tag on the page').to.equal(0);
    const wrapper = await fixture(html`<div></div>`);
    wrapper.innerHTML = `<section><p><${tag}></${tag}></p></section>`;
    await customElements.whenDefined(tag);
    expect(wrapper.querySelector(tag)).to.be.instanceOf(element);
    expect(load.calls).to.equal(1);
  });

  it('defines a tag the page already has (asked for in a task after its own start), and one added alone later', async () => {
    const first = fresh();
    const later = fresh();
    const el = await fixture(`<${first.tag}></${first.tag}>`);
    const load = chunk(first.element);
    defineTags({}, { [first.tag]: load, [later.tag]: chunk(later.element) });
    expect(load.calls, "asked for in the script's own start").to.equal(0);
    await customElements.whenDefined(first.tag);
    expect(load.calls).to.equal(1);
    expect(el).to.be.instanceOf(first.element);
    document.body.append(document.createElement(later.tag));
    await customElements.whenDefined(later.tag);
  });

  it('tries a failed chunk again once the browser is back online, with one warning', async () => {
    const { tag, element } = fresh();
    const load = chunk(element);
    load.offline = true;
    await fixture(`<${tag}></${tag}>`);
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warnings.push(m);
    try {
      defineTags({}, { [tag]: load });
      await waitUntil(() => load.calls === 1 && warnings.length === 1);
    } finally {
      console.warn = warn;
    }
    expect(warnings[0]).to.match(new RegExp(`<${tag}> could not load`));
    expect(customElements.get(tag)).to.equal(undefined);
    load.offline = false;
    dispatchEvent(new Event('online'));
    await customElements.whenDefined(tag);
    expect(load.calls).to.equal(2);
  });

  it('defines on demand a tag inside a shadow root, which the observer cannot see', async () => {
    const { tag, element } = fresh();
    const load = chunk(element);
    const define = defineTags({}, { [tag]: load });
    const host = await fixture(html`<div></div>`);
    host.attachShadow({ mode: 'open' }).innerHTML = `<${tag}></${tag}>`;
    await new Promise((r) => setTimeout(r, 50));
    expect(load.calls).to.equal(0);
    await define(tag);
    expect(host.shadowRoot!.querySelector(tag)).to.be.instanceOf(element);
    await quietly(() => define('not-ours').catch((e: Error) => expect(e.message).to.match(/not one of ours/)));
  });
});
