import type { DaemonDatabase } from '../storage/database.ts';
import type { WriteBatcher } from '../storage/write-batcher.ts';
import type { ClaimedJob, EnqueueResult, JobState, NewJob, Queue, QueueDepth } from './types.ts';

const DONE_RETENTION_MS = 10 * 24 * 3600_000;

/**
 * The embedded queue: a `jobs` table in the daemon's SQLite database (WAL, synchronous=FULL),
 * written through the group-commit batcher so an enqueue resolves once its transaction is on disk.
 * One daemon owns the database (it is opened with an exclusive lock), so jobs still marked running
 * at startup were the dead process's and {@link Queue.recover} makes them pending again.
 */
export function createSqliteQueue(db: DaemonDatabase, batcher: WriteBatcher, now: () => number = Date.now): Queue {
  const insert = db.prepare(`INSERT INTO jobs (id, trigger, payload, state, attempts, next_at, enqueued_at, updated_at) VALUES (?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
  const stateOf = db.prepare<[string], { state: JobState }>(`SELECT state FROM jobs WHERE id = ?`);
  const claim = db.prepare<[number, number, number, number, number], { id: string; trigger: string; payload: string; attempts: number; enqueued_at: number }>(`
    UPDATE jobs SET state = 'running', attempts = attempts + 1, lease_until = ?, updated_at = ?
    WHERE id IN (
      SELECT id FROM jobs
      WHERE (state = 'pending' AND next_at <= ?) OR (state = 'running' AND lease_until < ?)
      ORDER BY next_at LIMIT ?
    )
    RETURNING id, trigger, payload, attempts, enqueued_at`);
  const claimable = db.prepare<[number, number], { one: number }>(`
    SELECT 1 AS one FROM jobs WHERE (state = 'pending' AND next_at <= ?) OR (state = 'running' AND lease_until < ?) LIMIT 1`);
  const complete = db.prepare(`UPDATE jobs SET state = 'done', payload = NULL, lease_until = NULL, last_error = NULL, updated_at = ? WHERE id = ?`);
  const retry = db.prepare(`UPDATE jobs SET state = 'pending', next_at = ?, lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ? AND state = 'running'`);
  const dead = db.prepare(`UPDATE jobs SET state = 'dead', lease_until = NULL, last_error = ?, updated_at = ? WHERE id = ?`);
  const requeue = db.prepare(`UPDATE jobs SET state = 'pending', attempts = 0, next_at = ?, last_error = NULL, updated_at = ? WHERE id = ? AND state = 'dead'`);
  const nextDue = db.prepare<[], { next: number | null }>(`SELECT MIN(next_at) AS next FROM jobs WHERE state = 'pending'`);
  const depth = db.prepare<[], { state: JobState; n: number }>(`SELECT state, COUNT(*) AS n FROM jobs WHERE state IN ('pending', 'running', 'dead') GROUP BY state`);
  const recover = db.prepare(`UPDATE jobs SET state = 'pending', lease_until = NULL, updated_at = ? WHERE state = 'running'`);
  // Through the index jobs_updated: a pass reads the jobs it deletes, not every job kept as an idempotency key.
  const prune = db.prepare(`DELETE FROM jobs WHERE id IN (SELECT id FROM jobs WHERE state = 'done' AND updated_at < ? ORDER BY updated_at LIMIT 500)`);

  return {
    enqueue(job: NewJob): Promise<EnqueueResult> {
      const payload = JSON.stringify(job.event);
      return batcher.write(() => {
        const t = now();
        if (insert.run(job.id, job.trigger, payload, t, t, t).changes === 1) return { accepted: true } as const;
        return { accepted: false, state: stateOf.get(job.id)?.state ?? 'done' } as const;
      });
    },
    claim(limit, leaseMs) {
      // The runner polls every second. A poll that finds nothing writes nothing: an empty durable
      // write would still make the group commit it joins (say, sync flows' records) an fsync on
      // the main thread.
      const t0 = now();
      if (claimable.get(t0, t0) === undefined) return Promise.resolve([]);
      return batcher.write(() => {
        const t = now();
        return claim.all(t + leaseMs, t, t, t, limit).map((r): ClaimedJob => ({
          id: r.id, trigger: r.trigger, event: JSON.parse(r.payload) as unknown, attempt: r.attempts, enqueuedAt: r.enqueued_at,
        })).sort((a, b) => a.enqueuedAt - b.enqueuedAt);
      });
    },
    complete: (id) => batcher.write(() => void complete.run(now(), id)),
    retry: (id, nextAt, error) => batcher.write(() => void retry.run(nextAt, error, now(), id)),
    deadLetter: (id, error) => batcher.write(() => void dead.run(error, now(), id)),
    requeue: (id) => batcher.write(() => requeue.run(now(), now(), id).changes === 1),
    async nextDueAt() {
      return nextDue.get()?.next ?? undefined;
    },
    async depth(): Promise<QueueDepth> {
      const counts = { pending: 0, running: 0, dead: 0 };
      for (const r of depth.all()) if (r.state in counts) counts[r.state as keyof QueueDepth] = r.n;
      return counts;
    },
    recover: () => batcher.write(() => recover.run(now()).changes),
    // Completed jobs are kept as idempotency keys for ten days (Auth0 keeps execution logs as long), then forgotten.
    // A few hundred per transaction, so a large backlog never stalls the requests served meanwhile.
    async maintain() {
      const before = now() - DONE_RETENTION_MS;
      while ((await batcher.write(() => prune.run(before).changes, { durable: false })) === 500) {
        // next batch in a later turn of the event loop
      }
    },
    async close() {},
  };
}
