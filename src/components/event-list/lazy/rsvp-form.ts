/**
 * The inline RSVP form under an event (fields with real labels and autocomplete, consent, the honeypot) and the
 * thanks once the server answered, rendered from the signing (core/signing) the element holds.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formStyles } from '../../../core/form.styles.js';
import { adoptStyles } from '../../../core/lazy.js';
import { honeypot, renderConsent, renderField } from '../../../core/signing/form-fields.js';
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

/** The RSVP form for the open event, or the thanks once answered (nothing while queued: the status says it). */
export function renderRsvp(s: RsvpSigning, title: string): TemplateResult | typeof nothing {
  adoptStyles(s.host.renderRoot as ShadowRoot, formStyles);
  adoptStyles(s.host.renderRoot as ShadowRoot, rsvpStyles);
  const view = s.view;
  const t = s.host.locale;
  if (!view || s.phase === 'queued') return nothing;
  if (s.phase === 'signed')
    return html`<p id="rsvp-thanks" class="rsvp thanks" part="thanks" tabindex="-1">${s.status}</p>`;
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
    <div class="fields">${view.shown.map((f) => renderField(s, f, view.required.has(f)))}</div>
    ${renderConsent(s, view.consent, view.privacy)} ${honeypot}
    <button type="submit" class="btn primary" part="submit" aria-disabled=${s.phase === 'sending' ? 'true' : 'false'}>
      ${t.t(view.full ? 'rsvp.submit-waitlist' : 'rsvp.submit')}
    </button>
  </form>`;
}
