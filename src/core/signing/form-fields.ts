/**
 * What every form on the signing engine renders alike: a field (its label, input or textarea with
 * the right type and autocomplete, and its problem), consent with its problem and the privacy link,
 * and the honeypot. Labels are the petition's field keys (`petition.<field>`), shared by every form.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SignatureField } from '../feed-types.js';
import { FIELD_MAX_LENGTH } from '../petition-api.js';
import type { SigningController } from './signing.js';

/** A field's input type (also its inputmode) and autocomplete token. */
const inputType = (f: SignatureField) => (f === 'email' ? f : f === 'phone' ? 'tel' : 'text');
const autocomplete = (f: SignatureField) =>
  f === 'phone' ? 'tel' : f === 'country' ? 'country-name' : f === 'comment' ? 'off' : f.replace('_', '-');

/** A field's problem under it (`id="<field>-error"`, which the input names in aria-describedby). */
export function renderProblem(s: SigningController, f: string) {
  const problem = s.problems[f];
  if (!problem) return nothing;
  const text = 'text' in problem ? problem.text : s.host.locale.t(problem.key, problem.params);
  return html`<p id="${f}-error" class="error" part="error"><span aria-hidden="true">⚠</span> ${text}</p>`;
}

/** One field: label, control, problem; `after` goes under it (a suggestion, `id="suggestion"`). */
export function renderField(s: SigningController, f: SignatureField, isRequired: boolean, after?: unknown) {
  const type = inputType(f);
  const max = FIELD_MAX_LENGTH[f];
  const t = s.host.locale;
  const id = `f-${f}`;
  const problem = s.problems[f];
  const describedBy = [problem && `${f}-error`, after && 'suggestion'].filter(Boolean).join(' ') || nothing;
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
          .value=${s.values[f] ?? ''}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(e: Event) => s.input(f, e)}
          @change=${() => s.change(f)}
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
          .value=${s.values[f] ?? ''}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${describedBy}
          @input=${(e: Event) => s.input(f, e)}
          @change=${() => s.change(f)}
        />`;
  return html`<div class="field ${f}" part="field">${label}${control}${renderProblem(s, f)}${after || nothing}</div>`;
}

/** The consent checkbox with the exact text sent, its problem, and the privacy link. */
export function renderConsent(s: SigningController, consent: string, privacy: string | null): TemplateResult {
  const problem = s.problems.consent;
  return html`<div class="consent" part="consent">
    <input
      type="checkbox"
      id="consent"
      required
      .checked=${s.consented}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem ? 'consent-error' : nothing}
      @change=${(e: Event) => s.input('consent', e)}
    />
    <label for="consent">${consent}</label>
    ${renderProblem(s, 'consent')}
    ${privacy ? html`<a class="privacy" href=${privacy} target="_blank" rel="noopener">${s.host.locale.t('petition.privacy')}</a>` : nothing}
  </div>`;
}

/** The honeypot: out of sight and out of the tab order; people leave it empty (`website` in the body). */
export const honeypot = html`<div class="hp" aria-hidden="true">
  <label for="website">Website</label>
  <input id="website" name="website" tabindex="-1" autocomplete="off" />
</div>`;
