import { trim } from '../../core/url.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AttributeCheck, type AttributeProblem } from '../../core/attribute-check.js';
import { SolidarityElement } from '../../core/base-element.js';
import { renderRichText } from '../../core/rich-text.js';
import { FeedController } from '../../core/feed-controller.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import type { Plank } from '../../core/feed-types.js';
import { LocaleController } from '../../core/locale-controller.js';
import { lazy } from '../../core/lazy.js';
import { pickTranslation } from '../../core/translations.js';
import { themeStyles } from '../../core/theme.styles.js';
import { plankStyles } from './platform-plank.styles.js';

/** The share button's code, loaded on its first click. */
const sharing = lazy(() => import('./lazy/share-plank.js'));

export type PlankVariant = 'card' | 'compact';
const VARIANTS: string[] = ['card', 'compact'] satisfies PlankVariant[];

/** The variant to draw: the one asked for when it is known, else cards. */
export const plankVariant = (variant: string): PlankVariant =>
  VARIANTS.includes(variant) ? (variant as PlankVariant) : 'card';

/** The title's heading level: 2–6 as asked, else 2 (a level that never skips one after the page's h1). */
export const plankHeadingLevel = (level: number): number =>
  Number.isInteger(level) && level >= 2 && level <= 6 ? level : 2;

/** The attribute checks `<platform-plank>` and `<platform-list>` share: `variant` and `heading-level`. */
export function checkPlankAttributes(
  el: HTMLElement & { variant: string; headingLevel: number },
): (AttributeProblem | false)[] {
  const level = el.getAttribute('heading-level');
  return [
    plankVariant(el.variant) !== el.variant && {
      name: 'variant',
      value: el.variant,
      hint: 'attr.use-variant',
    },
    level !== null &&
      plankHeadingLevel(el.headingLevel) !== el.headingLevel && {
        name: 'heading-level',
        value: level,
        hint: 'attr.use-heading-level',
        params: { level: 2 },
      },
  ];
}

/** Finds a plank by `id` first, then by `number`. */
export function findPlank(planks: Plank[], key: string): Plank | undefined {
  return planks.find((p) => p.id === key) ?? planks.find((p) => String(p.number) === trim(key));
}

/**
 * One plank of the platform as a card: number, title, summary, an expandable
 * body, its topics and a share link. `#plank-<id>` in the page address opens it.
 *
 * @summary One platform plank as a card.
 *
 * @slot title - The plank's title, when it is written in the page instead of a feed.
 * @slot summary - A one-sentence summary shown above the body.
 * @slot - The plank's body (shown when expanded).
 *
 * @csspart card - The card's outer box.
 * @csspart number - The plank number badge.
 * @csspart title - The title heading.
 * @csspart summary - The summary paragraph.
 * @csspart body - The expandable body.
 * @csspart tags - The list of topics.
 * @csspart toggle - The "Read more" / "Show less" button.
 * @csspart share - The share button.
 * @csspart message - Loading and error messages.
 * @csspart link - Links inside the body.
 *
 * @cssprop --sw-color-accent - Accent color (number badge, top border, buttons). Defaults to the feed's
 *   `org.color`, else a deep red.
 * @cssprop --sw-color-on-accent - Text on the accent color.
 * @cssprop --sw-color-text - Text color.
 * @cssprop --sw-color-muted - Secondary text color.
 * @cssprop --sw-color-surface - Card background.
 * @cssprop --sw-color-border - Border color.
 * @cssprop --sw-radius - Corner radius.
 * @cssprop --sw-space - Base spacing.
 * @cssprop --sw-font-family - Font family.
 * @cssprop --sw-heading-size - Title size.
 *
 * @fires plank-toggle - The body was opened or closed. `detail: { plank, expanded }`.
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class PlatformPlank extends SolidarityElement {
  static styles = [themeStyles, plankStyles];
  static override properties = {
    feed: {},
    plank: {},
    expanded: { type: Boolean, reflect: true },
    variant: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    data: { attribute: false },
    base: { attribute: false },
    shareStatus: { state: true },
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** Which plank: its `id`, else its `number`. */
  plank?: string;
  /** Whether the body is shown. */
  expanded = false;
  /** `card` (default) or `compact` (a one-line disclosure). */
  variant: PlankVariant = 'card';
  /** Heading level of the title (2–6, default 2), to fit the host page's outline. */
  headingLevel = 2;
  /** The plank itself, set by `<platform-list>` (property only). */
  data?: Plank;
  /** Base URL for relative links in the plank (property only). */
  base?: string;

  private shareStatus = '';

  private feedState = new FeedController(this);
  private locale = new LocaleController(this);
  private attributeCheck = new AttributeCheck(this, this.locale, () => checkPlankAttributes(this));
  private deepLinked = false;

  connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHashChange);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHashChange);
  }

  private get plankId(): string | undefined {
    return this.resolvePlank()?.id ?? (this.plank || this.id.replace(/^plank-/, '') || undefined);
  }

  private resolvePlank(): Plank | undefined {
    if (this.data) return this.data;
    const s = this.feedState.state;
    return s?.status === 'ready' && this.plank ? findPlank(s.feed.platform, this.plank) : undefined;
  }

  private onHashChange = () => this.openFromHash(true);

  private openFromHash(scroll: boolean) {
    const id = this.plankId;
    if (!id || location.hash !== `#plank-${encodeURIComponent(id)}`) return;
    this.setExpanded(true);
    if (scroll) this.updateComplete.then(() => this.scrollIntoView({ block: 'start' }));
  }

  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.deepLinked && this.plankId && (this.resolvePlank() || !this.feedState.state)) {
      this.deepLinked = true;
      this.openFromHash(true);
    }
  }

  private setExpanded(expanded: boolean) {
    if (this.expanded === expanded) return;
    this.expanded = expanded;
    this.emit('plank-toggle', { plank: this.plankId ?? '', expanded });
  }

  private toggle = () => this.setExpanded(!this.expanded);

  private async share(title: string) {
    this.shareStatus = '';
    try {
      this.shareStatus = await (await sharing.load()).sharePlank(this.plankId, title, this.locale);
    } catch {
      this.shareStatus = this.locale.t('feed.error.network'); // offline: the share code could not come
    }
  }

  render() {
    return html`${this.attributeCheck.render()}${this.renderPlank()}`;
  }

  private renderPlank() {
    const t = this.locale;
    const plank = this.resolvePlank();
    if (plank) {
      const lang = t.lang;
      const base = this.base ?? (this.feedState.state?.url || undefined);
      return this.renderCard({
        number: plank.number,
        title: pickTranslation(plank.title, lang),
        summary: pickTranslation(plank.summary, lang),
        // A collapsed body is not built: eleven planks' texts were most of a list's render.
        body: this.expanded ? renderRichText(pickTranslation(plank.body, lang), base) : nothing,
        tags: plank.tags,
        hasBody: !!trim(pickTranslation(plank.body, lang)),
      });
    }
    const s = this.feedState.state;
    if (s && s.status !== 'ready') return renderFeedStatus(s, t);
    if (s && this.plank) {
      this.warnOnce(`<platform-plank>: no plank "${this.plank}" in the feed.`);
      return html`<p class="message error" part="message" role="alert">${t.t('plank.not-found', { plank: this.plank })}</p>`;
    }
    // No feed: the page's own light-DOM content, enhanced.
    return this.renderCard({
      number: undefined,
      title: html`<slot name="title"></slot>`,
      summary: html`<slot name="summary"></slot>`,
      body: html`<slot></slot>`,
      tags: [],
      hasBody: true,
    });
  }

  private renderCard(p: {
    number?: number;
    title: string | TemplateResult;
    summary: string | TemplateResult;
    body: unknown;
    tags: string[];
    hasBody: boolean;
  }) {
    const t = this.locale;
    const variant = plankVariant(this.variant);
    const titleText = typeof p.title === 'string' ? p.title : this.titleFromSlot();
    const number =
      p.number !== undefined
        ? html`<span class="number" part="number"><span class="visually-hidden">${t.t('plank.number', { number: '' })}</span>${p.number}</span>`
        : nothing;
    const heading =
      variant === 'compact'
        ? html`<button class="disclosure" part="toggle" aria-expanded=${this.expanded} aria-controls="body" @click=${this.toggle}>
            ${number}<span class="title-text">${p.title}</span>
          </button>`
        : html`${number}<span class="title-text">${p.title}</span>`;
    const level = plankHeadingLevel(this.headingLevel);
    return html`
      <article class="card ${variant}" part="card" aria-labelledby="title">
        <header>
          <div class="title" part="title" id="title" role="heading" aria-level=${level}>${heading}</div>
        </header>
        ${p.summary && variant === 'card' ? html`<p class="summary" part="summary">${p.summary}</p>` : nothing}
        <div class="body" part="body" id="body" ?hidden=${!this.expanded}>
          ${p.summary && variant === 'compact' ? html`<p class="summary" part="summary">${p.summary}</p>` : nothing}
          ${p.body}
          ${
            p.tags.length
              ? html`<ul class="tags" part="tags" aria-label=${t.t('plank.tags')}>${p.tags.map((tag) => html`<li>${tag}</li>`)}</ul>`
              : nothing
          }
        </div>
        <div class="actions">
          ${
            variant === 'card' && p.hasBody
              ? html`<button class="btn primary" part="toggle" aria-expanded=${this.expanded} aria-controls="body" @click=${this.toggle}>
                ${this.expanded ? t.t('plank.show-less') : t.t('plank.read-more')}
              </button>`
              : nothing
          }
          ${
            variant === 'card' || this.expanded
              ? html`<button class="btn" part="share" aria-label=${t.t('plank.share-label', { title: titleText })} @click=${() => this.share(titleText)}>
                ${t.t('plank.share')}
              </button>`
              : nothing
          }
          <span class="status" role="status">${this.shareStatus}</span>
        </div>
      </article>
    `;
  }

  private titleFromSlot(): string {
    return trim(this.querySelector('[slot="title"]')?.textContent ?? '');
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'platform-plank': PlatformPlank;
  }
}
