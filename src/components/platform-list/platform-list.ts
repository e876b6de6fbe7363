import { trim } from '../../core/url.js';
import { html } from 'lit';
import { SolidarityElement } from '../../core/base-element.js';
import { appendInSlices } from '../../core/scheduling.js';
import { FeedController } from '../../core/feed-controller.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import type { Plank } from '../../core/feed-types.js';
import { LocaleController } from '../../core/locale-controller.js';
import { themeStyles } from '../../core/theme.styles.js';
import { listStyles } from './platform-list.styles.js';
import {
  checkPlankAttributes,
  plankHeadingLevel,
  plankVariant,
  PlatformPlank,
  type PlankVariant,
} from '../platform-plank/platform-plank.js';
import { AttributeCheck } from '../../core/attribute-check.js';

/** Our plank under a private name, for pages where the host took `platform-plank` first. */
class ListPlank extends PlatformPlank {}

function plankTagIsOurs(): boolean {
  const registered = customElements.get('platform-plank');
  if (registered === PlatformPlank || registered?.prototype instanceof PlatformPlank) return true;
  ListPlank.define('sw-platform-plank');
  return false;
}

/** The planks a list shows, and how. */
interface Shown {
  planks: Plank[];
  variant: string;
  level: number;
  base: string;
}

/** Whether two lists show the same planks the same way (planks compared one by one: a filter makes a new array). */
const sameShown = (a: Shown, b: Shown) =>
  a.variant === b.variant &&
  a.level === b.level &&
  a.base === b.base &&
  a.planks.length === b.planks.length &&
  a.planks.every((p, i) => p === b.planks[i]);

/** Planks matching any of the tags (all when none), in feed order, at most `limit`. */
export function selectPlanks(planks: Plank[], tags: string[], limit?: number): Plank[] {
  const wanted = tags.map((t) => trim(t).toLowerCase()).filter(Boolean);
  const chosen = wanted.length ? planks.filter((p) => p.tags.some((t) => wanted.includes(t.toLowerCase()))) : planks;
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
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** Comma-separated topics; a plank matching any of them shows. */
  tags?: string;
  /** `card` (default) or `compact`. */
  variant: PlankVariant = 'card';
  /** Show at most this many planks. @attributeType number */
  limit?: string;
  /** Heading level of each plank's title (2–6, default 2). */
  headingLevel = 2;

  private feedState = new FeedController(this);
  private locale = new LocaleController(this);
  private attributeCheck = new AttributeCheck(this, this.locale, () => [
    ...checkPlankAttributes(this),
    this.limit != null &&
      this.limit !== '' &&
      this.parsedLimit() === undefined && {
        name: 'limit',
        value: this.limit,
        hint: 'attr.use-limit',
      },
  ]);
  /** What the list should hold, as the latest render found it. */
  private wanted?: Shown;
  /** What the list holds (or is being filled with), and in which `<ul>`. */
  private shown?: Shown & { list: Element };

  /**
   * Fills the list a slice per task (no long task for the host), appending each slice once:
   * a render of the list itself never goes through the planks already there.
   */
  protected updated(): void {
    const list = this.renderRoot.querySelector('ul[part=list]');
    const wanted = this.wanted;
    if (!list || !wanted || (this.shown?.list === list && sameShown(this.shown, wanted))) return;
    const shown = (this.shown = { ...wanted, list });
    list.replaceChildren();
    const tag = plankTagIsOurs() ? 'platform-plank' : 'sw-platform-plank';
    void appendInSlices(
      list,
      wanted.planks,
      (p) => {
        const plank = Object.assign(document.createElement(tag) as PlatformPlank, { data: p, base: shown.base });
        plank.setAttribute('variant', shown.variant);
        plank.setAttribute('heading-level', String(shown.level));
        const item = document.createElement('li');
        item.append(plank);
        return item;
      },
      () => this.shown === shown,
    );
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
    const variant = plankVariant(this.variant);
    this.wanted = { planks, variant, level: plankHeadingLevel(this.headingLevel), base: s.url };
    return html`
      ${
        planks.length
          ? html`<ul class="grid ${variant}" part="list" aria-label=${t.t('list.label')}></ul>`
          : html`<p class="message" part="message" role="status">
            ${tags.length ? t.t('list.no-match', { tags: tags.join(', ') }) : t.t('list.empty')}
          </p>`
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'platform-list': PlatformList;
  }
}
