/**
 * A form's problems: what is wrong with a field, and the check the entry can make on its own
 * (a value missing, consent not given). The full rules are lazy/validation.ts. Every kind of
 * action shares these messages (their keys are the petition's, which came first).
 */
import type { MessageKey } from '../../i18n/index.js';
import { dictionary } from '../dictionary.js';

/** What is wrong with a field: a message key, or the server's own words. */
export type Problem = { key: MessageKey; params?: Record<string, string | number> } | { text: string };

/** Checks one field's value (`required`: the action needs it). */
export type FieldCheck = (field: string, value: string, required: boolean) => Problem | undefined;

/** A value missing: all the entry checks before the full rules have come. */
export const missing: FieldCheck = (_f, value, required) =>
  required && !value.trim() ? { key: 'petition.error.required' } : undefined;

export const CONSENT_PROBLEM: Problem = { key: 'petition.error.consent' };

/** Every problem of the form, by field (and `consent`), in the order the fields are shown. */
export function formProblems(
  check: FieldCheck,
  shown: readonly string[],
  required: ReadonlySet<string>,
  values: Readonly<Record<string, string>>,
  consented: boolean,
): Record<string, Problem> {
  const problems: Record<string, Problem> = dictionary({});
  for (const f of shown) {
    const problem = check(f, values[f] ?? '', required.has(f));
    if (problem) problems[f] = problem;
  }
  if (!consented) problems.consent = CONSENT_PROBLEM;
  return problems;
}
