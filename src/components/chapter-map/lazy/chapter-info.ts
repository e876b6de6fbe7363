/**
 * What a reader needs to reach a chapter (where, when it meets, email, website),
 * shared by the map's popup and the details under the list. Feed text only ever
 * becomes text: the popup is built with DOM APIs, the details with a template.
 */
import { html, nothing } from 'lit';
import type { Chapter } from '../../../core/feed-types.js';
import type { LocaleController } from '../../../core/locale-controller.js';
import { pickTranslation } from '../../../core/translations.js';
import { mailtoUrl } from '../../../core/mailto.js';
import { safeUrl } from '../../../core/url.js';

export interface InfoLine {
  kind: 'city' | 'meets' | 'email' | 'url';
  text: string;
  href?: string;
}

/** The lines about a chapter; relative links resolve against `base`, the document the chapter came from. */
export function chapterInfo(c: Chapter, t: LocaleController, base: string | undefined): InfoLine[] {
  const out: InfoLine[] = [];
  const where = placeOf(c);
  if (where) out.push({ kind: 'city', text: where });
  const meets = pickTranslation(c.meets, t.lang);
  if (meets) out.push({ kind: 'meets', text: t.t('chapter.meets', { when: meets }) });
  const mail = mailtoUrl(c.email);
  if (mail) out.push({ kind: 'email', text: mail.slice(7), href: mail });
  const url = safeUrl(c.url, { base, context: `chapter ${c.id} url` });
  if (url) out.push({ kind: 'url', text: t.t('chapter.website'), href: url });
  return out;
}

/** City, region and country, as one line. */
export const placeOf = (c: Chapter) => [c.city, c.region, c.country].filter(Boolean).join(', ');

/** The lines for each chapter, worked out once per chapter and language (each bad URL warns once). */
export class ChapterInfoCache {
  private cache = new WeakMap<Chapter, { key: string; lines: InfoLine[] }>();

  get(c: Chapter, t: LocaleController, base: string | undefined): InfoLine[] {
    const key = `${t.lang} ${t.t('chapter.website')} ${base}`;
    const cached = this.cache.get(c);
    if (cached?.key === key) return cached.lines;
    const lines = chapterInfo(c, t, base);
    this.cache.set(c, { key, lines });
    return lines;
  }
}

/** The map popup's content. */
export function popupNode(name: string, lines: InfoLine[]): Node {
  const box = document.createElement('div');
  box.className = 'popup';
  box.appendChild(document.createElement('strong')).textContent = name;
  for (const line of lines) {
    const p = box.appendChild(document.createElement('p'));
    if (!line.href) {
      p.textContent = line.text;
      continue;
    }
    const a = p.appendChild(document.createElement('a'));
    a.href = line.href;
    a.textContent = line.text;
    if (line.kind === 'url') a.target = '_blank';
  }
  return box;
}

/** The selected chapter's details, under the list; `actions` after them (its next events, joining). */
export function renderDetails(name: string, lines: InfoLine[], actions: unknown = nothing) {
  return html`<section class="details" part="details" aria-labelledby="dn">
    <h3 id="dn">${name}</h3>
    ${lines.map((i) =>
      i.href
        ? html`<p><a href=${i.href} target=${i.kind === 'url' ? '_blank' : nothing}>${i.text}</a></p>`
        : html`<p>${i.text}</p>`,
    )}
    ${actions}
  </section>`;
}
