// Organizer export, exactly as DESIGN.md fixes it: UTF-8 with BOM (so spreadsheet programs read
// it as UTF-8), CRLF line ends, a fixed header, and cells that a spreadsheet would run as a
// formula prefixed with an apostrophe (CSV injection).
import { SIGNATURE_FIELDS } from '../src/core/feed-types.js';
import type { Signature } from './storage/types.js';

export const CSV_COLUMNS = [
  'signed_at',
  ...SIGNATURE_FIELDS,
  'source',
  'origin',
  'consent_sha256',
  'confirmed_at', // added by issue 19: after the columns that were there before
] as const satisfies readonly (keyof Signature)[];

export const CSV_BOM = '\uFEFF';

export function csvCell(value: string | null): string {
  let s = value ?? '';
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: (string | null)[]) => cells.map(csvCell).join(',') + '\r\n';

export const csvHeader = () => CSV_BOM + CSV_COLUMNS.join(',') + '\r\n';

export const csvRow = (sig: Signature) => csvLine(CSV_COLUMNS.map((c) => sig[c] ?? null));
