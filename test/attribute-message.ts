import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';

/**
 * Renders `markup` and checks the bad-attribute handling every widget shares
 * (core/attribute-check.ts): a visible, polite message containing `text` on the first
 * render, one console warning containing `warning` (not repeated by a later render),
 * and an accessible widget.
 */
export async function expectAttributeMessage(markup: string, text: string, warning: string): Promise<LitElement> {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (m: string) => warnings.push(m);
  try {
    const el = await fixture<LitElement>(markup);
    const message = () => el.shadowRoot!.querySelector<HTMLElement>('[part=message]');
    await waitUntil(() => message()?.textContent?.includes(text), `the message “${text}” shows`);
    expect(message()!.getAttribute('role')).to.equal('status');
    expect(message()!.getClientRects().length, 'the message is laid out (visible)').to.be.greaterThan(0);
    el.requestUpdate();
    await el.updateComplete;
    expect(warnings.filter((w) => w.includes(warning)).length, `one warning with “${warning}” in ${warnings}`).to.equal(
      1,
    );
    await expect(el).shadowDom.to.be.accessible();
    return el;
  } finally {
    console.warn = warn;
  }
}
