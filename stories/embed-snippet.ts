/**
 * What the embed builder hands a webmaster, as plain functions (no Storybook, no DOM), so that the
 * host-page tests paste exactly what the builder shows: the snippet, and the step the organization
 * must take before that site's readers can sign.
 */

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The snippet a webmaster pastes: the script tag, then the widget with the chosen attributes. */
export function snippet(scriptUrl: string, tag: string, attributes: Array<[string, string | boolean]>): string {
  const attrs = attributes
    .filter(([, v]) => v !== false && v !== '')
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeAttr(String(v))}"`))
    .join('');
  return `<script type="module" src="${escapeAttr(scriptUrl)}"></script>\n<${tag}${attrs}></${tag}>\n`;
}

/** The organization's step for a site: its origin, the serve option, and the command for a running server. */
export type AllowStep = { origin: string; option: string; command: string } | { error: string };

/** The allow-list step for the address a webmaster typed (any page of their site will do). */
export function allowStep(address: string): AllowStep {
  let url: URL;
  try {
    url = new URL(address.trim());
  } catch {
    return { error: `“${address.trim()}” is not a web address: type it like https://your-site.example` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { error: `“${address.trim()}” is not a web address: type it like https://your-site.example` };
  }
  const origin = url.origin;
  return { origin, option: `--allow-origin ${origin}`, command: `solidarity-widgets origins allow ${origin}` };
}
