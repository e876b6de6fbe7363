import { html, nothing } from 'lit';
import { AttributeCheck } from '../../core/attribute-check.js';
import { SolidarityElement } from '../../core/base-element.js';
import { renderFeedStatus } from '../../core/feed-status.js';
import { GrowingSlice, wholeRender } from '../../core/growing-slice.js';
import type { SignatureField } from '../../core/feed-types.js';
import { lazy } from '../../core/lazy.js';
import { LocaleController } from '../../core/locale-controller.js';
import { renderRichText } from '../../core/rich-text.js';
import { honeypot, renderConsent, renderField, renderProblem } from '../../core/signing/form-fields.js';
import { SigningController } from '../../core/signing/signing.js';
import { themeStyles } from '../../core/theme.styles.js';
import { formStyles } from '../../core/form.styles.js';
import { formBoxStyles } from '../../core/form-box.styles.js';
import { ChapterChoice, finder } from './chapter-choice.js';
import { JoinController } from './join-controller.js';
import { joinStyles } from './join-form.styles.js';
import { translate } from './join-messages.js';
import type { JoinView } from './join-view.js';

/** The form's lazy code (lazy/flow.ts: sending, answers, the welcome), fetched on the first focus in the form. */
const flow = lazy(() => import('./lazy/flow.js'));

/**
 * Become a member without leaving the page: the organization's join form, with the member's
 * chapter picked from their postal code (the map's prefix rule), found "near me", or chosen from
 * the list — always editable — and a welcome that names the chapter and how to reach it. A join
 * made offline is kept on this device and sent, exactly once, when the connection returns.
 *
 * @summary An embeddable membership sign-up that brings a new member to their chapter.
 *
 * @slot - Text shown when the feed's join form has no body (e.g. with `endpoint` and no feed); readable before
 *   the script runs, and kept under the message if the feed fails.
 *
 * @csspart join - The outer box.
 * @csspart heading - The title.
 * @csspart form - The form.
 * @csspart field - One label + input group.
 * @csspart input - Each text input.
 * @csspart error - A field's error message.
 * @csspart chapter - The chapter group (list, "Near me", note).
 * @csspart chapter-select - The list of chapters.
 * @csspart near-me - The "Near me" button.
 * @csspart chapter-note - How the chapter was chosen (from the postal code, near you…).
 * @csspart consent - The consent checkbox and text.
 * @csspart submit - The submit button.
 * @csspart status - The live status line ("Sending…", "Joined.", "Saved…").
 * @csspart thanks - The welcome.
 * @csspart confirm-note - "Check your inbox", when members confirm by email.
 * @csspart reach - How to reach the chapter (email, website, when it meets).
 * @csspart message - Loading and error messages.
 *
 * @cssprop --sw-color-accent - Accent color (button). Defaults to the feed's `org.color`.
 * @cssprop --sw-color-on-accent - Text on the accent color.
 * @cssprop --sw-color-text - Text color.
 * @cssprop --sw-color-muted - Secondary text color.
 * @cssprop --sw-color-surface - Background.
 * @cssprop --sw-color-border - Borders of the box and inputs.
 * @cssprop --sw-color-danger - Error color (errors are also marked by an icon and text).
 * @cssprop --sw-color-success - Welcome accent.
 * @cssprop --sw-radius - Corner radius.
 * @cssprop --sw-space - Base spacing.
 * @cssprop --sw-font-family - Font family.
 * @cssprop --sw-heading-size - Title size.
 *
 * @fires join-sent - The server took the member (also when a queued join is delivered later).
 *   `detail: { join, chapter, pending }` — `join` the chapter chosen ('' for none), `chapter` the one stored.
 * @fires join-queued - Offline: the join was saved on this device and will be sent. `detail: { join }`.
 * @fires join-error - The server refused the join, or it could not be sent nor saved.
 *   `detail: { join, code, message }`.
 * @fires feed-load - The feed loaded. `detail: { url }`.
 * @fires feed-error - The feed failed. `detail: { url, message }`.
 */
export class JoinForm extends SolidarityElement {
  static styles = [themeStyles, formStyles, formBoxStyles, joinStyles];
  static override properties = {
    feed: {},
    endpoint: {},
    chapter: {},
    heading: {},
    fields: {},
    source: {},
    privacyUrl: { attribute: 'privacy-url' },
  };

  /** URL of the organization's feed (its `join` and `chapters`). Inside `<org-feed>` it may be left out. */
  feed?: string;
  /** The join endpoint (`…/api/join`); overrides the feed server's. */
  endpoint?: string;
  /** The chapter id the page gives (a chapter's own site, say); the member may still choose another. */
  chapter?: string;
  /** Title shown; overrides the feed's. */
  heading?: string;
  /**
   * Comma-separated fields to show (`given_name,family_name,email,postal_code,country,phone,comment`); the join
   * form's own fields are always shown and required.
   */
  fields?: string;
  /** Source code sent with each join; default: the page's `?source=`, else its hostname. */
  source?: string;
  /** Privacy policy link next to the consent; overrides the feed's `org.privacy_url`. */
  privacyUrl?: string;

  readonly locale = new LocaleController(this);
  private form = new JoinController(this, this.locale, () => this.signing?.values.chapter ?? '');
  /** After the form (controllers update in order): shows and warns the attribute values the view ignored. */
  private attributeCheck = new AttributeCheck(this, this.locale, () => this.form.bad);
  private signing = new SigningController<JoinView, JoinController>(this, 'join', this.form, flow);
  private choice = new ChapterChoice(this.signing, this.form);
  /**
   * A first render in three short tasks for the host page, not one long: the title and text, then the
   * form (a one-part slice), then the chapters' options (a long list of them is most of a render).
   */
  private formPart = new GrowingSlice(this, 0, 1);
  private chapterOptions = new GrowingSlice(this, 0, 50);

  /** Also waits for the form and every chapter's option. */
  protected override getUpdateComplete(): Promise<boolean> {
    return wholeRender(
      () => super.getUpdateComplete(),
      () => this.formPart.growing ?? this.chapterOptions.growing,
    );
  }

  /** The first interaction: the sending code and the chapter finder come meanwhile. */
  private prefetch = (): void => {
    this.signing.prefetch();
    finder.prefetch();
  };

  /** The postal code typed picks its chapter (chapter-choice.ts). */
  private typed = (e: Event): void => {
    const el = e.target as HTMLInputElement;
    if (el.id === 'f-postal_code') this.choice.postal(el.value);
  };

  render() {
    const t = this.locale;
    translate(this, t.lang);
    const v = this.form.view;
    const s = this.form.feed.state;
    if (!v) {
      if (s && s.status !== 'ready') return html`${renderFeedStatus(s, t)}<slot></slot>`;
      this.warnOnce(`<join-form>: ${t.t('join.no-form')}`);
      return html`${this.attributeCheck.render()}<p class="message error" part="message" role="alert">${t.t('join.no-form')}</p><slot></slot>`;
    }
    const phase = this.signing.phase;
    return html`<section part="join" aria-labelledby=${v.title ? 'heading' : nothing}>
      ${this.attributeCheck.render()}
      ${v.title ? html`<h2 id="heading" part="heading">${v.title}</h2>` : nothing}
      <div class="body">${v.body ? renderRichText(v.body, v.base) : html`<slot></slot>`}</div>
      ${
        phase === 'signed'
          ? flow.module?.renderThanks(this.signing, (c) => this.choice.name(c))
          : phase === 'queued'
            ? nothing
            : this.formPart.of([v]).map((form) => this.renderForm(form))
      }
      <p class="status" part="status" role="status">${this.signing.status}</p>
      <p class="alert" part="message" role="alert">${this.signing.alert}</p>
    </section>`;
  }

  private renderForm(v: JoinView) {
    const signing = this.signing;
    const text = v.shown.filter((f): f is SignatureField => f !== 'chapter');
    return html`<form part="form" method="dialog" novalidate @submit=${signing.submit} @focusin=${this.prefetch} aria-labelledby=${v.title ? 'heading' : nothing}>
      <div class="fields" @input=${this.typed}>
        ${text.map((f) => renderField(signing, f, v.required.has(f)))}
        ${v.shown.includes('chapter') ? this.renderChapter(v) : nothing}
      </div>
      ${renderConsent(signing, v.consent, v.privacy)}
      ${honeypot}
      <button type="submit" class="btn primary" part="submit" aria-disabled=${signing.phase === 'sending' ? 'true' : 'false'}>${this.locale.t('join.submit')}</button>
    </form>`;
  }

  /** The chapter: a list (always editable), "Near me", and a note saying how it was chosen. */
  private renderChapter(v: JoinView) {
    const t = this.locale;
    const signing = this.signing;
    const chosen = signing.values.chapter ?? '';
    const problem = signing.problems.chapter;
    const isRequired = v.required.has('chapter');
    const describedBy = ['chapter-note', problem && 'chapter-error'].filter(Boolean).join(' ');
    return html`<div class="field chapter" part="field chapter">
      <label for="f-chapter">${t.t('join.chapter')}${isRequired ? nothing : html` <span class="optional">${t.t('petition.optional')}</span>`}</label>
      <div class="chapter-row">
        <select
          id="f-chapter"
          name="chapter"
          part="chapter-select"
          ?required=${isRequired}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @change=${this.choice.pick}
        >
          <option value="" .selected=${!chosen}>${t.t('join.choose-chapter')}</option>
          ${this.chapterOptions.of(v.chapters).map((c) => html`<option value=${c.id} .selected=${c.id === chosen}>${this.choice.name(c)}${c.city ? ` — ${c.city}` : ''}</option>`)}
        </select>
        <button type="button" class="btn" part="near-me" aria-disabled=${this.choice.locating ? 'true' : 'false'} @click=${this.choice.nearMe}>${t.t('join.near-me')}</button>
      </div>
      <p id="chapter-note" class="note" part="chapter-note" aria-live="polite">${this.choice.note}</p>
      ${renderProblem(signing, 'chapter')}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'join-form': JoinForm;
  }
}
