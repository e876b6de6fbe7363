// A petition's count on Postgres: the sum of several rows (migration 8), so that concurrent
// signatures of every server rarely lock the same one. Written by signing, erasure and confirmation.
import type pg from 'pg';

/** Rows each petition's count is spread over: enough that concurrent commits rarely meet on one. */
export const COUNT_SHARDS = 16;

export const randomShard = (): number => Math.floor(Math.random() * COUNT_SHARDS);

/** Adds `added` to one of the petition's rows; `request` also counts one more sign request. */
export async function addToCount(c: pg.PoolClient, petition: string, shard: number, added: number, request: boolean) {
  await c.query(
    `INSERT INTO petition_count_shards (petition, shard, count, sign_requests) VALUES ($1, $2, $3, $4)
     ON CONFLICT (petition, shard) DO UPDATE SET count = petition_count_shards.count + excluded.count,
       sign_requests = petition_count_shards.sign_requests + excluded.sign_requests`,
    [petition, shard, added, request ? 1 : 0],
  );
}

/** The petition's count: the sum of its rows. */
export async function countIn(db: pg.Pool | pg.PoolClient, petition: string): Promise<number> {
  const r = await db.query('SELECT sum(count) AS count FROM petition_count_shards WHERE petition = $1', [petition]);
  return Number(r.rows[0]?.count ?? 0);
}
