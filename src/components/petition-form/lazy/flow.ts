/**
 * What `<petition-form>` does once a signature is on its way (a lazy chunk, fetched on the
 * first focus in the form, or when a queued signature is delivered): the petition's `ActionFlow`
 * on the signing engine (core/signing/lazy/engine.ts, which sends), with the petition's answers:
 * thanks and sharing, refusals, the email suggestion, and the strings for all that. It acts on a
 * signing through `Signing`, never on the element. Validation and saving to the offline queue
 * stay in the entry: they work offline.
 */
import { css, html } from 'lit';
import './petition-messages.js';
import { adoptStyles, lazy } from '../../../core/lazy.js';
import type { ActionEntry, QueuedAction } from '../../../core/signing/offline-queue.js';
import type { Answer, Delivery, Refusal, Signing } from '../../../core/signing/signing-types.js';
import { send as sendAction, type Outcome } from '../../../core/signing/lazy/engine.js';
import { dictionary } from '../../../core/dictionary.js';
import type { PetitionController } from '../petition-controller.js';
import { longDate, type PetitionView } from '../petition-view.js';
import type { SignatureField } from '../../../core/feed-types.js';

export { deliverQueued, fieldProblem, prepare, suggest } from '../../../core/signing/lazy/engine.js';

type PetitionSigning = Signing<PetitionView, PetitionController>;

/** Styles of what this chunk renders (the suggestion, thanks, sharing): the entry carries only the form's. */
const flowStyles = css`
  .link {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
  }
  h3:focus {
    outline: none; /* the thank-you heading, focused so it is read; not a control */
  }
  .thanks {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
  }
  .share {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 0;
    list-style: none;
  }
`;

/** The sharing row, fetched once the reader has signed. */
const share = lazy(() => import('./share-panel.js'));

/** What a page whose site the organization has not allowed yet shows (origin_not_allowed). */
const originRefused = lazy(() => import('./origin-refused.js'));

/** The count a signature's answer carries (NaN when none). */
const countOf = (answer: Answer): number => (typeof answer.count === 'number' ? answer.count : NaN);

const outcome: Outcome<PetitionView, PetitionController> = {
  done: (s, answer) => signed(s, s.view!.id, answer),
  refused: (s, error) => refused(s, s.view!, error),
};

/** Sends a signature the queue holds (if `saved`), and shows the answer. */
export const send = (s: PetitionSigning, entry: ActionEntry, saved: boolean): Promise<void> =>
  sendAction(s, entry, saved, outcome);

/** A queued signature delivered (or refused for good): the widget waiting for it shows it, another just tells. */
export function delivered(s: PetitionSigning, { id: petition }: QueuedAction, result: Delivery): void {
  const mine = petition === s.view?.id;
  if (mine && s.phase === 'queued') {
    if ('answer' in result) signed(s, petition, result.answer);
    else refused(s, s.view!, result.error);
  } else if ('answer' in result) {
    if (mine) s.accepted(result.answer);
    s.host.emit('petition-signed', { petition, count: countOf(result.answer) });
  } else {
    s.host.emit('petition-error', { petition, code: result.error.code, message: result.error.message });
  }
}

function signed(s: PetitionSigning, petition: string, answer: Answer): void {
  s.accepted(answer);
  s.set({ phase: 'signed', status: s.host.locale.t('petition.signed') });
  s.host.emit('petition-signed', { petition, count: s.source.count ?? countOf(answer) });
  share.load().then(
    () => s.host.requestUpdate(),
    () => {},
  );
  void s.host.updateComplete.then(() => s.host.renderRoot.querySelector<HTMLElement>('#thanks')?.focus());
}

function refused(s: PetitionSigning, view: PetitionView, error: Refusal): void {
  const t = s.host.locale;
  if (error.code === 'origin_not_allowed') {
    s.set({ phase: 'form', status: '', alert: '' });
    originRefused.load().then(
      (m) => s.set({ alert: m.renderNotAllowed(t, view) }),
      () => s.set({ alert: error.message }), // the chunk did not come: the server's own words
    );
    return void s.host.emit('petition-error', { petition: view.id, code: error.code, message: error.message });
  }
  const field = error.field === 'consent' || view.shown.includes(error.field as SignatureField) ? error.field! : '';
  s.set({
    phase: 'form',
    status: '',
    alert:
      error.code === 'network'
        ? t.t('petition.error.offline')
        : error.code === 'petition_closed'
          ? t.t('petition.closed', { date: longDate(new Date().toISOString(), t.lang) })
          : error.retriable
            ? t.t('petition.error.server')
            : error.message,
  });
  if (field) {
    s.setProblem(field, { text: error.message });
    void s.focusFirstProblem();
  }
  s.host.emit('petition-error', { petition: view.id, code: error.code, message: error.message });
}

/** "Did you mean …?" under the email field: a button that takes the suggestion. */
export function renderSuggestion(s: PetitionSigning) {
  adoptStyles(s.host.renderRoot as ShadowRoot, flowStyles);
  const accept = () => {
    s.set({ values: dictionary({ ...s.values, email: s.suggestion }), suggestion: '' });
    s.setProblem('email', undefined);
    s.host.renderRoot.querySelector<HTMLInputElement>('#f-email')?.focus();
  };
  const text = s.host.locale.t('petition.did-you-mean', { email: s.suggestion });
  return html`<p id="suggestion" class="suggestion">
    <button type="button" class="link" @click=${accept}>${text}</button>
  </p>`;
}

/** The thank-you, focused when it shows, with the sharing row once its chunk has come. */
export function renderThanks(s: PetitionSigning) {
  const t = s.host.locale;
  adoptStyles(s.host.renderRoot as ShadowRoot, flowStyles);
  return html`<div class="thanks" part="thanks">
    <h3 id="thanks" tabindex="-1">${t.t('petition.thanks')}</h3>
    ${s.view?.confirm ? html`<p part="confirm-note">${t.t('petition.check-inbox')}</p>` : ''}
    ${share.module?.renderShare(s.view?.title ?? '', t, (m) => m && s.set({ status: m }))}
  </div>`;
}
