/**
 * What `<petition-form>` does once a signature is on its way, in a lazy chunk (fetched on
 * the first focus in the form, or when a queued signature is to be sent): sending, the
 * server's answer, thanks and sharing, the email suggestion, and the strings for all that.
 * Validation and saving to the offline queue stay in the entry: they work offline.
 */
import { css, html } from 'lit';
import './petition-messages.js';
import type { SignatureField } from '../../core/feed-types.js';
import type { PetitionForm, PetitionView } from './petition-form.js';
import { newKey } from './offline-queue.js';
import { flushQueue, settle } from './queue-flush.js';
import type { Refusal } from './submit.js';

/**
 * Styles of what this chunk renders (the suggestion, thanks, sharing), added to a
 * form's own when it first renders them: the entry carries only the form's.
 */
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

/** Adopts flowStyles into the form's shadow root, once (a constructed sheet: no inline style for a CSP to refuse). */
function withStyles(w: PetitionForm): void {
  const root = w.renderRoot as ShadowRoot;
  const sheet = flowStyles.styleSheet!;
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** The sending code (its own lazy chunk), fetched as soon as this one is. */
const loadSubmit = () => import('./submit.js');
void loadSubmit().catch(() => {});

/** Sends what earlier pages (or this one) queued; each delivery is reported by a widget showing its petition, else by any. */
export const flush = (widgets: Set<PetitionForm>): Promise<void> =>
  flushQueue((entry, result) => {
    const all = [...widgets];
    const w = all.find((w) => w.petitionId === entry.petition) ?? all[0];
    if (!w) return;
    const { petition } = entry;
    const mine = petition === w.petitionId;
    if ('count' in result) {
      if (mine && w.phase === 'queued') signed(w, petition, result.count);
      else {
        if (mine && Number.isFinite(result.count)) w.count = result.count;
        w.emit('petition-signed', { petition, count: result.count });
      }
    } else if (mine && w.phase === 'queued') {
      refused(w, w.resolve()!, result.error);
    } else {
      w.emit('petition-error', { petition, code: result.error.code, message: result.error.message });
    }
  });

/** The email field was left without a problem: suggest a fix of a mistyped domain. */
export async function suggest(w: PetitionForm): Promise<void> {
  try {
    const { suggestEmail } = await import('./email-suggest.js');
    w.suggestion = suggestEmail(w.values.email ?? '') ?? '';
  } catch {
    // offline before the chunk came: no suggestion
  }
}

/** "Did you mean …?" under the email field: a button that takes the suggestion. */
export function renderSuggestion(w: PetitionForm) {
  withStyles(w);
  return html`<p id="suggestion" class="suggestion">
    <button type="button" class="link" @click=${() => acceptSuggestion(w)}>${w.locale.t('petition.did-you-mean', { email: w.suggestion })}</button>
  </p>`;
}

/** The thank-you, focused when it shows, with the sharing row once its chunk has come. */
export function renderThanks(w: PetitionForm, p: PetitionView) {
  withStyles(w);
  return html`<div class="thanks" part="thanks">
    <h3 id="thanks" tabindex="-1">${w.locale.t('petition.thanks')}</h3>
    ${w.share?.renderShare(p.title, w.locale, (m) => m && (w.status = m))}
  </div>`;
}

function acceptSuggestion(w: PetitionForm): void {
  w.values = { ...w.values, email: w.suggestion };
  w.suggestion = '';
  w.setProblem('email', undefined);
  w.renderRoot.querySelector<HTMLInputElement>('#f-email')?.focus();
}

/** Sends a signature already saved in the queue (`saved`), and shows the answer. */
export async function send(w: PetitionForm, p: PetitionView, key: string, url: string, body: string, saved: boolean): Promise<void> {
  // Offline, or the sending code cannot be fetched: keep it for later.
  const sendSignature = navigator.onLine ? await loadSubmit().then((m) => m.sendSignature, () => null) : null;
  try {
    if (!sendSignature) throw { code: 'network', message: 'offline', status: 0, retriable: true };
    let count: number;
    try {
      count = await sendSignature(url, key, body);
    } catch (err) {
      // The key already went with another body whose answer was lost: the signature is
      // in; the server counts a person once, so a fresh key is safe.
      if ((err as Refusal).code !== 'idempotency_key_reused') throw err;
      count = await sendSignature(url, (w.key = newKey()), body);
    }
    await settle([key], true);
    signed(w, p.id, count);
  } catch (err) {
    const error = err as Refusal;
    // Offline, or the server still failing after the retries: kept, and sent later.
    const later = error.retriable && saved;
    await settle([key], !later);
    if (later) w.queued(p.id, !!error.status);
    else refused(w, p, error);
  }
}

function signed(w: PetitionForm, petition: string, count: number): void {
  w.phase = 'signed';
  w.key = undefined;
  if (Number.isFinite(count)) w.count = count;
  w.status = w.locale.t('petition.signed');
  w.emit('petition-signed', { petition, count: w.count ?? count });
  import('./share-panel.js').then(
    (m) => (w.share = m),
    () => {},
  );
  w.updateComplete.then(() => w.renderRoot.querySelector<HTMLElement>('#thanks')?.focus());
}

function refused(w: PetitionForm, p: PetitionView, error: Refusal): void {
  w.phase = 'form';
  w.status = '';
  const t = w.locale;
  const field = error.field === 'consent' || p.shown.includes(error.field as SignatureField) ? error.field! : '';
  w.alert =
    error.code === 'network'
      ? t.t('petition.error.offline')
      : error.code === 'petition_closed'
        ? t.t('petition.closed', { date: w.date(new Date().toISOString()) })
        : error.retriable
          ? t.t('petition.error.server')
          : error.message;
  if (field) {
    w.problems = { ...w.problems, [field]: { text: error.message } };
    void w.focusFirstProblem();
  }
  w.emit('petition-error', { petition: p.id, code: error.code, message: error.message });
}
