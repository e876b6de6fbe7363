/**
 * What `<join-form>` does once a membership is on its way (a lazy chunk, fetched on the first focus
 * in the form, or when a queued join is delivered): the join's `ActionFlow` on the signing engine
 * (core/signing/lazy/engine.ts, which sends), with its answers: the welcome naming the chapter and
 * how to reach it, refusals, and `join-sent`. It acts on a signing through `Signing`.
 */
import { css, html, nothing } from 'lit';
import './flow-messages.js';
import type { Chapter } from '../../../core/feed-types.js';
import { adoptStyles } from '../../../core/lazy.js';
import { send as sendAction, showRefusal, type Outcome } from '../../../core/signing/lazy/engine.js';
import type { ActionEntry, QueuedAction } from '../../../core/signing/offline-queue.js';
import type { Answer, Delivery, Refusal, Signing } from '../../../core/signing/signing-types.js';
import { pickTranslation } from '../../../core/translations.js';
import { mailtoUrl } from '../../../core/mailto.js';
import { safeUrl } from '../../../core/url.js';
import type { JoinController } from '../join-controller.js';
import type { JoinView } from '../join-view.js';

export { deliverQueued, fieldProblem, prepare, suggest } from '../../../core/signing/lazy/engine.js';

type JoinSigning = Signing<JoinView, JoinController>;

/** Styles of what this chunk renders (the welcome): the widget's own chunk carries only the form's. */
const flowStyles = css`
  h3:focus {
    outline: none; /* the welcome heading, focused so it is read; not a control */
  }
  .thanks {
    padding: var(--_space);
    border-inline-start: 4px solid var(--_success);
    background: var(--_surface-alt);
  }
  .reach {
    padding-inline-start: 1.2em;
  }
`;

const outcome: Outcome<JoinView, JoinController> = {
  done: (s, answer) => joined(s, answer),
  refused: (s, error) => refused(s, error),
};

/** Sends a join the queue holds (if `saved`), and shows the answer. */
export const send = (s: JoinSigning, entry: ActionEntry, saved: boolean): Promise<void> =>
  sendAction(s, entry, saved, outcome);

/** A queued join delivered (or refused for good): the form waiting for it shows it, another just tells. */
export function delivered(s: JoinSigning, { id }: QueuedAction, result: Delivery): void {
  if (s.phase === 'queued') {
    if ('answer' in result) joined(s, result.answer);
    else refused(s, result.error);
  } else if ('answer' in result) {
    s.host.emit('join-sent', sent(id, result.answer));
  } else {
    s.host.emit('join-error', { join: id, code: result.error.code, message: result.error.message });
  }
}

/** `join-sent`'s detail from the server's answer (`JoinAnswer`). */
const sent = (join: string, { chapter, pending }: Answer) => ({
  join,
  chapter: typeof chapter === 'string' ? chapter : null,
  pending: pending === true,
});

function joined(s: JoinSigning, answer: Answer): void {
  const id = s.view?.id ?? '';
  s.accepted(answer);
  s.set({ phase: 'signed', status: s.host.locale.t('join.joined') });
  s.host.emit('join-sent', sent(id, answer));
  void s.host.updateComplete.then(() => s.host.renderRoot.querySelector<HTMLElement>('#thanks')?.focus());
}

function refused(s: JoinSigning, error: Refusal): void {
  showRefusal(s, error);
  s.host.emit('join-error', { join: s.view?.id ?? '', code: error.code, message: error.message });
}

/** How to reach a chapter: email, website, when it meets (feed text only ever becomes text). */
function renderReach(s: JoinSigning, c: Chapter) {
  const t = s.host.locale;
  const mail = mailtoUrl(c.email);
  const url = safeUrl(c.url, { base: s.view?.base, context: `chapter ${c.id} url` });
  const meets = pickTranslation(c.meets, t.lang);
  if (!mail && !url && !meets) return nothing;
  return html`<p>${t.t('join.reach')}</p>
    <ul class="reach" part="reach">
      ${mail ? html`<li><a href=${mail}>${mail.slice(7)}</a></li>` : nothing}
      ${url ? html`<li><a href=${url} target="_blank" rel="noopener">${t.t('join.website')}</a></li>` : nothing}
      ${meets ? html`<li>${t.t('join.meets', { when: meets })}</li>` : nothing}
    </ul>`;
}

/** The welcome, focused when it shows: the chapter and how to reach it; with `confirm`, check the inbox. */
export function renderThanks(s: JoinSigning, name: (c: Chapter) => string) {
  const t = s.host.locale;
  adoptStyles(s.host.renderRoot as ShadowRoot, flowStyles);
  const joined = s.source.joined;
  const c = joined?.chapter;
  return html`<div class="thanks" part="thanks">
    <h3 id="thanks" tabindex="-1">${c ? t.t('join.welcome', { chapter: name(c) }) : t.t('join.welcome-member')}</h3>
    ${joined?.pending || s.view?.confirm ? html`<p part="confirm-note">${t.t('join.check-inbox')}</p>` : nothing}
    ${c ? renderReach(s, c) : nothing}
  </div>`;
}
