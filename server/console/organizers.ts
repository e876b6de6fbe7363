// Organizer accounts in the signatures' database: what the CLI manages and the sign-in checks.
import type { SqlRunner } from '../storage/sql.js';
import { normalizeEmail } from '../validate.js';
import { DECOY_HASH, hashPassword, passwordProblem, verifyPassword } from './passwords.js';

export class OrganizerError extends Error {}

export interface Organizer {
  email: string;
  created_at: string;
  password_changed_at: string;
}

/** The normalized address, or an OrganizerError saying why it is not one. */
export function organizerEmail(input: string): string {
  const email = normalizeEmail(input);
  if (!email) throw new OrganizerError(`"${input}" is not an email address like organizer@party.example.`);
  return email;
}

export class Organizers {
  constructor(private readonly sql: SqlRunner) {}

  async list(): Promise<Organizer[]> {
    const rows = await this.sql.all('SELECT email, created_at, password_changed_at FROM organizers ORDER BY email');
    return rows as unknown as Organizer[];
  }

  async exists(email: string): Promise<boolean> {
    return (await this.sql.all('SELECT 1 AS one FROM organizers WHERE email = ?', [email])).length > 0;
  }

  async add(input: string, password: string, now = new Date()): Promise<string> {
    const email = organizerEmail(input);
    const problem = passwordProblem(password);
    if (problem) throw new OrganizerError(problem);
    if (await this.exists(email)) {
      throw new OrganizerError(
        `${email} is already an organizer (to change the password: organizer password ${email}).`,
      );
    }
    const at = now.toISOString();
    await this.sql.run(
      'INSERT INTO organizers (email, password_hash, created_at, password_changed_at) VALUES (?, ?, ?, ?)',
      [email, await hashPassword(password), at, at],
    );
    return email;
  }

  /** Sets a new password and ends the organizer's sessions. */
  async setPassword(input: string, password: string, now = new Date()): Promise<string> {
    const email = organizerEmail(input);
    const problem = passwordProblem(password);
    if (problem) throw new OrganizerError(problem);
    const hash = await hashPassword(password);
    const changed = await this.sql.run(
      'UPDATE organizers SET password_hash = ?, password_changed_at = ? WHERE email = ?',
      [hash, now.toISOString(), email],
    );
    if (!changed) throw new OrganizerError(`${email} is not an organizer (organizer list shows who is).`);
    await this.sql.run('DELETE FROM organizer_sessions WHERE email = ?', [email]);
    return email;
  }

  /** Removes the account and ends its sessions. */
  async remove(input: string): Promise<string> {
    const email = organizerEmail(input);
    if (!(await this.sql.run('DELETE FROM organizers WHERE email = ?', [email]))) {
      throw new OrganizerError(`${email} is not an organizer (organizer list shows who is).`);
    }
    await this.sql.run('DELETE FROM organizer_sessions WHERE email = ?', [email]);
    return email;
  }

  /** The organizer's normalized email if the password is theirs; null otherwise, in the same time either way. */
  async verify(input: string, password: string): Promise<string | null> {
    const email = normalizeEmail(input);
    const rows = email ? await this.sql.all('SELECT password_hash FROM organizers WHERE email = ?', [email]) : [];
    const hash = rows.length ? String(rows[0].password_hash) : DECOY_HASH;
    const ok = await verifyPassword(password, hash);
    return ok && rows.length ? email : null;
  }
}
