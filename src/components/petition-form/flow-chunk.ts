/**
 * The form's lazy code (lazy/flow.ts: sending, answers, thanks, delivering the queue), fetched
 * on the first focus in the form or when a queued signature is to be sent.
 */
import { lazy } from '../../core/lazy.js';

export const flow = lazy(() => import('./lazy/flow.js'));
