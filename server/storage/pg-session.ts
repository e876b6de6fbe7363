// Which server holds an idempotency claim, in a form every other server can check: each
// PostgresStore keeps one connection open for its whole life, and names itself by that
// connection's backend (pid and start time). A killed server's connection ends with it (the
// kernel closes its socket), so its backend leaves pg_stat_activity and its claims are known dead.
import pg from 'pg';

/** SQL true when the claim's session (column claimed_by) is gone; unnamed claims count as alive. */
export const CLAIMER_GONE = `claimed_by IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a
  WHERE a.pid::text || '@' || extract(epoch FROM a.backend_start)::text = claimed_by)`;

const NAME_SQL = `SELECT pid::text || '@' || extract(epoch FROM backend_start)::text AS name
  FROM pg_stat_activity WHERE pid = pg_backend_pid()`;

export class ServerSession {
  private client: pg.Client | null = null;
  private name: Promise<string | null> | null = null;
  private closed = false;

  constructor(private readonly config: pg.ClientConfig) {}

  /** This server's name for its claims; null if it cannot be had now (claims then go stale by age). */
  current(): Promise<string | null> {
    if (this.closed) return Promise.resolve(null);
    this.name ??= this.open().catch(() => {
      this.name = null; // try again with the next claim
      return null;
    });
    return this.name;
  }

  private async open(): Promise<string | null> {
    const client = new pg.Client(this.config);
    // A lost connection means a new name: claims made under the old one may then be taken over.
    client.on('error', () => this.drop(client));
    client.on('end', () => this.drop(client));
    await client.connect();
    this.client = client;
    const { rows } = await client.query(NAME_SQL);
    return (rows[0]?.name as string | undefined) ?? null;
  }

  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.name = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
