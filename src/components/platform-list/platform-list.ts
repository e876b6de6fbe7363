import { trim } from '../../core/url.js';
import { html } from 'lit';
import { SolidarityElement, yieldToPage } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import type { Plank } from '../../core/feed-types.js';
import { LocaleController } from '../../core/locale-controller.js';
import { themeStyles } from '../../core/theme.styles.js';
import { listStyles } from './platform-list.styles.js';
import { checkPlankAttributes, plankHeadingLevel, plankVariant, PlatformPlank } from '../platform-plank/platform-plank.js';
import { AttributeCheck } from '../../core/attribute-check.js';

/** Our plank under a private name, for pages where the host took `platform-plank` first. */
class ListPlank extends PlatformPlank {}

function plankTagIsOurs(): boolean {
  const registered = customElements.get('platform-plank');
  if (registered === PlatformPlank || registered?.prototype instanceof PlatformPlank) return true;
  ListPlank.define('sw-platform-plank');
  return false;
}

/** Planks matching any of the tags (all when none), in feed order, at most `limit`. */
export function selectPlanks(planks: Plank[], tags: string[], limit?: number): Plank[] {
  const wanted = tags.map((t) => trim(t).toLowerCase()).filter(Boolean);
  const chosen = wanted.length
    ? planks.filter((p) => p.tags.some((t) => wanted.includes(t.toLowerCase())))
    : planks;
  return limit !== undefined ? chosen.slice(0, limit) : chosen;
}

/**
 * The organization's platform, or part of it, as a responsive grid of
 * `<platform-plank>` cards in feed order.
 *
 * @summary The whole platform, or the planks on some topics.
 *
 * @slot - `<platform-plank>` elements written in the page, used when there is no feed.
 *
 * @csspart list - The grid of planks.
 * @csspart message - Loading, error and "nothing matches" messages.
 *
 * @cssprop --sw-plank-min-width - Narrowest a card gets before the grid drops a column (default 18rem).
 * @cssprop --sw-space - Gap between cards.
 *
 * @fires plank-toggle - A plank was opened or closed. `detail: { plank, expanded }`.
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class PlatformList extends SolidarityElement {
  static styles = [themeStyles, listStyles];
  static override properties = {
    feed: {},
    tags: {},
    variant: {},
    limit: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    shown: { state: true },
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** Comma-separated topics; a plank matching any of them shows. */
  tags?: string;
  /** `card` (default) or `compact`. */
  variant: string = 'card';
  /** Show at most this many planks. */
  limit?: string;
  /** Heading level of each plank's title (2–6, default 2). */
  headingLevel = 2;

  private feedState = new FeedController(this);
  private locale = new LocaleController(this);
  private attributeCheck = new AttributeCheck(this, this.locale, () => [
    ...checkPlankAttributes(this),
    this.limit != null && this.limit !== '' && this.parsedLimit() === undefined && {
      name: 'limit',
      value: this.limit,
      hint: 'attr.use-limit',
    },
  ]);
  /** Planks rendered so far: a few at a time, each few in a task of its own (no long task for the host). */
  private shown = 4;
  private total = 0;

  protected updated(): void {
    if (this.shown < this.total) yieldToPage().then(() => (this.shown += 4));
  }

  /** The `limit` as a number, or undefined for none (or a bad one). */
  private parsedLimit(): number | undefined {
    const n = Number(this.limit);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  }

  render() {
    return html`${this.attributeCheck.render()}${this.renderList()}`;
  }

  private renderList() {
    const t = this.locale;
    const s = this.feedState.state;
    if (!s) return html`<slot></slot>`;
    if (s.status !== 'ready') return renderFeedStatus(s, t);
    const limit = this.parsedLimit();
    const tags = (this.tags ?? '').split(',').filter((x) => trim(x));
    const planks = selectPlanks(s.feed.platform, tags, limit);
    this.total = planks.length;
    const variant = plankVariant(this.variant);
    const level = plankHeadingLevel(this.headingLevel);
    return html`
      ${planks.length
        ? html`<ul class="grid ${variant}" part="list" aria-label=${t.t('list.label')}>
            ${planks.slice(0, this.shown).map((p) =>
              plankTagIsOurs()
                ? html`<li><platform-plank .data=${p} .base=${s.url} variant=${variant} heading-level=${level}></platform-plank></li>`
                : html`<li><sw-platform-plank .data=${p} .base=${s.url} variant=${variant} heading-level=${level}></sw-platform-plank></li>`,
            )}
          </ul>`
        : html`<p class="message" part="message" role="status">
            ${tags.length ? t.t('list.no-match', { tags: tags.join(', ') }) : t.t('list.empty')}
          </p>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'platform-list': PlatformList;
  }
}
