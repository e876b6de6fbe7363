/**
 * The signing's state, and what the lazy flow (lazy/flow.ts) may do with a signing in progress:
 * types only, so signing.ts (which loads the flow) and the flow both depend on this and not on
 * each other.
 */
import type { TemplateResult } from 'lit';
import type { SolidarityElement } from '../../core/base-element.js';
import type { LocaleController } from '../../core/locale-controller.js';
import type { PetitionView } from './petition-view.js';
import type { Problem } from './problems.js';

export type Phase = 'form' | 'sending' | 'signed' | 'queued';

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
export type SigningHost = SolidarityElement & { petition?: string; source?: string; locale: LocaleController };

/** A signing as the flow sees it (SigningController implements it). */
export interface Signing extends Readonly<SigningState> {
  readonly host: SigningHost;
  /** The petition shown, as of the last render. */
  readonly view: PetitionView | undefined;
  readonly petitionId: string;
  /** The live count. */
  readonly count: number | undefined;
  /** Changes the state shown, and renders it. */
  set(state: Partial<SigningState>): void;
  setProblem(field: string, problem: Problem | undefined): void;
  /** Focuses the first field with a problem, once rendered. */
  focusFirstProblem(): Promise<void>;
  /** Saved in the queue, to be sent later. */
  queued(petition: string, serverBusy: boolean): void;
  /** Accepted by the server: takes its count (NaN when none) and drops the key (a new signing gets a new one). */
  accepted(count: number): void;
}
