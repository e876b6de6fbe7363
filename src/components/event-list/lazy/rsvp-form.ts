/**
 * The inline RSVP form under an event (fields with real labels and autocomplete, consent, the honeypot) and the
 * thanks once the server answered, rendered from the signing (core/signing) the element holds.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { SignatureField } from '../../../core/feed-types.js';
import { formStyles } from '../../../core/form.styles.js';
import { adoptStyles } from '../../../core/lazy.js';
import { FIELD_MAX_LENGTH } from '../../../core/petition-api.js';
import type { SigningController } from '../../../core/signing/signing.js';
import type { RsvpSource, RsvpView } from '../rsvp-source.js';

type RsvpSigning = SigningController<RsvpView, RsvpSource>;

const rsvpStyles = css`
  .rsvp {
    margin-block-start: var(--_space);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .thanks {
    padding: calc(var(--_space) * 0.75);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .thanks:focus {
    outline: none; /* focused so it is read; not a control */
  }
`;

/** A field's input type (also its inputmode) and autocomplete token. */
const inputType = (f: SignatureField) => (f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text');
const autocomplete = (f: SignatureField) =>
  f === 'phone' ? 'tel' : f === 'country' ? 'country-name' : f === 'comment' ? 'off' : f.replace('_', '-');

function problemText(s: RsvpSigning, f: string): string {
  const problem = s.problems[f];
  if (!problem) return '';
  if ('text' in problem) return problem.text;
  // The engine's consent problem speaks of signing; an RSVP's says so in its own words.
  const key = problem.key === 'petition.error.consent' ? 'rsvp.error.consent' : problem.key;
  return s.host.locale.t(key, problem.params);
}

function renderProblem(s: RsvpSigning, f: string) {
  const text = problemText(s, f);
  return text
    ? html`<p id="rsvp-${f}-error" class="error" part="error"><span aria-hidden="true">⚠</span> ${text}</p>`
    : nothing;
}

function renderField(s: RsvpSigning, view: RsvpView, f: SignatureField): TemplateResult {
  const t = s.host.locale;
  const required = view.required.has(f);
  const invalid = !!s.problems[f];
  return html`<div class="field" part="field">
    <label for="rsvp-${f}"
      >${t.t(`petition.${f}`)}${required ? nothing : html` <span class="optional">${t.t('petition.optional')}</span>`}</label
    >
    <input
      id="rsvp-${f}"
      name=${f}
      part="input"
      type=${inputType(f)}
      autocomplete=${autocomplete(f)}
      maxlength=${FIELD_MAX_LENGTH[f]}
      ?required=${required}
      spellcheck=${f === 'email' ? 'false' : nothing}
      .value=${s.values[f] ?? ''}
      aria-invalid=${invalid ? 'true' : 'false'}
      aria-describedby=${invalid ? `rsvp-${f}-error` : nothing}
      @input=${(e: Event) => s.input(f, e)}
      @change=${() => s.change(f)}
    />${renderProblem(s, f)}
  </div>`;
}

/** The RSVP form for the open event, or the thanks once answered (nothing while queued: the status says it). */
export function renderRsvp(s: RsvpSigning, title: string): TemplateResult | typeof nothing {
  adoptStyles(s.host.renderRoot as ShadowRoot, formStyles);
  adoptStyles(s.host.renderRoot as ShadowRoot, rsvpStyles);
  const view = s.view;
  const t = s.host.locale;
  if (!view || s.phase === 'queued') return nothing;
  if (s.phase === 'signed')
    return html`<p id="rsvp-thanks" class="rsvp thanks" part="thanks" tabindex="-1">${s.status}</p>`;
  const consentInvalid = !!s.problems.consent;
  // method=dialog: should our preventDefault() be ignored (a host page's passive listeners), nothing is submitted.
  return html`<form
    class="rsvp"
    part="rsvp-form"
    method="dialog"
    novalidate
    aria-label=${t.t('rsvp.form', { title })}
    @submit=${s.submit}
    @focusin=${s.prefetch}
  >
    ${view.full ? html`<p class="note">${t.t('rsvp.full-note')}</p>` : nothing}
    <div class="fields">${view.shown.map((f) => renderField(s, view, f))}</div>
    <div class="consent" part="consent">
      <input
        type="checkbox"
        id="consent"
        required
        .checked=${s.consented}
        aria-invalid=${consentInvalid ? 'true' : 'false'}
        aria-describedby=${consentInvalid ? 'rsvp-consent-error' : nothing}
        @change=${(e: Event) => s.input('consent', e)}
      />
      <label for="consent">${view.consent}</label>
      ${renderProblem(s, 'consent')}
    </div>
    <div class="hp" aria-hidden="true">
      <label for="website">Website</label>
      <input id="website" name="website" tabindex="-1" autocomplete="off" />
    </div>
    <button type="submit" class="btn primary" part="submit" aria-disabled=${s.phase === 'sending' ? 'true' : 'false'}>
      ${t.t(view.full ? 'rsvp.submit-waitlist' : 'rsvp.submit')}
    </button>
  </form>`;
}
