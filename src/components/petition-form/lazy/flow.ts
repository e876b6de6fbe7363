/**
 * What `<petition-form>` does once a signature is on its way (a lazy chunk, fetched on the
 * first focus in the form, or when a queued signature is to be sent): sending and the server's
 * answer, thanks and sharing, the email suggestion, and the strings for all that. It acts on a
 * signing through `Signing` (signing-types.ts), never on the element. Validation and saving to
 * the offline queue stay in the entry: they work offline.
 */
import { css, html } from 'lit';
import './petition-messages.js';
import { adoptStyles, lazy } from '../../../core/lazy.js';
import type { SignatureField } from '../../../core/feed-types.js';
import { newKey, type QueuedSignature } from '../offline-queue.js';
import { longDate, type PetitionView } from '../petition-view.js';
import type { Signing } from '../signing-types.js';
import { flushQueue, settle, submit, type Delivery } from './queue-flush.js';

export { fieldProblem } from './validation.js';
import type { Refusal } from './submit.js';
import { dictionary } from '../../../core/dictionary.js';

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

submit.prefetch(); // the sending code, fetched as soon as this chunk is

/** The sharing row, fetched once the reader has signed. */
const share = lazy(() => import('./share-panel.js'));

/** Starts solving the proof of work for the signing's petition while the reader fills the form. */
export const prepareProof = (s: Signing): Promise<void> =>
  submit.load().then(
    (m) => s.view && m.prepareProof(`${s.view.endpoint}/signatures`),
    () => {},
  );

/** What a page whose site the organization has not allowed yet shows (origin_not_allowed). */
const originRefused = lazy(() => import('./origin-refused.js'));

/** Sends a signature the queue holds (if `saved`), and shows the answer. */
export async function send(s: Signing, url: string, key: string, body: string, saved: boolean): Promise<void> {
  const view = s.view!;
  // Offline, or the sending code cannot be fetched: keep it for later.
  const sendSignature = navigator.onLine
    ? await submit.load().then(
        (m) => m.sendSignature,
        () => null,
      )
    : null;
  try {
    if (!sendSignature) throw { code: 'network', message: 'offline', status: 0, retriable: true };
    let count: number;
    try {
      count = await sendSignature(url, key, body);
    } catch (err) {
      // The key already went with another body whose answer was lost: the signature is
      // in; the server counts a person once, so a fresh key is safe.
      if ((err as Refusal).code !== 'idempotency_key_reused') throw err;
      count = await sendSignature(url, newKey(), body);
    }
    await settle([key], true);
    signed(s, view.id, count);
  } catch (err) {
    const error = err as Refusal;
    // Offline, or the server still failing after the retries: kept, and sent later.
    const later = error.retriable && saved;
    await settle([key], !later);
    if (later) s.queued(view.id, !!error.status);
    else refused(s, view, error);
  }
}

/** Sends what is queued; each delivery is reported by a widget showing its petition, else by any. */
export const deliverQueued = (signings: Set<Signing>): Promise<void> =>
  flushQueue((entry, result) => {
    const all = [...signings];
    const s = all.find((s) => s.petitionId === entry.petition) ?? all[0];
    if (s) delivered(s, entry, result);
  });

/** A queued signature delivered (or refused for good): the widget waiting for it shows it, another just tells. */
function delivered(s: Signing, { petition }: QueuedSignature, result: Delivery): void {
  const mine = petition === s.petitionId;
  if (mine && s.phase === 'queued') {
    if ('count' in result) signed(s, petition, result.count);
    else refused(s, s.view!, result.error);
  } else if ('count' in result) {
    if (mine) s.accepted(result.count);
    s.host.emit('petition-signed', { petition, count: result.count });
  } else {
    s.host.emit('petition-error', { petition, code: result.error.code, message: result.error.message });
  }
}

function signed(s: Signing, petition: string, count: number): void {
  s.accepted(count);
  s.set({ phase: 'signed', status: s.host.locale.t('petition.signed') });
  s.host.emit('petition-signed', { petition, count: s.count ?? count });
  share.load().then(
    () => s.host.requestUpdate(),
    () => {},
  );
  void s.host.updateComplete.then(() => s.host.renderRoot.querySelector<HTMLElement>('#thanks')?.focus());
}

function refused(s: Signing, view: PetitionView, error: Refusal): void {
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

/** The typo table (its own chunk: only readers who leave the email field fetch it). */
const emailSuggest = lazy(() => import('./email-suggest.js'));

/** The email field was left without a problem: suggest a fix of a mistyped domain. */
export async function suggest(s: Signing): Promise<void> {
  try {
    const { suggestEmail } = await emailSuggest.load();
    s.set({ suggestion: suggestEmail(s.values.email ?? '') ?? '' });
  } catch {
    // offline before the chunk came: no suggestion
  }
}

/** "Did you mean …?" under the email field: a button that takes the suggestion. */
export function renderSuggestion(s: Signing) {
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
export function renderThanks(s: Signing) {
  const t = s.host.locale;
  adoptStyles(s.host.renderRoot as ShadowRoot, flowStyles);
  return html`<div class="thanks" part="thanks">
    <h3 id="thanks" tabindex="-1">${t.t('petition.thanks')}</h3>
    ${s.view?.confirm ? html`<p part="confirm-note">${t.t('petition.check-inbox')}</p>` : ''}
    ${share.module?.renderShare(s.view?.title ?? '', t, (m) => m && s.set({ status: m }))}
  </div>`;
}
