import { fixture } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';

/**
 * Renders a fixture and waits until a widget inside it has loaded its feed (or
 * failed to). Listens before rendering, since a cached feed can settle at once.
 */
export async function feedFixture<T extends Element>(template: TemplateResult, selector?: string): Promise<T> {
  let settle!: (e: Event) => void;
  const settled = new Promise<Event>((resolve) => (settle = resolve));
  document.addEventListener('feed-load', settle, { once: true });
  document.addEventListener('feed-error', settle, { once: true });
  const root = await fixture<HTMLElement>(template);
  await settled;
  document.removeEventListener('feed-load', settle);
  document.removeEventListener('feed-error', settle);
  const el = (selector ? root.querySelector(selector) : root) as unknown as LitElement;
  await el.updateComplete;
  return el as unknown as T;
}

/** Waits for Lit to render after an async step (a lazy chunk, a fetch). */
export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
