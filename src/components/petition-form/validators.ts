/**
 * Field validators in the Lion style: small objects that say whether a value is
 * invalid and which localized message explains it. Pure, so they run anywhere.
 */
import type { MessageKey } from '../../i18n/index.js';

export interface Validator {
  /** The message shown when `invalid` is true. */
  key: MessageKey;
  params?: Record<string, string | number>;
  invalid(value: string): boolean;
}

export const required: Validator = { key: 'petition.error.required', invalid: (v) => !v.trim() };

/** The WHATWG rule for `<input type=email>` (HTML § 4.10.5.1.5), on the domain's ASCII form. */
const WHATWG_EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/** The address with its domain in IDNA ASCII form (`bücher.de` → `xn--bcher-kva.de`), or '' when it has none. */
export function asciiEmail(value: string): string {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at < 1) return v;
  try {
    return `${v.slice(0, at)}@${new URL(`http://${v.slice(at + 1)}`).hostname}`;
  } catch {
    return v;
  }
}

/** An address the WHATWG rule accepts, with a dot in its domain (the server needs one: `a@localhost` reaches no one). */
export const email: Validator = {
  key: 'petition.error.email',
  invalid: (v) => {
    if (!v.trim()) return false;
    const a = asciiEmail(v);
    return !WHATWG_EMAIL.test(a) || !a.slice(a.lastIndexOf('@')).includes('.');
  },
};

export const maxLength = (max: number): Validator => ({
  key: 'petition.error.too-long',
  params: { max },
  invalid: (v) => v.trim().length > max,
});

export const phone: Validator = {
  key: 'petition.error.phone',
  invalid: (v) => !!v.trim() && !/^\+?[\d\s().\-/]{4,}$/.test(v.trim()),
};

/** The first validator that fails, or undefined when the value is fine. */
export function firstProblem(value: string, validators: Validator[]): Validator | undefined {
  return validators.find((v) => v.invalid(value));
}
