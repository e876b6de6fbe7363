// Shared helpers for stories (see stories/README.md).
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Where the organization's server is, seen from these docs (it serves them at /docs/). */
export function serverBase(location: Location | URL = window.location): string {
  const path = location.pathname;
  const at = path.indexOf('/docs/');
  return location.origin + (at >= 0 ? path.slice(0, at) : '') + '/';
}

/**
 * "Show code" snippets with the organization's real feed address instead of the docs' local
 * copy, so they can be pasted as they are.
 */
export function absoluteFeeds(code: string): string {
  return code.replaceAll(`"${FEED}"`, `"${serverBase()}feed.json"`);
}

/** The demo organization's feed (sample/feed.json), served by Storybook beside the story iframe. */
export const FEED = 'feed.json';

/**
 * A feed address that does not exist in the docs: a real 404. The story test tolerates the
 * browser's "Failed to load resource" error for this path only.
 */
export const MISSING_FEED = 'missing-feed.json';

/** Dark theme: the public `--sw-*` tokens a host page would set (contrast checked by axe). */
export const DARK_TOKENS: Record<string, string> = {
  '--sw-color-accent': '#ff8a80',
  '--sw-color-on-accent': '#1a1a1f',
  '--sw-color-text': '#f1f1f4',
  '--sw-color-muted': '#c4c4cc',
  '--sw-color-surface': '#1f1f25',
  '--sw-color-surface-alt': '#2a2a31',
  '--sw-color-border': '#5c5c66',
  '--sw-color-danger': '#ff9e9e',
  '--sw-color-success': '#8fdc9f',
  '--sw-color-focus': '#8ab4ff',
  '--sw-color-link': '#ffb4ab',
};

const DARK_PAGE = 'background:#121216;color:#f1f1f4;padding:1rem;';

export interface FrameOptions {
  /** BCP-47 language of the wrapper (the widget inherits it). */
  lang?: string;
  /** Text direction of the wrapper. */
  dir?: 'ltr' | 'rtl';
  /** `dark`: a dark page with the dark tokens set on the wrapper. */
  theme?: 'light' | 'dark';
  /** Extra inline style for the wrapper (e.g. your own `--sw-*` tokens). */
  style?: string;
}

export function tokenStyle(tokens: Record<string, string>): string {
  return Object.entries(tokens)
    .map(([k, v]) => `${k}:${v};`)
    .join('');
}

/** Wraps content the way a host page would: a `lang`, a `dir`, a dark theme. */
export function wrap(content: unknown, { lang, dir, theme, style = '' }: FrameOptions = {}): TemplateResult {
  const css = (theme === 'dark' ? DARK_PAGE + tokenStyle(DARK_TOKENS) : '') + style;
  return html`<div lang=${ifDefined(lang)} dir=${ifDefined(dir)} style=${ifDefined(css || undefined)}>${content}</div>`;
}

/** A story decorator: `decorators: [frame({ lang: 'es' })]`. */
export function frame(options: FrameOptions) {
  return (story: () => unknown) => wrap(story(), options);
}

/** Waits for the widget `tag` in the story to render `what` (its form, by default). */
export async function ready<T extends HTMLElement>(canvas: HTMLElement, tag: string, what = 'form'): Promise<T> {
  const el = canvas.querySelector<T>(tag)!;
  for (let i = 0; i < 200 && !el.shadowRoot?.querySelector(what); i++) await new Promise((r) => setTimeout(r, 25));
  return el;
}

/** Types each value into the form's field `#f-<name>` as a reader would (input and change events). */
export function typeFields(root: ShadowRoot, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) {
    const input = root.querySelector<HTMLInputElement>(`#f-${name}`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}
