import { trim } from '../../core/url.js';
import { html, nothing, type PropertyValues } from 'lit';
import { SolidarityElement } from '../../core/base-element.js';
import { FeedController } from '../../core/feed-controller.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import { LocaleController } from '../../core/locale-controller.js';
import { pickTranslation } from '../../core/translations.js';
import { safeUrl } from '../../core/url.js';
import { themeStyles } from '../../core/theme.styles.js';
import { donateStyles } from './donate-button.styles.js';
import { basics, moneyFormat, type ProviderName } from './donate-basics.js';
import { AttributeCheck, type AttributeProblem } from '../../core/attribute-check.js';
import { lazy } from '../../core/lazy.js';
import type { DonateConfig } from './lazy/donate-config.js';
import type { DonatePanel } from './lazy/donate-panel.js';

/** The panel, its settings check and the providers: loaded on the first click. */
const panel = lazy(() => import('./lazy/donate-panel.js'));

/** `recurring="false"` turns monthly gifts off even when the feed offers them. */
const optionalBoolean = { fromAttribute: (v: string | null) => (v === null ? undefined : v !== 'false') };

/**
 * A donate button: it opens a panel to choose an amount and how often, then hands the
 * reader to the organization's own payment provider with everything prefilled. The panel's
 * code loads on the first click. Put a plain link to the provider's page inside the tag: it
 * works before the script runs (or if it fails), and its text becomes the button's label.
 *
 * Providers and their `account`:
 * - `actblue`: the contribution form's name (`secure.actblue.com/donate/<account>`). Preset monthly
 *   links need ActBlue's approval for the organization.
 * - `stripe`: Payment Links cannot take an amount, so `account` lists one link per amount and
 *   frequency: `10:https://buy.stripe.com/…, 25:https://…, 25/month:https://…`. Only those amounts
 *   are offered, and no custom amount.
 * - `paypal`: the PayPal account's email or merchant ID. One-time gifts (donors may tick
 *   "monthly" on PayPal's page).
 * - `liberapay`: the Liberapay user or team name. Monthly gifts only (Liberapay is recurring).
 * - `opencollective`: the collective's slug. Open Collective charges in the collective's own
 *   currency: set `currency` to match, so the panel shows the right amounts.
 * - `url`: no account; `template` is an address with `{amount}` (plain number, `25.50`),
 *   `{currency}`, `{recurring}` (`monthly` or `once`) and `{refcode}`.
 *
 * @summary Choose an amount and frequency, then give through the organization's payment provider.
 *
 * @slot - A link to the provider's donation page: the fallback without JavaScript, and the button's label.
 *
 * @csspart button - The donate button.
 * @csspart progress - The fundraising progress (when the feed gives `goal` and `raised`).
 * @csspart message - Loading and configuration error messages.
 * @csspart dialog - The panel (a modal dialog).
 * @csspart amounts - The preset amounts (a radio group).
 * @csspart custom - The custom amount field.
 * @csspart frequency - The one-time / monthly choice.
 * @csspart cta - The panel's "Give $25 monthly" button.
 *
 * @cssprop --sw-color-accent - Button and progress color. Defaults to the feed's `org.color`.
 * @cssprop --sw-color-on-accent - Text on the accent color.
 * @cssprop --sw-color-text - Text color.
 * @cssprop --sw-color-surface - Panel background.
 * @cssprop --sw-color-border - Borders.
 * @cssprop --sw-color-danger - Error messages.
 * @cssprop --sw-radius - Corner radius.
 * @cssprop --sw-space - Base spacing.
 * @cssprop --sw-font-family - Font family.
 *
 * @fires donate-click - The reader chose; cancelable (`preventDefault()` stops the navigation). `detail: {
 *   provider, amount, currency, recurring, url }`.
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class DonateButton extends SolidarityElement {
  static styles = [themeStyles, donateStyles];
  static override properties = {
    feed: {},
    provider: {},
    account: {},
    template: {},
    amounts: {},
    currency: {},
    recurring: { converter: optionalBoolean },
    defaultAmount: { attribute: 'default-amount' },
    min: {},
    max: {},
    refcode: {},
    target: {},
    config: { state: true },
    problem: { state: true },
    failed: { state: true },
  };
  /** Focusing the element (as the panel does when it closes) focuses its button. */
  static shadowRootOptions = { ...SolidarityElement.shadowRootOptions, delegatesFocus: true };

  /**
   * URL of the organization's feed (its `donate` settings are the defaults). Inside `<org-feed>` it may be left out.
   */
  feed?: string;
  /** `actblue`, `stripe`, `paypal`, `liberapay`, `opencollective` or `url`. */
  provider?: ProviderName;
  /** The organization's account with the provider (see above). */
  account?: string;
  /** For `provider="url"`: the address, with `{amount}`, `{currency}`, `{recurring}`, `{refcode}`. */
  template?: string;
  /** Preset amounts, comma-separated, in major units: `10,25,50`. */
  amounts?: string;
  /** ISO 4217 currency code (default `USD`). */
  currency?: string;
  /** Offer monthly gifts (`recurring="false"` to turn off the feed's setting). */
  recurring?: boolean;
  /** The amount chosen when the panel opens. @attributeType number */
  defaultAmount?: string;
  /** Smallest gift (default 1). @attributeType number */
  min?: string;
  /** Largest gift. @attributeType number */
  max?: string;
  /** Source code passed to the provider; defaults to `?refcode=`, then `?source=`, of the page address. */
  refcode?: string;
  /** `_self` (default) or `_blank` (a new tab). */
  target?: '_self' | '_blank';

  /** The checked settings, once the panel's code has loaded; or the problem found then. */
  private config?: DonateConfig;
  private problem?: AttributeProblem;
  /** The panel's code could not be loaded (the reader is offline?). */
  private failed = false;

  private feedState = new FeedController(this);
  private locale = new LocaleController(this);
  /**
   * The settings checked at each render (donate-basics.ts), or the problem the panel's code found
   * on a click. While the feed loads, or when it failed, its settings are not judged.
   */
  private attributeCheck = new AttributeCheck(this, this.locale, () => {
    const s = this.feedState.state;
    if (this.problem) return [this.problem];
    const b = basics(this, this.settings);
    return [(!s || s.status === 'ready') && 'problem' in b && b.problem];
  });

  private get settings() {
    const s = this.feedState.state;
    return s?.status === 'ready' ? s.feed.donate : undefined;
  }

  protected willUpdate(changed: PropertyValues): void {
    // New attributes: check again on the next click.
    if ([...changed.keys()].some((k) => k !== 'config' && k !== 'problem' && k !== 'failed')) this.problem = undefined;
  }

  render() {
    const t = this.locale;
    const s = this.feedState.state;
    if (s?.status === 'loading') return html`<slot>${renderFeedStatus(s, t)}</slot>`;
    // Settings missing because the feed failed: say that the feed failed.
    if (s?.status === 'error' && !this.problem && 'problem' in basics(this))
      return html`${renderFeedStatus(s, t)}<slot></slot>`;
    if (this.attributeCheck.problems.length) return html`${this.attributeCheck.render()}<slot></slot>`;
    const feed = s?.status === 'ready' ? s.feed : undefined;
    const d = feed?.donate;
    const currency = this.currency || d?.currency || 'USD';
    const money = (n: number) => t.number(n, moneyFormat(n, currency));
    const label = trim(this.textContent!).replace(/\s+/g, ' ') || t.t('donate.button');
    const org = pickTranslation(feed?.org.name, t.lang);
    return html`
      <button class="btn primary" part="button" aria-haspopup="dialog" @click=${this.open}>${label}</button>
      <slot hidden @slotchange=${() => this.requestUpdate()}></slot>
      ${this.failed ? html`<p class="message error" part="message" role="alert">${t.t('feed.error.network')}</p>` : nothing}
      ${
        d?.goal && d.raised != null
          ? html`<div class="progress" part="progress"><progress max=${d.goal} .value=${Math.min(d.raised, d.goal)} aria-labelledby="raised"></progress
            ><span id="raised">${t.t('donate.progress', { raised: money(d.raised), goal: money(d.goal) })}</span></div>`
          : nothing
      }
      ${
        this.config
          ? html`<donate-button-panel exportparts="dialog,amounts,custom,frequency,cta" .config=${this.config} .heading=${org ? t.t('donate.title', { org }) : label} .opener=${this}></donate-button-panel>`
          : nothing
      }
    `;
  }

  /** Loads the panel's code (replaceable in tests). */
  static loadPanel = () => panel.load();

  /** Opens the panel: loads its code on the first click, then checks the settings in full. */
  async open(): Promise<void> {
    let m: typeof import('./lazy/donate-panel.js');
    try {
      m = await DonateButton.loadPanel();
    } catch {
      // The panel's code could not load (offline?): the plain link still leads to the provider.
      const href = safeUrl(this.querySelector('a[href]')?.getAttribute('href'), { context: 'donate link' });
      if (href) location.assign(href);
      else this.failed = true;
      return;
    }
    this.failed = false;
    m.DonatePanel.define('donate-button-panel');
    const { config, problem, notes } = m.resolveConfig(this, this.settings);
    notes?.forEach((n) => this.warnOnce(`<donate-button>: ${n}`));
    this.config = config;
    this.problem = problem;
    await this.updateComplete;
    if (problem) this.renderRoot.querySelector<HTMLElement>('[part=message]')!.focus();
    else this.renderRoot.querySelector<DonatePanel>('donate-button-panel')!.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'donate-button': DonateButton;
  }
}
