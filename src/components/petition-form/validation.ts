/**
 * Checking what the reader typed, before anything is sent: pure functions giving localized
 * problems (the field limits and the email rule are the server's own, from core/petition-api.ts).
 */
import type { SignatureField } from '../../core/feed-types.js';
import { emailAddress, FIELD_MAX_LENGTH } from '../../core/petition-api.js';
import type { MessageKey } from '../../i18n/index.js';

/** What is wrong with a field: a message key, or the server's own words. */
export type Problem = { key: MessageKey; params?: Record<string, string | number> } | { text: string };

/** A domain's ASCII (IDNA) form by the browser's URL parser; a URL's own delimiters are no part of a domain. */
const toAscii = (domain: string) => (/[/?#\\:@%]/.test(domain) ? '' : new URL(`http://${domain}`).hostname);

/** Whether the server will take this address (the one rule, core/petition-api.ts). */
export const validEmail = (value: string): boolean => emailAddress(value.toLowerCase(), toAscii) !== null;

const PHONE = /^\+?[\d\s().\-/]{4,}$/;

/** The problem with one field's value, or undefined when it is fine. */
export function fieldProblem(field: SignatureField, value: string, required: boolean): Problem | undefined {
  const v = value.trim();
  if (!v) return required ? { key: 'petition.error.required' } : undefined;
  if (field === 'email' && !validEmail(v)) return { key: 'petition.error.email' };
  if (field === 'phone' && !PHONE.test(v)) return { key: 'petition.error.phone' };
  const max = FIELD_MAX_LENGTH[field];
  return v.length > max ? { key: 'petition.error.too-long', params: { max } } : undefined;
}

export const CONSENT_PROBLEM: Problem = { key: 'petition.error.consent' };

/** Every problem of the form, by field (and `consent`), in the order the fields are shown. */
export function formProblems(
  shown: readonly SignatureField[],
  required: ReadonlySet<string>,
  values: Readonly<Record<string, string>>,
  consented: boolean,
): Record<string, Problem> {
  const problems: Record<string, Problem> = {};
  for (const f of shown) {
    const problem = fieldProblem(f, values[f] ?? '', required.has(f));
    if (problem) problems[f] = problem;
  }
  if (!consented) problems.consent = CONSENT_PROBLEM;
  return problems;
}
