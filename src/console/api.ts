// The console's calls to /api/admin/: JSON both ways, the CSRF token on every change, and the
// server's { error: { code, message } } turned into an ApiFailure the views can show.
export type { PetitionStats, Tally } from './api-types.js';

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

export class ConsoleApi {
  csrf = '';

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf;
    const res = await fetch(`/api/admin/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      const err = data.error ?? {};
      throw new ApiFailure(res.status, err.code ?? 'unknown', err.message ?? `HTTP ${res.status}`, data.problems);
    }
    return data as T;
  }

  get = <T>(path: string) => this.call<T>('GET', path);
}

export interface PetitionRow {
  id: string;
  /** A string or one per language; null for a petition no longer in the feed. */
  title: string | Record<string, string> | null;
  goal: number | null;
  count: number;
  last_signed_at: string | null;
  in_feed: boolean;
}

export interface Signer {
  email: string;
  given_name: string | null;
  family_name: string | null;
  signed_at: string;
  source: string | null;
  origin: string | null;
}
