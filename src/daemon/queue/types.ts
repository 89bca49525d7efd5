/**
 * The async-trigger queue, kept behind this small interface so a networked broker (several daemons
 * sharing one queue) can replace the embedded SQLite one without touching the HTTP layer or the
 * runner. Semantics every implementation keeps:
 * - at least once: a job is only gone after {@link Queue.complete} or {@link Queue.deadLetter};
 *   a claimed job whose lease runs out (its daemon died) becomes claimable again;
 * - the job id (the execution id) is the idempotency key: enqueueing an id twice stores it once;
 * - {@link Queue.enqueue} resolves only once the job is durable (on disk, or acknowledged by the broker).
 */
export interface Queue {
  /** Stores a job durably. A known id is not stored again: the answer says what became of the first. */
  enqueue(job: NewJob): Promise<EnqueueResult>;
  /** Leases up to `limit` jobs that are due (pending with `nextAt <= now`, or running with an expired lease). Each claim counts as an attempt. */
  claim(limit: number, leaseMs: number): Promise<ClaimedJob[]>;
  /** The job ran to an end that needs no retry; its payload is dropped, its id kept (idempotency). */
  complete(id: string): Promise<void>;
  /** The attempt failed: run again at `nextAt` (epoch ms). */
  retry(id: string, nextAt: number, error: string): Promise<void>;
  /** The last attempt failed, or retrying cannot help: keep the job (with its payload) for inspection and replay. */
  deadLetter(id: string, error: string): Promise<void>;
  /** Puts a dead-lettered job back as pending with a fresh attempt budget; false when the id is not dead. */
  requeue(id: string): Promise<boolean>;
  /** When the next pending job becomes due (epoch ms), or undefined when none is pending. */
  nextDueAt(): Promise<number | undefined>;
  depth(): Promise<QueueDepth>;
  /** Returns jobs this process had claimed to pending at once (used at startup, when the previous process died holding them). */
  recover(): Promise<number>;
  /** Housekeeping the owner runs now and then: forgets idempotency keys of jobs completed long ago. */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

export interface NewJob {
  readonly id: string;
  readonly trigger: string;
  readonly event: unknown;
}

export type JobState = 'pending' | 'running' | 'done' | 'dead';

export type EnqueueResult = { readonly accepted: true } | { readonly accepted: false; readonly state: JobState };

export interface ClaimedJob {
  readonly id: string;
  readonly trigger: string;
  readonly event: unknown;
  /** 1 on the first claim. */
  readonly attempt: number;
  readonly enqueuedAt: number;
}

export interface QueueDepth {
  readonly pending: number;
  readonly running: number;
  readonly dead: number;
}
