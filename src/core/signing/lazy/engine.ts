/**
 * The signing engine's lazy part, shared by every form's flow: the full field rules, the email
 * suggestion, the proof of work, sending an action with its answer told to the form, and the
 * page-wide delivery of queued actions, each reported to a form of its kind. Fetched on the first
 * focus in a form, or when something queued is to be sent (delivery.ts).
 */
import type { MessageKey } from '../../../i18n/index.js';
import { lazy } from '../../lazy.js';
import { newKey, type ActionEntry } from '../offline-queue.js';
import type { ActionSource, ActionView, Answer, Refusal, Signing } from '../signing-types.js';
import { flushQueue, settle, submit } from './queue-flush.js';

export { fieldProblem } from './validation.js';

submit.prefetch(); // the sending code, fetched as soon as this chunk is

/** How a form answers a send: accepted (with the server's answer), or refused for good. */
export interface Outcome<V extends ActionView, S extends ActionSource<V>> {
  done(s: Signing<V, S>, answer: Answer): void;
  refused(s: Signing<V, S>, error: Refusal): void;
}

/** Starts solving the proof of work for the signing's action while the reader fills the form. */
export const prepare = (s: Signing): Promise<void> =>
  submit.load().then(
    (m) => s.view && m.prepareProof(s.view.url),
    () => {},
  );

/** Sends an action the queue holds (if `saved`); offline or failing for now, it stays queued. */
export async function send<V extends ActionView, S extends ActionSource<V>>(
  s: Signing<V, S>,
  { url, key, body }: ActionEntry,
  saved: boolean,
  on: Outcome<V, S>,
): Promise<void> {
  // Offline, or the sending code cannot be fetched: keep it for later.
  const sendAction = navigator.onLine
    ? await submit.load().then(
        (m) => m.sendAction,
        () => null,
      )
    : null;
  try {
    if (!sendAction) throw { code: 'network', message: 'offline', status: 0, retriable: true };
    let answer: Answer;
    try {
      answer = await sendAction(url, key, body);
    } catch (err) {
      // The key already went with another body whose answer was lost: the action is in;
      // the server counts a person once per action, so a fresh key is safe.
      if ((err as Refusal).code !== 'idempotency_key_reused') throw err;
      answer = await sendAction(url, newKey(), body);
    }
    await settle([key], true);
    on.done(s, answer);
  } catch (err) {
    const error = err as Refusal;
    // Offline, or the server still failing after the retries: kept, and sent later.
    const later = error.retriable && saved;
    await settle([key], !later);
    if (later) s.queued(!!error.status);
    else on.refused(s, error);
  }
}

/** Sends what is queued; each delivery is told to a form of its kind showing the same action, else to any. */
export const deliverQueued = (signings: Set<Signing>): Promise<void> =>
  flushQueue((entry, result) => {
    const mine = [...signings].filter((s) => s.kind === entry.kind);
    const s = mine.find((s) => s.view?.id === entry.id) ?? mine[0];
    s?.flow.load().then(
      (m) => m.delivered(s, entry, result),
      () => {}, // the form's flow did not come (offline again): delivered all the same, untold
    );
  });

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

/**
 * Shows a refusal on the form: the alert (the action's own words, `<kind>.error.offline` or
 * `<kind>.error.server`, when it could not reach the server or the server failed; else the server's), and
 * the server's words under the field it names when the form shows that field. The flow fires its event.
 */
export function showRefusal(s: Signing, error: Refusal): void {
  const own = (what: 'offline' | 'server') => s.host.locale.t(`${s.kind}.error.${what}` as MessageKey);
  const field = error.field === 'consent' || s.view?.shown.includes(error.field ?? '') ? error.field! : '';
  s.set({
    phase: 'form',
    status: '',
    alert: error.code === 'network' ? own('offline') : error.retriable ? own('server') : error.message,
  });
  if (field) {
    s.setProblem(field, { text: error.message });
    void s.focusFirstProblem();
  }
}
