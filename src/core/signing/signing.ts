/**
 * Signing, for any action (a petition, an RSVP, a join), from the first keystroke to the thanks:
 * the values typed, their problems, the phase (form, sending, signed, queued), the live status and
 * alert lines, the idempotency key, and saving to the offline queue. Sending, the server's answer
 * and the thanks come with the form's lazy flow (an `ActionFlow`), which acts on this controller
 * through `Signing` (signing-types.ts). Joins the page-wide delivery of queued actions
 * (delivery.ts) while connected.
 *
 * The kind of action names the form's words and events: status lines are the message keys
 * `<kind>.sending`, `<kind>.queued`, `<kind>.queued-server` (this one in the flow's chunk),
 * `<kind>.problems_one/_other`, `<kind>.error.offline`; the events `<kind>-queued` (detail
 * `{ [kind]: id }`) and `<kind>-error` (`{ [kind]: id, code, message }`), e.g. `petition-queued`.
 */
import type { ReactiveController } from 'lit';
import type { MessageKey } from '../../i18n/index.js';
import { dictionary } from '../dictionary.js';
import type { Lazy } from '../lazy.js';
import type { SignatureRequest } from '../petition-api.js';
import { flushLater, join, leave } from './delivery.js';
import { enqueue, LEASE_MS, newKey } from './offline-queue.js';
import { toJson } from './plain-data.js';
import { CONSENT_PROBLEM, formProblems, missing, type FieldCheck, type Problem } from './problems.js';
import type {
  ActionFlow,
  ActionSource,
  ActionView,
  Answer,
  Phase,
  Signing,
  SigningHost,
  SigningState,
} from './signing-types.js';

export class SigningController<V extends ActionView = ActionView, S extends ActionSource<V> = ActionSource<V>>
  implements ReactiveController, Signing<V, S>
{
  phase: Phase = 'form';
  // No prototype: a field name a host page put on Object.prototype is not a value or a problem.
  values: Record<string, string> = dictionary({});
  consented = false;
  problems: Record<string, Problem> = dictionary({});
  suggestion = '';
  status = '';
  alert = '';
  /** One key per signing: kept across corrections and retries, dropped once accepted. */
  private key?: string;

  /** `kind` names the action (`petition`, `rsvp`, `join`); `flow` is the form's lazy flow. */
  constructor(
    readonly host: SigningHost,
    readonly kind: string,
    readonly source: S,
    readonly flow: Lazy<ActionFlow<V, S>>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    join(this);
  }

  hostDisconnected(): void {
    leave(this);
  }

  get view(): V | undefined {
    return this.source.view;
  }

  set(state: Partial<SigningState>): void {
    Object.assign(this, state);
    this.host.requestUpdate();
  }

  setProblem(f: string, problem: Problem | undefined): void {
    const problems = dictionary({ ...this.problems });
    if (problem) problems[f] = problem;
    else delete problems[f];
    this.set({ problems });
  }

  async focusFirstProblem(): Promise<void> {
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  /** Starts fetching the flow chunk (the reader is in the form: they may sign soon). */
  prefetch = (): void => {
    // The proof of work is solved meanwhile, so "Sign" waits for nothing.
    this.flow.load().then(
      (m) => m.prepare(this),
      () => {},
    );
  };

  /** The full rules once the flow has come, else only what is missing (see lazy/validation.ts). */
  private get check(): FieldCheck {
    return this.flow.module?.fieldProblem ?? missing;
  }

  private problem(f: string): Problem | undefined {
    if (f === 'consent') return this.consented ? undefined : CONSENT_PROBLEM;
    return this.check(f, this.values[f] ?? '', !!this.view?.required.has(f));
  }

  /**
   * A keystroke or a tick (or a value picked otherwise, from an element with `value`): an error
   * clears as soon as it is fixed; new errors wait for the field to be left.
   */
  input(f: string, e: Event): void {
    const el = e.target as HTMLInputElement;
    if (f === 'consent') this.set({ consented: el.checked });
    else
      this.set({
        values: dictionary({ ...this.values, [f]: el.value }),
        suggestion: f === 'email' ? '' : this.suggestion,
      });
    if (this.problems[f]) this.setProblem(f, this.problem(f));
  }

  /** A field left: its problem shows (by the full rules, which come with the flow); a good email, a suggestion. */
  change(f: string): void {
    const m = this.flow.module;
    if (!m)
      return void this.flow.load().then(
        () => this.change(f),
        () => {},
      );
    if (this.values[f]?.trim()) this.setProblem(f, this.problem(f));
    if (f === 'email' && !this.problems.email) void m.suggest(this);
  }

  /** The body (docs/design.md, "Signature body"): the shown fields, consent with the text shown, source, honeypot. */
  private body(view: V): SignatureRequest {
    const body = dictionary({ consent: dictionary({ granted: true, text: view.consent }) }) as SignatureRequest;
    for (const f of view.shown) {
      const v = this.values[f]?.trim();
      if (v) (body as Record<string, unknown>)[f] = v;
    }
    body.source = (this.host.source || new URL(location.href).searchParams.get('source') || location.hostname).slice(
      0,
      200,
    );
    body.lang = this.host.locale.lang; // the confirmation email's language
    const honeypot = this.host.renderRoot.querySelector<HTMLInputElement>('#website')?.value;
    if (honeypot) body.website = honeypot;
    return body;
  }

  /** Validates, saves the action in the offline queue, and has the flow send it. */
  submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const view = this.view;
    if (!view || this.phase !== 'form') return; // a double click sends one request
    // The flow sends; it also brings the full rules. Without it (offline since the page loaded) the
    // action is checked for what is missing only and saved: the server checks the rest on delivery.
    this.phase = 'sending'; // not shown yet: it only keeps a second click out while the rules come
    const m = this.flow.module ?? (await this.flow.load().catch(() => undefined));
    this.phase = 'form';
    const problems = formProblems(this.check, view.shown, view.required, this.values, this.consented);
    const n = Object.keys(problems).length;
    const t = this.host.locale;
    if (n) {
      // Emptied first, so the same summary after a second try is announced again.
      this.set({ problems, alert: '' });
      await this.host.updateComplete;
      this.set({ alert: t.plural(`${this.kind}.problems`, n) });
      return this.focusFirstProblem();
    }
    this.set({ problems, phase: 'sending', alert: '', status: t.t(`${this.kind}.sending` as MessageKey) });
    const key = (this.key ??= newKey());
    const entry = { key, url: view.url, body: toJson(this.body(view)), kind: this.kind, id: view.id };
    // Written ahead, leased to this page: if the page closes mid-send, the next one delivers it.
    const saved = await enqueue(entry, navigator.onLine ? Date.now() + LEASE_MS : 0);
    if (m) return m.send(this, entry, saved);
    // Offline since before the form was first touched, so the sending code never came: kept for later.
    if (saved && (await enqueue(entry))) return this.queued(false);
    this.set({ phase: 'form', status: '', alert: t.t(`${this.kind}.error.offline` as MessageKey) });
    // `<kind>-error` (events.ts types each kind's detail)
    this.host.emit(
      `${this.kind}-error` as 'petition-error',
      { [this.kind]: view.id, code: 'network', message: 'offline' } as never,
    );
  };

  queued(serverBusy: boolean): void {
    this.set({
      phase: 'queued',
      status: this.host.locale.t(`${this.kind}.queued${serverBusy ? '-server' : ''}` as MessageKey),
    });
    this.host.emit(`${this.kind}-queued` as 'petition-queued', { [this.kind]: this.view!.id } as never);
    flushLater();
  }

  accepted(answer: Answer): void {
    this.key = undefined;
    this.source.accepted(answer);
  }
}
