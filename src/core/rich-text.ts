/**
 * Renders the feed's `body` format (DESIGN.md): blank-line paragraphs, `- ` lists,
 * `*emphasis*` and `[links](https://…)`. Built from Lit templates only, so feed
 * text can never become markup.
 */
import { trim } from './url.js';
import { html, nothing, type TemplateResult } from 'lit';
import { safeUrl } from './url.js';

type Inline = string | TemplateResult;

const INLINE = /\*([^*\n]+)\*|\[([^\]\n]+)\]\(([^)\s]+)\)/g;

export function renderInline(text: string, base?: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined) {
      out.push(html`<em>${m[1]}</em>`);
    } else {
      const href = safeUrl(m[3], { base, mailto: true, context: 'link in text' });
      out.push(href ? html`<a href=${href} part="link">${m[2]}</a>` : m[2]);
    }
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function renderRichText(text: string, base?: string): TemplateResult | typeof nothing {
  if (!trim(text)) return nothing;
  const blocks = trim(text.replace(/\r\n?/g, '\n')).split(/\n\s*\n/);
  return html`${blocks.map((block) => renderBlock(block, base))}`;
}

function renderBlock(block: string, base?: string): TemplateResult[] {
  // A block may mix lines of prose and a list; group consecutive lines by kind.
  const groups: { list: boolean; lines: string[] }[] = [];
  for (const line of block.split('\n')) {
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    const list = item !== null;
    const content = item ? item[1] : trim(line);
    const current = groups[groups.length - 1];
    if (current && current.list === list) current.lines.push(content);
    else groups.push({ list, lines: [content] });
  }
  return groups.map((g) =>
    g.list
      ? html`<ul>${g.lines.map((l) => html`<li>${renderInline(l, base)}</li>`)}</ul>`
      : html`<p>${renderInline(g.lines.join(' '), base)}</p>`,
  );
}
