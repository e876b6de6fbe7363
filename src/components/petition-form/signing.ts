/**
 * Signing, from the first keystroke to the thanks: the values typed, their problems, the
 * phase (form, sending, signed, queued), the live status and alert lines, the idempotency
 * key, and saving to the offline queue. Sending, the server's answer and the thanks come with
 * the lazy flow (lazy/flow.ts), which acts on this controller through `Signing`
 * (signing-types.ts). Joins the page-wide delivery of queued signatures (delivery.ts) while connected.
 */
import type { ReactiveController } from 'lit';
import { dictionary } from '../../core/dictionary.js';
import type { SignatureField } from '../../core/feed-types.js';
import type { SignatureRequest } from '../../core/petition-api.js';
import { flushLater, join, leave } from './delivery.js';
import { flow } from './flow-chunk.js';
import { enqueue, LEASE_MS, newKey } from './offline-queue.js';
import type { PetitionController } from './petition-controller.js';
import type { PetitionView } from './petition-view.js';
import { toJson } from './plain-data.js';
import type { Phase, Signing, SigningHost, SigningState } from './signing-types.js';
import { CONSENT_PROBLEM, formProblems, missing, type FieldCheck, type Problem } from './problems.js';

export class SigningController implements ReactiveController, Signing {
  phase: Phase = 'form';
  // No prototype: a field name a host page put on Object.prototype is not a value or a problem.
  values: Record<string, string> = dictionary({});
  consented = false;
  problems: Record<string, Problem> = dictionary({});
  suggestion = '';
  status = '';
  alert = '';
  /** One key per signing: kept across corrections and retries, dropped once signed. */
  private key?: string;

  constructor(
    readonly host: SigningHost,
    private petition: PetitionController,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    join(this);
  }

  hostDisconnected(): void {
    leave(this);
  }

  get view(): PetitionView | undefined {
    return this.petition.view;
  }

  get petitionId(): string {
    return this.view?.id ?? this.host.petition ?? '';
  }

  get count(): number | undefined {
    return this.petition.count;
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
    flow.load().then(
      (m) => m.prepareProof(this),
      () => {},
    );
  };

  /** The full rules once the flow has come, else only what is missing (see lazy/validation.ts). */
  private get check(): FieldCheck {
    return flow.module?.fieldProblem ?? missing;
  }

  private problem(f: string): Problem | undefined {
    if (f === 'consent') return this.consented ? undefined : CONSENT_PROBLEM;
    return this.check(f as SignatureField, this.values[f] ?? '', !!this.view?.required.has(f));
  }

  /** A keystroke or a tick: an error clears as soon as it is fixed; new errors wait for the field to be left. */
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
    const m = flow.module;
    if (!m)
      return void flow.load().then(
        () => this.change(f),
        () => {},
      );
    if (this.values[f]?.trim()) this.setProblem(f, this.problem(f));
    if (f === 'email' && !this.problems.email) void m.suggest(this);
  }

  /** The signature body (docs/design.md): the shown fields, consent with the exact text shown, source, honeypot. */
  private body(view: PetitionView): SignatureRequest {
    const body = dictionary({ consent: dictionary({ granted: true, text: view.consent }) }) as SignatureRequest;
    for (const f of view.shown) {
      const v = this.values[f]?.trim();
      if (v) body[f] = v;
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

  /** Validates, saves the signature in the offline queue, and has the flow send it. */
  submit = async (e: Event): Promise<void> => {
    e.preventDefault();
    const view = this.view;
    if (!view || this.phase !== 'form') return; // a double click sends one request
    // The flow sends; it also brings the full rules. Without it (offline since the page loaded) the
    // signature is checked for what is missing only and saved: the server checks the rest on delivery.
    this.phase = 'sending'; // not shown yet: it only keeps a second click out while the rules come
    const m = flow.module ?? (await flow.load().catch(() => undefined));
    this.phase = 'form';
    const problems = formProblems(this.check, view.shown, view.required, this.values, this.consented);
    const n = Object.keys(problems).length;
    const t = this.host.locale;
    if (n) {
      // Emptied first, so the same summary after a second try is announced again.
      this.set({ problems, alert: '' });
      await this.host.updateComplete;
      this.set({ alert: t.plural('petition.problems', n) });
      return this.focusFirstProblem();
    }
    this.set({ problems, phase: 'sending', alert: '', status: t.t('petition.sending') });
    const key = (this.key ??= newKey());
    const url = `${view.endpoint}/signatures`;
    const body = toJson(this.body(view));
    const entry = { key, url, body, petition: view.id };
    // Written ahead, leased to this page: if the page closes mid-send, the next one delivers it.
    const saved = await enqueue(entry, navigator.onLine ? Date.now() + LEASE_MS : 0);
    if (m) return m.send(this, url, key, body, saved);
    // Offline since before the form was first touched, so the sending code never came: kept for later.
    if (saved && (await enqueue(entry))) return this.queued(view.id, false);
    this.set({ phase: 'form', status: '', alert: t.t('petition.error.offline') });
    this.host.emit('petition-error', { petition: view.id, code: 'network', message: 'offline' });
  };

  queued(petition: string, serverBusy: boolean): void {
    this.set({
      phase: 'queued',
      status: this.host.locale.t(serverBusy ? 'petition.queued-server' : 'petition.queued'),
    });
    this.host.emit('petition-queued', { petition });
    flushLater();
  }

  accepted(count: number): void {
    this.key = undefined;
    this.petition.counted(count);
  }
}
