/** Chapters' email addresses as links (the map's details, the join form's thanks). */
import { trim } from './url.js';
import { warn } from './warn.js';

/** A mailto: link for a plain email address, or null when it is not one. */
export function mailtoUrl(email: string | undefined | null): string | null {
  if (!email) return null;
  const address = trim(email.replace(/^mailto:/i, ''));
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(address)) {
    warn(`ignored email "${email}": it is not an email address.`);
    return null;
  }
  return `mailto:${address}`;
}
