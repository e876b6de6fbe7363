/**
 * The donate panel: a modal dialog to choose an amount and how often, then go to the
 * provider. Loaded lazily by `<donate-button>` on its first click, so none of these bytes
 * count when the page loads. Internal: `<donate-button>` is the public element.
 */
import { html, nothing } from 'lit';
import { SolidarityElement } from '../../../core/base-element.js';
import { LocaleController } from '../../../core/locale-controller.js';
import { themeStyles } from '../../../core/theme.styles.js';
import { safeUrl } from '../../../core/url.js';
import { moneyFormat } from '../donate-basics.js';
import { currencyDigits, pageRefcode, plainAmount, type DonateConfig } from './donate-config.js';
import { panelStyles } from './donate-panel.styles.js';
import './donate-messages.js';
import { providers } from './providers.js';

export { resolveConfig } from './donate-config.js';

/**
 * Reads an amount as a reader types it: `25`, `25.50`, `25,50`, `1,000`, `1 000,50 €`.
 * The page language's decimal sign wins; otherwise a lone `.` or `,` followed by other
 * than three digits is the decimal sign. Returns a plain `123.45`, or undefined.
 */
export function readAmount(text: string, lang: string): string | undefined {
  let s = text.replace(/[\s\u00a0\u202f'’]/g, '').replace(/^[^\d.,-]+|[^\d.,]+$/g, '');
  let decimal = '.';
  try {
    decimal = new Intl.NumberFormat(lang).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    /* unknown language: keep '.' */
  }
  const other = decimal === '.' ? ',' : '.';
  if (!s.includes(decimal)) {
    const groups = s.split(other);
    s = groups.length === 2 && groups[1].length !== 3 ? groups.join('.') : groups.join('');
  } else s = s.split(other).join('').replace(decimal, '.');
  return /^\d+(\.\d+)?$/.test(s) ? s : undefined;
}

export class DonatePanel extends SolidarityElement {
  static styles = [themeStyles, panelStyles];
  static override properties = {
    config: { attribute: false },
    heading: { attribute: false },
    opener: { attribute: false },
    monthly: { state: true },
    choice: { state: true },
    custom: { state: true },
    error: { state: true },
  };

  /** The resolved settings (set by `<donate-button>`). */
  config!: DonateConfig;
  /** The panel's heading. */
  heading = '';
  /** Where focus returns when the panel closes. */
  opener?: HTMLElement;

  private monthly = false;
  private choice: number | 'custom' = 'custom';
  private custom = '';
  private error = '';

  private locale = new LocaleController(this);

  private get provider() {
    return providers[this.config.provider];
  }

  private get dialog() {
    return this.renderRoot.querySelector('dialog')!;
  }

  /** The frequencies on offer: one-time (false) and/or monthly (true). */
  private frequencies(): boolean[] {
    const p = this.provider;
    const c = this.config;
    return [false, true].filter(
      (m) => (m ? p.monthly && (c.recurring || !p.once) : p.once) && (!p.presets || p.presets(c, m).length),
    );
  }

  private presets(monthly = this.monthly): number[] {
    return this.provider.presets?.(this.config, monthly) ?? this.config.amounts;
  }

  /** Chooses the default amount, or the first preset. */
  private pickDefault(): void {
    const d = this.config.defaultAmount;
    const presets = this.presets();
    if (d !== undefined && presets.includes(d)) this.choice = d;
    else if (d !== undefined && this.provider.anyAmount) {
      this.choice = 'custom';
      this.custom = plainAmount(d, this.config.currency);
    } else this.choice = presets[0] ?? 'custom';
  }

  /** Opens the panel as a modal dialog, focus on the chosen amount. */
  async show(): Promise<void> {
    const freq = this.frequencies();
    this.monthly = freq.length === 1 && freq[0];
    this.error = '';
    this.custom = '';
    this.pickDefault();
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
    const q = (sel: string) => this.renderRoot.querySelector<HTMLElement>(sel);
    (q('input:checked') ?? q('input') ?? q('.close'))?.focus();
  }

  private setMonthly(monthly: boolean): void {
    this.monthly = monthly;
    if (this.choice !== 'custom' && !this.presets().includes(this.choice)) this.pickDefault();
  }

  /** The chosen amount, or the message saying what is wrong with it. */
  private amount(): number | string {
    if (this.choice !== 'custom') return this.choice;
    const { currency, min, max, amounts, defaultAmount } = this.config;
    const t = this.locale;
    const money = (n: number) => t.number(n, moneyFormat(n, currency));
    const s = readAmount(this.custom, t.lang);
    if (!s) return t.t('donate.error.number', { example: plainAmount(defaultAmount ?? amounts[0] ?? 25, currency) });
    const digits = currencyDigits(currency);
    if ((s.split('.')[1] ?? '').replace(/0+$/, '').length > digits) {
      return digits ? t.t('donate.error.decimals', { n: digits }) : t.t('donate.error.whole');
    }
    const n = Number(s);
    if (n < min) return t.t('donate.error.min', { min: money(min) });
    if (n > max) return t.t('donate.error.max', { max: money(max) });
    return n;
  }

  private onInput(e: Event): void {
    this.custom = (e.target as HTMLInputElement).value;
    if (this.error) {
      const a = this.amount();
      this.error = typeof a === 'string' ? a : '';
    }
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    const amount = this.amount();
    if (typeof amount === 'string') {
      this.error = amount;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#custom')?.focus();
      return;
    }
    const c = this.config;
    const recurring = this.monthly;
    const url = safeUrl(this.provider.url(c, { amount, recurring, refcode: pageRefcode(c) }), { context: 'donation address' });
    if (!url) return;
    const go = this.emit('donate-click', { provider: c.provider, amount, currency: c.currency, recurring, url }, { cancelable: true });
    this.dialog.close();
    if (!go) return;
    if (c.target === '_blank') open(url, '_blank', 'noopener');
    else location.assign(url);
  }

  /** Keeps Tab inside the dialog: from the last control back to the first, and the other way. */
  private trap(e: KeyboardEvent): void {
    if (e.key !== 'Tab') return;
    const first = this.renderRoot.querySelector<HTMLElement>('.close')!;
    const last = this.renderRoot.querySelector<HTMLElement>('.cta') ?? first;
    const here = (this.renderRoot as ShadowRoot).activeElement;
    const to = e.shiftKey ? (here === first ? last : null) : here === last ? first : null;
    if (to) {
      e.preventDefault();
      to.focus();
    }
  }

  private radio(name: string, checked: boolean, label: string, pick: () => void) {
    return html`<label class="chip"><input type="radio" name=${name} .checked=${checked} @change=${pick} /><span>${label}</span></label>`;
  }

  render() {
    if (!this.config) return nothing;
    const c = this.config;
    const t = this.locale;
    const p = this.provider;
    const money = (n: number) => t.number(n, moneyFormat(n, c.currency));
    const freq = this.frequencies();
    const amount = this.amount();
    const body = freq.length
      ? html`
        <fieldset part="amounts">
          <legend>${t.t('donate.amount')}</legend>
          ${this.presets().map((n) => this.radio('amount', this.choice === n, money(n), () => ((this.choice = n), (this.error = ''))))}
          ${p.anyAmount ? this.radio('amount', this.choice === 'custom', t.t('donate.other'), () => (this.choice = 'custom')) : nothing}
        </fieldset>
        ${this.choice === 'custom'
          ? html`<div class="field">
              <label for="custom">${t.t('donate.custom', { currency: c.currency })}</label>
              <input id="custom" part="custom" inputmode="decimal" autocomplete="off" .value=${this.custom}
                aria-invalid=${this.error ? 'true' : 'false'} aria-describedby=${this.error ? 'error' : nothing} @input=${this.onInput} />
              ${this.error ? html`<p id="error" class="error">${this.error}</p>` : nothing}
            </div>`
          : nothing}
        ${freq.length === 2
          ? html`<fieldset part="frequency">
              <legend>${t.t('donate.frequency')}</legend>
              ${this.radio('frequency', !this.monthly, t.t('donate.once'), () => this.setMonthly(false))}
              ${this.radio('frequency', this.monthly, t.t('donate.monthly'), () => this.setMonthly(true))}
            </fieldset>`
          : nothing}
        <button class="cta" part="cta">
          ${typeof amount === 'number' ? t.t(this.monthly ? 'donate.cta-monthly' : 'donate.cta', { amount: money(amount) }) : t.t('donate.button')}
        </button>
        <p class="note">${t.t('donate.note', { provider: p.label(c) })} ${c.target === '_blank' ? t.t('donate.new-tab') : ''}</p>
      `
      : nothing;
    return html`
      <dialog part="dialog" aria-labelledby="title" closedby="any" @keydown=${this.trap} @close=${() => this.opener?.focus()}>
        <form novalidate @submit=${this.submit}>
          <div class="head">
            <h2 id="title">${this.heading}</h2>
            <button type="button" class="close" aria-label=${t.t('donate.close')} @click=${() => this.dialog.close()}>×</button>
          </div>
          ${body}
        </form>
      </dialog>
    `;
  }
}
