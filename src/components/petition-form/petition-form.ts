import { html, nothing, type TemplateResult } from 'lit';
import { AttributeCheck } from '../../core/attribute-check.js';
import { SolidarityElement, yieldToPage } from '../../core/base-element.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import type { SignatureField } from '../../core/feed-types.js';
import { LocaleController } from '../../core/locale-controller.js';
import { FIELD_MAX_LENGTH } from '../../core/petition-api.js';
import { renderRichText } from '../../core/rich-text.js';
import { themeStyles } from '../../core/theme.styles.js';
import { flow } from './flow-chunk.js';
import { PetitionController } from './petition-controller.js';
import { formBoxStyles } from '../../core/form-box.styles.js';
import { formStyles } from '../../core/form.styles.js';
import { longDate, type PetitionView } from './petition-view.js';
import { SigningController } from '../../core/signing/signing.js';

/** A field's input type (also its inputmode) and autocomplete token. */
const inputType = (f: SignatureField) => (f === 'email' ? f : f === 'phone' ? 'tel' : 'text');
const autocomplete = (f: SignatureField) =>
  f === 'phone' ? 'tel' : f === 'country' ? 'country-name' : f === 'comment' ? 'off' : f.replace('_', '-');

/**
 * Sign a petition without leaving the page: the petition's text, a counter with a
 * goal, the fields it needs with real labels and autocomplete, consent, validation
 * that helps, and a thank-you with sharing. A signature made offline is kept on
 * this device and sent, exactly once, when the connection returns.
 *
 * @summary An embeddable petition signing form.
 *
 * @slot - The petition's text when it has none in the feed (e.g. with `endpoint` and no feed); it is
 *   readable before the script runs, and stays under the message if the feed fails.
 *
 * @csspart petition - The outer box.
 * @csspart heading - The petition title.
 * @csspart counter - The signature count, goal and progress bar.
 * @csspart bar - The progress bar.
 * @csspart form - The form.
 * @csspart field - One label + input group.
 * @csspart input - Each text input.
 * @csspart error - A field's error message.
 * @csspart consent - The consent checkbox and text.
 * @csspart submit - The submit button.
 * @csspart status - The live status line ("Sending…", "Signed", "Saved…").
 * @csspart thanks - The thank-you and sharing box.
 * @csspart message - Loading, closed and error messages.
 *
 * @cssprop --sw-color-accent - Accent color (button, progress bar). Defaults to the feed's `org.color`.
 * @cssprop --sw-color-on-accent - Text on the accent color.
 * @cssprop --sw-color-text - Text color.
 * @cssprop --sw-color-muted - Secondary text color.
 * @cssprop --sw-color-surface - Background.
 * @cssprop --sw-color-border - Borders of the box and inputs.
 * @cssprop --sw-color-danger - Error color (errors are also marked by an icon and text).
 * @cssprop --sw-color-success - Thank-you accent.
 * @cssprop --sw-radius - Corner radius.
 * @cssprop --sw-space - Base spacing.
 * @cssprop --sw-font-family - Font family.
 * @cssprop --sw-heading-size - Title size.
 *
 * @fires petition-signed - A signature was accepted (also when a queued one is delivered later).
 *   `detail: { petition, count }`.
 * @fires petition-queued - Offline: the signature was saved on this device and will be sent. `detail: { petition }`.
 * @fires petition-error - The server refused the signature, or it could not be sent nor saved.
 *   `detail: { petition, code, message }`.
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class PetitionForm extends SolidarityElement {
  static styles = [themeStyles, formStyles, formBoxStyles];
  static override properties = {
    feed: {},
    petition: {},
    endpoint: {},
    heading: {},
    goal: {},
    fields: {},
    source: {},
    privacyUrl: { attribute: 'privacy-url' },
    formShown: { state: true },
  };

  /** URL of the organization's feed. Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** The petition's `id` in the feed. */
  petition?: string;
  /** The petition's base URL (GET for the count, POST to `/signatures`); overrides the feed's. */
  endpoint?: string;
  /** Title shown; overrides the feed's. */
  heading?: string;
  /** Signature goal; overrides the feed's. @attributeType number */
  goal?: string;
  /**
   * Comma-separated signature fields to show (`given_name,family_name,email,postal_code,country,phone,comment`);
   * the petition's own fields are always shown and required.
   */
  fields?: string;
  /** Source code sent with each signature; default: the page's `?source=`, else its hostname. */
  source?: string;
  /** Privacy policy link next to the consent; overrides the feed's `org.privacy_url`. */
  privacyUrl?: string;

  /** The form comes a task after the petition's text and count (two short tasks for the host, not one long). */
  private formShown = false;

  readonly locale = new LocaleController(this);
  private resolver = new PetitionController(this, this.locale);
  /** After the resolver (controllers update in order): shows and warns the attribute values the view ignored. */
  private attributeCheck = new AttributeCheck(this, this.locale, () => this.resolver.bad);
  private signing = new SigningController<PetitionView, PetitionController>(this, 'petition', this.resolver, flow);

  protected updated(): void {
    if (!this.formShown && this.resolver.view) void yieldToPage().then(() => (this.formShown = true));
  }

  render() {
    const t = this.locale;
    const p = this.resolver.view;
    const s = this.resolver.feed.state;
    const signing = this.signing;
    if (!p) {
      // The page's own content inside the tag (a link to sign elsewhere, say) stays under the message.
      if (s && s.status !== 'ready') return html`${renderFeedStatus(s, t)}<slot></slot>`;
      const missing =
        s && this.petition ? t.t('petition.not-found', { petition: this.petition }) : t.t('petition.no-petition');
      this.warnOnce(`<petition-form>: ${missing}`);
      return html`${this.attributeCheck.render()}<p class="message error" part="message" role="alert">${missing}</p><slot></slot>`;
    }
    const closed = !!p.closes && Date.parse(p.closes) <= Date.now();
    return html`
      <section part="petition" aria-labelledby=${p.title ? 'heading' : nothing}>
        ${this.attributeCheck.render()}
        ${p.title ? html`<h2 id="heading" part="heading">${p.title}</h2>` : nothing}
        ${p.target ? html`<p class="target">${t.t('petition.to', { target: p.target })}</p>` : nothing}
        <div class="body">${p.body ? renderRichText(p.body, p.base) : html`<slot></slot>`}</div>
        ${this.renderCounter(p, closed)}
        ${
          closed
            ? html`<p class="message" part="message">${t.t('petition.closed', { date: longDate(p.closes!, t.lang) })}</p>`
            : signing.phase === 'signed'
              ? flow.module?.renderThanks(signing)
              : signing.phase === 'queued' || !this.formShown
                ? nothing
                : this.renderForm(p)
        }
        <p class="status" part="status" role="status">${signing.status}</p>
        <p class="alert" part="message" role="alert">${signing.alert}</p>
      </section>
    `;
  }

  private renderCounter(p: PetitionView, closed: boolean) {
    const count = this.resolver.count;
    if (count === undefined) return nothing;
    const t = this.locale;
    let goal = closed ? 0 : p.goal; // a closed petition has no next goal
    if (goal) while (goal <= count) goal *= 2; // passed: the next goal (the stored goal never changes)
    // The bar's width is set through CSSOM (.style), which a strict CSP (style-src 'self') allows; a style
    // attribute it blocks.
    return html`<div class="counter" part="counter">
      <p><strong>${t.plural('petition.count', count)}</strong>${goal ? html` · ${t.t('petition.goal', { goal: t.number(goal) })}` : nothing}</p>
      ${goal ? html`<div class="bar" part="bar" aria-hidden="true"><span .style=${`inline-size:${(100 * count) / goal}%`}></span></div>` : nothing}
    </div>`;
  }

  private renderForm(p: PetitionView) {
    const t = this.locale;
    const signing = this.signing;
    const sending = signing.phase === 'sending';
    const consentProblem = signing.problems.consent;
    // method=dialog: should our preventDefault() ever be ignored (a host page's Object.prototype.passive makes
    // listeners passive), the browser's own submission of a form outside a <dialog> does nothing.
    return html`<form part="form" method="dialog" novalidate @submit=${signing.submit} @focusin=${signing.prefetch} aria-labelledby=${p.title ? 'heading' : nothing}>
      <div class="fields">${p.shown.map((f) => this.renderField(f, p))}</div>
      <div class="consent" part="consent">
        <input
          type="checkbox"
          id="consent"
          required
          .checked=${signing.consented}
          aria-invalid=${consentProblem ? 'true' : 'false'}
          aria-describedby=${consentProblem ? 'consent-error' : nothing}
          @change=${(e: Event) => signing.input('consent', e)}
        />
        <label for="consent">${p.consent}</label>
        ${this.renderProblem('consent')}
        ${p.privacy ? html`<a class="privacy" href=${p.privacy} target="_blank" rel="noopener">${t.t('petition.privacy')}</a>` : nothing}
      </div>
      <div class="hp" aria-hidden="true">
        <label for="website">Website</label>
        <input id="website" name="website" tabindex="-1" autocomplete="off" />
      </div>
      <button type="submit" class="btn primary" part="submit" aria-disabled=${sending ? 'true' : 'false'}>${t.t('petition.sign')}</button>
    </form>`;
  }

  private renderField(f: SignatureField, p: PetitionView): TemplateResult {
    const type = inputType(f);
    const max = FIELD_MAX_LENGTH[f];
    const t = this.locale;
    const id = `f-${f}`;
    const signing = this.signing;
    const problem = signing.problems[f];
    const suggest = f === 'email' && signing.suggestion;
    const describedBy = [problem && `${f}-error`, suggest && 'suggestion'].filter(Boolean).join(' ') || nothing;
    const isRequired = p.required.has(f);
    const label = html`<label for=${id}>${t.t(`petition.${f}`)}${isRequired ? nothing : html` <span class="optional">${t.t('petition.optional')}</span>`}</label>`;
    const control =
      f === 'comment'
        ? html`<textarea
            id=${id}
            name=${f}
            part="input"
            rows="3"
            autocomplete="off"
            maxlength=${max}
            ?required=${isRequired}
            .value=${signing.values[f] ?? ''}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(e: Event) => signing.input(f, e)}
            @change=${() => signing.change(f)}
          ></textarea>`
        : html`<input
            id=${id}
            name=${f}
            part="input"
            type=${type}
            autocomplete=${autocomplete(f)}
            inputmode=${type}
            maxlength=${max}
            ?required=${isRequired}
            spellcheck=${f === 'email' ? 'false' : nothing}
            autocapitalize=${f === 'email' ? 'off' : f === 'postal_code' ? 'characters' : nothing}
            .value=${signing.values[f] ?? ''}
            aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${(e: Event) => signing.input(f, e)}
            @change=${() => signing.change(f)}
          />`;
    return html`<div class="field ${f}" part="field">
      ${label}${control}${this.renderProblem(f)}
      ${suggest ? flow.module?.renderSuggestion(signing) : nothing}
    </div>`;
  }

  private renderProblem(f: string) {
    const problem = this.signing.problems[f];
    if (!problem) return nothing;
    const text = 'text' in problem ? problem.text : this.locale.t(problem.key, problem.params);
    return html`<p id="${f}-error" class="error" part="error"><span aria-hidden="true">⚠</span> ${text}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'petition-form': PetitionForm;
  }
}
