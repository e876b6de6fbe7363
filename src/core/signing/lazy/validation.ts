/**
 * Checking what the reader typed, before anything is sent: pure functions giving localized
 * problems (the field limits and the email rule are the server's own, from core/petition-api.ts).
 * In the flow's chunk, which the first focus in the form fetches; until it has come (a reader
 * offline since the page loaded), signing.ts checks only what is missing, and the server checks
 * the rest when the queued signature is delivered.
 */
import { emailAddress } from '../../email-address.js';
import { CHAPTER_ID_MAX_LENGTH } from '../../action-api.js';
import { FIELD_MAX_LENGTH } from '../../petition-api.js';
import type { FieldCheck } from '../problems.js';

/** A domain's ASCII (IDNA) form by the browser's URL parser; a URL's own delimiters are no part of a domain. */
const toAscii = (domain: string) => (/[/?#\\:@%]/.test(domain) ? '' : new URL(`http://${domain}`).hostname);

/** Whether the server will take this address (the one rule, core/petition-api.ts). */
export const validEmail = (value: string): boolean => emailAddress(value.toLowerCase(), toAscii) !== null;

/** Longest value of each body key a form may show. */
const MAX_LENGTH: Record<string, number> = { ...FIELD_MAX_LENGTH, chapter: CHAPTER_ID_MAX_LENGTH };

const PHONE = /^\+?[\d\s().\-/]{4,}$/;

/** The problem with one field's value, or undefined when it is fine. */
export const fieldProblem: FieldCheck = (field, value, required) => {
  const v = value.trim();
  if (!v) return required ? { key: 'petition.error.required' } : undefined;
  if (field === 'email' && !validEmail(v)) return { key: 'petition.error.email' };
  if (field === 'phone' && !PHONE.test(v)) return { key: 'petition.error.phone' };
  const max = MAX_LENGTH[field] ?? Infinity;
  return v.length > max ? { key: 'petition.error.too-long', params: { max } } : undefined;
};
