/**
 * "Did you mean …@gmail.com?": a suggestion for a mistyped common email domain
 * (one or two edits away, or a wrong top-level domain). Loaded lazily, on the first
 * edit of the email field.
 */
const DOMAINS = [
  'gmail.com',
  'googlemail.com',
  'yahoo.com',
  'yahoo.fr',
  'yahoo.es',
  'hotmail.com',
  'hotmail.fr',
  'hotmail.es',
  'outlook.com',
  'outlook.fr',
  'outlook.es',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'orange.fr',
  'free.fr',
  'laposte.net',
  'sfr.fr',
  'wanadoo.fr',
  'comcast.net',
  'verizon.net',
  'att.net',
  'yandex.com',
  'mail.com',
  'zoho.com',
];
const TLDS = ['com', 'net', 'org', 'fr', 'es', 'de', 'edu', 'gov', 'co.uk', 'ca', 'mx', 'me'];

/** Levenshtein distance with adjacent transpositions, stopping early past `max`. */
export function distance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
    }
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** A corrected address, or null when the domain looks right (or unknown, or too far from any common one). */
export function suggestEmail(value: string): string | null {
  const v = value.trim();
  const at = v.lastIndexOf('@');
  if (at < 1) return null;
  const local = v.slice(0, at);
  const domain = v.slice(at + 1).toLowerCase();
  if (!domain || DOMAINS.includes(domain)) return null;
  let best: string | null = null;
  let bestD = domain.length > 5 ? 2 : 1;
  for (const d of DOMAINS) {
    const dist = distance(domain, d, bestD);
    if (dist > 0 && (dist < bestD || (dist === bestD && !best))) {
      best = d;
      bestD = dist;
    }
  }
  if (!best) {
    // A known name with a mistyped ending: "gmail.con" → "gmail.com".
    const dot = domain.indexOf('.');
    const name = dot > 0 ? domain.slice(0, dot) : domain;
    const tld = dot > 0 ? domain.slice(dot + 1) : '';
    const known = DOMAINS.find((d) => d.startsWith(`${name}.`));
    if (known && !TLDS.includes(tld)) best = known;
  }
  return best ? `${local}@${best}` : null;
}
