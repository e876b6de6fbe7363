/**
 * The one rule for a signer's email address, applied by the server (server/validate.ts) and
 * checked first by `<petition-form>` (its lazy validation). Its own module, so the widget's entry,
 * which needs only the petition API's limits, does not carry it.
 */

/**
 * The address with its domain in IDNA ASCII form, or null when it is not one a person can receive
 * mail at. `toAscii` converts a domain (lower-cased; '' or a throw when it cannot): the server
 * passes node's `domainToASCII`, the browser its URL parser.
 */
export function emailAddress(value: string, toAscii: (domain: string) => string): string | null {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  // Format characters (zero-width, bidi overrides, soft hyphen…) would make look-alike addresses.
  if (at < 1 || /\p{Cf}/u.test(v)) return null;
  const local = v.slice(0, at);
  if (local.length > 64 || /[\s\p{Cc}@<>,;"]/u.test(local)) return null;
  let domain: string;
  try {
    domain = toAscii(v.slice(at + 1));
  } catch {
    return null;
  }
  const address = `${local}@${domain}`;
  // Host names only: letters, digits and inner hyphens, a top-level label of two letters at least (no IP literal).
  const hostName = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
  return hostName.test(domain) && address.length <= 254 ? address : null;
}
