// What one delivery attempt came to, whichever the destination.
export type Outcome = { ok: true } | { ok: false; gone: boolean; error: string };

/** Reads an HTTP answer: 2xx delivered, 410 Gone stops the endpoint, anything else is retried. */
export async function outcomeOf(res: Response): Promise<Outcome> {
  // The body is not needed; reading it frees the connection for the next attempt.
  const text = await res.text().catch(() => '');
  if (res.status >= 200 && res.status < 300) return { ok: true };
  const detail = text.trim().slice(0, 200);
  return { ok: false, gone: res.status === 410, error: `HTTP ${res.status}${detail ? `: ${detail}` : ''}` };
}

/** A network error or the timeout, in words an organizer can act on. */
export function outcomeOfError(err: unknown, timeoutMs: number): Outcome {
  const e = err as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return { ok: false, gone: false, error: `no answer within ${timeoutMs / 1000} s` };
  }
  const cause = e.cause?.code ?? e.cause?.message;
  return { ok: false, gone: false, error: cause ? `${e.message} (${cause})` : e.message };
}
