// The console's audit log: who did what and when, in the database. Erasures record the petition
// and how many rows went, never the erased address (keeping it would undo the erasure).
import type { SqlRunner } from '../storage/sql.js';

export type AuditAction = 'sign_in' | 'sign_in_failed' | 'sign_out' | 'export' | 'erase' | 'feed_save';

export interface AuditEntry {
  at: string;
  actor: string | null;
  action: AuditAction;
  detail: string | null;
}

export const AUDIT_PAGE = 50;

export class AuditLog {
  constructor(private readonly sql: SqlRunner) {}

  async record(actor: string | null, action: AuditAction, detail: string | null = null, now = new Date()) {
    await this.sql.run('INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)', [
      now.toISOString(),
      actor,
      action,
      detail,
    ]);
  }

  /** Newest first, a page at a time. */
  async page(offset: number): Promise<AuditEntry[]> {
    const rows = await this.sql.all(
      'SELECT at, actor, action, detail FROM audit_log ORDER BY at DESC LIMIT ? OFFSET ?',
      [AUDIT_PAGE, offset],
    );
    return rows as unknown as AuditEntry[];
  }
}
