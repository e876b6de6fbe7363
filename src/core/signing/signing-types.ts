/**
 * The signing engine's types: an action (where a form's body goes and what it holds), the state a
 * form shows of a signing, and what a form's lazy flow may do with a signing in progress. Types
 * only, so signing.ts (which loads a flow) and the flows both depend on this and not on each other.
 */
import type { TemplateResult } from 'lit';
import type { SolidarityElement } from '../base-element.js';
import type { Lazy } from '../lazy.js';
import type { LocaleController } from '../locale-controller.js';
import type { ActionEntry, QueuedAction } from './offline-queue.js';
import type { FieldCheck, Problem } from './problems.js';

export type Phase = 'form' | 'sending' | 'signed' | 'queued';

/** An action as a form shows it: a petition, an RSVP, a join. */
export interface ActionView {
  /** The action's id within its kind (a petition's or an event's id; '' for a join). */
  id: string;
  /** Where the body is POSTed, with an `Idempotency-Key`. */
  url: string;
  /** Body keys the form shows, in order (signature fields, and e.g. `chapter`). */
  shown: readonly string[];
  required: ReadonlySet<string>;
  /** The consent text shown, sent with the body. */
  consent: string;
}

/** The server's JSON answer to an accepted action (null-prototype objects: read with typeof checks). */
export type Answer = Record<string, unknown>;

/** Why an action was not accepted: the server's error, or `network` (status 0). */
export interface Refusal {
  code: string;
  message: string;
  status: number;
  field?: string;
  /** Whether sending the same request later may succeed. */
  retriable: boolean;
}

/** A queued action sent by the page-wide delivery: its answer, or its final refusal. */
export type Delivery = { answer: Answer } | { error: Refusal };

/**
 * Where a form's action comes from, and what the form does with an accepted one. (The engine fires
 * `<kind>-queued` and `<kind>-error` itself, see signing.ts; success events are the form's flow's.)
 */
export interface ActionSource<V extends ActionView = ActionView> {
  /** The action shown, as of the last render (undefined: none). */
  readonly view?: V;
  /** The server accepted this form's action (a count, a status…). */
  accepted(answer: Answer): void;
}

/** What the form shows of a signing. */
export interface SigningState {
  phase: Phase;
  values: Record<string, string>;
  consented: boolean;
  problems: Record<string, Problem>;
  /** A corrected email address to offer, or ''. */
  suggestion: string;
  /** The live status line ("Sending…", "Signed."). */
  status: string;
  /** The alert line (a summary of problems, a refusal; a refusal may carry a link). */
  alert: string | TemplateResult;
}

/** The element a signing belongs to. */
export type SigningHost = SolidarityElement & { source?: string; locale: LocaleController };

/** A signing as a flow sees it (SigningController implements it). */
export interface Signing<
  V extends ActionView = ActionView,
  S extends ActionSource<V> = ActionSource<V>,
> extends Readonly<SigningState> {
  readonly host: SigningHost;
  /** The action's kind (`petition`, `rsvp`, `join`): its queue entries' kind and its message keys' prefix. */
  readonly kind: string;
  readonly source: S;
  /** The action shown, as of the last render. */
  readonly view: V | undefined;
  /** Changes the state shown, and renders it. */
  set(state: Partial<SigningState>): void;
  setProblem(field: string, problem: Problem | undefined): void;
  /** Focuses the first field with a problem, once rendered. */
  focusFirstProblem(): Promise<void>;
  /** Saved in the queue, to be sent later. */
  queued(serverBusy: boolean): void;
  /** Accepted by the server: drops the key (a new signing gets a new one) and tells the source. */
  accepted(answer: Answer): void;
  /** The form's lazy flow. */
  readonly flow: Lazy<ActionFlow<V, S>>;
}

/** A form's lazy flow (its `lazy/flow.ts`): the engine's pieces, plus how the form answers. */
export interface ActionFlow<V extends ActionView = ActionView, S extends ActionSource<V> = ActionSource<V>> {
  /** The full field rules (lazy/validation.ts). */
  fieldProblem: FieldCheck;
  /** The reader is in the form: get ready to send (the proof of work). */
  prepare(s: Signing<V, S>): void;
  /** The email field was left without a problem: offer a fix of a mistyped domain. */
  suggest(s: Signing<V, S>): Promise<void>;
  /** Sends an entry the queue holds (if `saved`), and shows the answer. */
  send(s: Signing<V, S>, entry: ActionEntry, saved: boolean): Promise<void>;
  /** The engine's page-wide delivery of queued actions (re-exported from lazy/engine.ts). */
  deliverQueued(signings: Set<Signing>): Promise<void>;
  /** A queued action delivered by the page-wide delivery: the form shows or tells it. */
  delivered(s: Signing<V, S>, entry: QueuedAction, result: Delivery): void;
}
