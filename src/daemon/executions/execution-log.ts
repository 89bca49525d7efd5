import type { DaemonDatabase } from '../storage/database.ts';
import type { WriteBatcher } from '../storage/write-batcher.ts';
import type { ExecutionRecord, ExecutionStatus } from './record.ts';

export interface ExecutionLogOptions {
  /** How long records are kept (Auth0: 10 days). */
  readonly retentionMs: number;
  /** Most records kept, newest first; older ones are pruned even inside the retention period. */
  readonly maxRecords: number;
  /** Called when a record could not be written (the execution itself already happened). */
  readonly onWriteError: (error: unknown) => void;
  readonly now?: () => number;
}

export interface ListQuery {
  readonly limit: number;
  readonly trigger?: string | undefined;
  readonly status?: ExecutionStatus | undefined;
  /** Only records changed after this position (what a follower saw last). */
  readonly afterSeq?: number | undefined;
}

/**
 * How long the record of a sync execution may wait before its commit. At 1,000 requests a second a
 * commit per turn of the event loop was the largest single cost of a request on the daemon's main
 * thread; a crash loses at most this much of the log, never an accepted async event.
 */
const SYNC_RECORD_DEFER_MS = 25;

/** Records deleted per transaction when pruning: at 500, each batch held the main thread for 3.5-5.5 ms. */
const PRUNE_BATCH = 100;

/**
 * Execution records by id, kept in the daemon database and streamed to followers as they change.
 * Writes ride the group commit: a record is visible to `get` and followers at once, and on disk
 * within the turn of the event loop for an async execution (in the commit of its job's state) or
 * within {@link SYNC_RECORD_DEFER_MS} for a sync one. Records are observability, not state: losing
 * the last few in a crash loses log lines, never an accepted event (the queue holds those).
 */
export class ExecutionLog {
  readonly #batcher: WriteBatcher;
  readonly #o: ExecutionLogOptions;
  readonly #now: () => number;
  readonly #followers = new Set<(r: ExecutionRecord) => void>();
  /** Records put since the last write, oldest first: what `get` finds before the database has it. */
  #pending: RecordRowValues[] = [];
  readonly #upsert;
  readonly #get;
  readonly #list;
  readonly #cutoff;
  readonly #pruneBeyondCount;
  readonly #pruneExpired;
  #seq: number;

  constructor(db: DaemonDatabase, batcher: WriteBatcher, options: ExecutionLogOptions) {
    this.#batcher = batcher;
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#upsert = db.prepare(`INSERT INTO executions (id, seq, trigger, status, created_at, updated_at, record) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, status = excluded.status, updated_at = excluded.updated_at, record = excluded.record`);
    this.#get = db.prepare<[string], { record: string }>(`SELECT record FROM executions WHERE id = ?`);
    this.#list = listStatements(db);
    this.#cutoff = db.prepare<[number], { seq: number }>(`SELECT seq FROM executions ORDER BY seq DESC LIMIT 1 OFFSET ?`);
    // Two deletes, each walking its own index from the oldest end: one query with `seq < ? OR
    // updated_at < ?` scanned every row whenever nothing was due (115-180 ms of the main thread at
    // 100,000 records, once a minute).
    this.#pruneBeyondCount = db.prepare(`DELETE FROM executions WHERE id IN (SELECT id FROM executions WHERE seq < ? ORDER BY seq LIMIT ${PRUNE_BATCH})`);
    this.#pruneExpired = db.prepare(`DELETE FROM executions WHERE id IN (SELECT id FROM executions WHERE updated_at < ? ORDER BY updated_at LIMIT ${PRUNE_BATCH})`);
    this.#seq = (db.prepare<[], { s: number | null }>(`SELECT MAX(seq) AS s FROM executions`).get()?.s ?? 0);
  }

  /** The position of the newest change. */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Stores a record (replacing the one with its id), tells followers, and returns it with its position. */
  put(record: ExecutionRecord): ExecutionRecord {
    const stored = { ...record, seq: ++this.#seq };
    // Kept as its row until written: one string rather than the record's objects, which would
    // outlive a scavenge of the young generation now and then and be promoted. And no Map of the
    // unwritten ones by id: a Map whose entries come and go with every request has every entry
    // promoted (see the note on hash tables in src/runtime/pool/worker-pool-executor.ts).
    this.#pending.push(rowOf(stored));
    // One write per group commit for all the records of a turn: a promise and a savepoint per record
    // were a measurable share of a busy daemon's main thread.
    if (this.#pending.length === 1) {
      const batch = this.#pending;
      this.#batcher.write(() => this.#write(batch), { durable: false, deferMs: SYNC_RECORD_DEFER_MS }).catch((e: unknown) => {
        // The commit failed: those records are lost (the executions themselves happened).
        if (this.#pending === batch) this.#pending = [];
        this.#o.onWriteError(e);
      });
    }
    // An async execution's record commits with its job's state, in this turn's group commit: after
    // a crash the queue and the records agree. A sync execution's record may wait for company.
    if (stored.mode !== 'sync') this.#batcher.flushSoon();
    for (const follow of this.#followers) {
      try {
        follow(stored);
      } catch {
        // A follower that throws (a closed socket) is its own problem; the others still hear.
      }
    }
    return stored;
  }

  /** Inside the group transaction: writes the records put since the batch was opened, and closes it. */
  #write(batch: RecordRowValues[]): void {
    if (this.#pending === batch) this.#pending = [];
    for (const r of batch) this.#upsert.run(r.id, r.seq, r.trigger, r.status, r.createdAt, r.updatedAt, r.record);
  }

  get(id: string): ExecutionRecord | undefined {
    // Written records are in the database: a write and its commit happen in one synchronous step.
    for (let i = this.#pending.length - 1; i >= 0; i--) {
      const row = this.#pending[i]!;
      if (row.id === id) return JSON.parse(row.record) as ExecutionRecord;
    }
    const row = this.#get.get(id);
    return row ? (JSON.parse(row.record) as ExecutionRecord) : undefined;
  }

  /** Newest first. */
  list(q: ListQuery): ExecutionRecord[] {
    this.#batcher.flush();
    return this.#list(q).map((r) => JSON.parse(r.record) as ExecutionRecord);
  }

  /** Calls `fn` with every record stored from now on; returns the unsubscribe function. */
  follow(fn: (r: ExecutionRecord) => void): () => void {
    this.#followers.add(fn);
    return () => this.#followers.delete(fn);
  }

  /**
   * Drops records past the retention period or beyond the maximum count, a hundred per
   * transaction, so pruning tens of thousands never stalls the requests served meanwhile.
   */
  async maintain(): Promise<void> {
    this.#batcher.flush();
    const seq = this.#cutoff.get(Math.max(0, this.#o.maxRecords - 1))?.seq ?? 0;
    const age = this.#now() - this.#o.retentionMs;
    for (const [prune, bound] of [[this.#pruneBeyondCount, seq], [this.#pruneExpired, age]] as const) {
      while ((await this.#batcher.write(() => prune.run(bound).changes, { durable: false })) === PRUNE_BATCH) {
        // next batch in a later turn of the event loop
      }
    }
  }
}

type RecordRow = { record: string };

/** A record as the values of its row in `executions` (times in ms since the epoch). */
interface RecordRowValues {
  readonly id: string;
  readonly seq: number;
  readonly trigger: string;
  readonly status: ExecutionStatus;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly record: string;
}

function rowOf(r: ExecutionRecord & { seq: number }): RecordRowValues {
  return { id: r.id, seq: r.seq, trigger: r.trigger, status: r.status, createdAt: Date.parse(r.createdAt), updatedAt: Date.parse(r.updatedAt), record: JSON.stringify(r) };
}

/**
 * The newest-first listing, one statement per kind of filter, each able to use an index: a single
 * statement with `(? IS NULL OR trigger = ?)` could not, and read every record to find a rare
 * trigger or the few dead ones. Statuses other than `final` (nearly all records) are found through
 * the partial index `executions_unfinished`, whose condition the statement repeats so SQLite uses it.
 */
function listStatements(db: DaemonDatabase): (q: ListQuery) => RecordRow[] {
  const select = (where: string) => db.prepare<unknown[], RecordRow>(`SELECT record FROM executions WHERE ${where} seq > ? ORDER BY seq DESC LIMIT ?`);
  const all = select('');
  const byTrigger = select('trigger = ? AND');
  const final = select(`status = 'final' AND`);
  const finalByTrigger = select(`trigger = ? AND status = 'final' AND`);
  const unfinished = select(`status = ? AND status <> 'final' AND`);
  const unfinishedByTrigger = select(`status = ? AND status <> 'final' AND trigger = ? AND`);
  return ({ trigger, status, afterSeq = 0, limit }) => {
    if (status === undefined) return trigger === undefined ? all.all(afterSeq, limit) : byTrigger.all(trigger, afterSeq, limit);
    if (status === 'final') return trigger === undefined ? final.all(afterSeq, limit) : finalByTrigger.all(trigger, afterSeq, limit);
    return trigger === undefined ? unfinished.all(status, afterSeq, limit) : unfinishedByTrigger.all(status, trigger, afterSeq, limit);
  };
}
