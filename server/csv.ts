// Organizer export, exactly as DESIGN.md fixes it: UTF-8 with BOM (so spreadsheet programs read
// it as UTF-8), CRLF line ends, a fixed header, and cells that a spreadsheet would run as a
// formula prefixed with an apostrophe (CSV injection).
import { SIGNATURE_FIELDS } from '../src/core/feed-types.js';
import type { Rsvp } from './storage/action-types.js';
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

export const csvHeader = () => csvHeaderOf(CSV_COLUMNS);

export const csvRow = (sig: Signature) => csvRowOf(CSV_COLUMNS, sig);

/** RSVPs (issue 21): when, the signer's columns, then where the RSVP stands. */
export const RSVP_CSV_COLUMNS = [
  'rsvped_at',
  ...SIGNATURE_FIELDS,
  'source',
  'origin',
  'consent_sha256',
  'status',
] as const satisfies readonly (keyof Rsvp)[];

/** Members (issue 21): when, their chapter's id and name, the signer's columns, then their status. */
export const MEMBER_CSV_COLUMNS = [
  'joined_at',
  'chapter',
  'chapter_name',
  ...SIGNATURE_FIELDS,
  'source',
  'origin',
  'consent_sha256',
  'status',
  'confirmed_at',
] as const;

/** The header line of a table with these columns (after the BOM). */
export const csvHeaderOf = (columns: readonly string[]) => CSV_BOM + columns.join(',') + '\r\n';

/** One row of a table with these columns. */
export const csvRowOf = <T extends object>(columns: readonly string[], row: T) =>
  csvLine(columns.map((c) => ((row as Record<string, unknown>)[c] as string | null | undefined) ?? null));
