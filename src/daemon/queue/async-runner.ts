import type { FlowExecutor, FlowResult } from '../../runtime/index.ts';
import type { Deployments, ServedVersion } from '../deploy/deployments.ts';
import type { ClaimedJob, Queue } from './types.ts';

export interface RetryPolicy {
  /** Attempts in all, the first included; the job is dead-lettered after the last. */
  readonly maxAttempts: number;
  /** Delay before the second attempt; doubles with each further one. */
  readonly baseMs: number;
  readonly maxMs: number;
}

export interface AsyncRunnerOptions {
  readonly queue: Queue;
  readonly deployments: Deployments;
  readonly executor: FlowExecutor;
  /** Jobs executing at once. */
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  /** How long a claimed job is held before another consumer may take it (longer than any flow budget). */
  readonly leaseMs: number;
  /** Called once per attempt with what became of it (records, metrics, the log line). */
  readonly onAttempt: (attempt: AsyncAttempt) => void;
  /** Queue failures (the database): reported, and the runner tries again later. */
  readonly onError: (error: unknown) => void;
  readonly now?: () => number;
  readonly random?: () => number;
}

/** One attempt at an async job and its fate. */
export interface AsyncAttempt {
  readonly job: ClaimedJob;
  readonly phase: 'started' | 'ended';
  /** Set when ended: the flow result, or the exception the executor threw. */
  readonly result?: FlowResult;
  readonly thrown?: unknown;
  readonly version?: ServedVersion;
  /** Set when ended: done (no retry needed), retry (at `nextAt`), or dead (dead-lettered). */
  readonly fate?: 'done' | 'retry' | 'dead';
  readonly nextAt?: number;
}

/**
 * Executes queued async-trigger events on the serving version: claims due jobs up to the
 * concurrency, runs each flow, and completes, retries (exponential backoff with jitter) or
 * dead-letters it. An `error` outcome or a thrown executor error is retried; `rejected` (the event
 * no longer matches the trigger schema) is dead-lettered at once, since retrying cannot help.
 */
export class AsyncRunner {
  readonly #o: AsyncRunnerOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  /** Jobs executing now: a count, not a Set of their promises (see the pool's note on churning hash tables). */
  #running = 0;
  #idle: (() => void) | undefined;
  #pumping = false;
  #again = false;
  #stopped = true;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: AsyncRunnerOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
  }

  /** Jobs executing now. */
  get running(): number {
    return this.#running;
  }

  start(): void {
    this.#stopped = false;
    this.notify();
  }

  /** New work may be due (an enqueue): claim now rather than at the next timer. */
  notify(): void {
    if (this.#stopped) return;
    if (this.#pumping) {
      this.#again = true;
      return;
    }
    void this.#pump();
  }

  /** Stops claiming and waits (up to `timeoutMs`) for running jobs; jobs not finished stay claimed and run again after a restart. */
  async stop(timeoutMs: number): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    if (this.#running === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([new Promise<void>((r) => (this.#idle = r)), new Promise((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
    this.#idle = undefined;
  }

  /** The delay before attempt `attempt + 1`: base·2^(attempt−1), capped, with "equal jitter" (half fixed, half random). */
  backoff(attempt: number): number {
    const d = Math.min(this.#o.retry.maxMs, this.#o.retry.baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(d / 2 + this.#random() * (d / 2));
  }

  async #pump(): Promise<void> {
    this.#pumping = true;
    try {
      do {
        this.#again = false;
        while (!this.#stopped && this.#running < this.#o.concurrency) {
          const jobs = await this.#o.queue.claim(this.#o.concurrency - this.#running, this.#o.leaseMs);
          if (jobs.length === 0) break;
          // Stopped while claiming: leave them claimed; the next start (or the lease) gives them back.
          if (this.#stopped) break;
          for (const job of jobs) {
            this.#running++;
            void this.#execute(job)
              .catch((e: unknown) => this.#o.onError(e))
              .finally(() => {
                if (--this.#running === 0) this.#idle?.();
                this.notify();
              });
          }
        }
      } while (this.#again && !this.#stopped);
      await this.#arm();
    } catch (e) {
      this.#o.onError(e);
      this.#armIn(1000);
    } finally {
      this.#pumping = false;
    }
  }

  /** Wakes up when the next pending job is due (retries wait for their backoff), polling at least every second. */
  async #arm(): Promise<void> {
    if (this.#stopped || this.#running >= this.#o.concurrency) return;
    const due = await this.#o.queue.nextDueAt();
    this.#armIn(due === undefined ? 1000 : Math.min(1000, Math.max(5, due - this.#now())));
  }

  #armIn(ms: number): void {
    if (this.#stopped) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.notify(), ms);
    this.#timer.unref();
  }

  async #execute(job: ClaimedJob): Promise<void> {
    const lease = this.#o.deployments.acquire();
    if (!lease) {
      await this.#settle(job, 'retry', this.#now() + 1000, 'no version is deployed');
      return;
    }
    this.#o.onAttempt({ job, phase: 'started', version: lease.version });
    let result: FlowResult | undefined;
    let thrown: unknown;
    try {
      result = await this.#o.executor.run(lease.version.handle, job.trigger, job.event, { executionId: job.id });
    } catch (e) {
      thrown = e;
    } finally {
      lease.release();
    }
    let fate: 'done' | 'retry' | 'dead';
    let nextAt: number | undefined;
    if (result && result.outcome !== 'error') fate = result.outcome === 'rejected' ? 'dead' : 'done';
    else if (job.attempt >= this.#o.retry.maxAttempts) fate = 'dead';
    else {
      fate = 'retry';
      nextAt = this.#now() + this.backoff(job.attempt);
    }
    const reason = thrown ? `executor failed: ${(thrown as Error)?.message ?? String(thrown)}` : result?.error ? `${result.error.action}: ${result.error.name}: ${result.error.message}` : result?.problems ? 'the event does not match the trigger schema' : '';
    this.#o.onAttempt({ job, phase: 'ended', version: lease.version, ...(result ? { result } : {}), ...(thrown ? { thrown } : {}), fate, ...(nextAt !== undefined ? { nextAt } : {}) });
    await this.#settle(job, fate, nextAt ?? 0, reason);
  }

  async #settle(job: ClaimedJob, fate: 'done' | 'retry' | 'dead', nextAt: number, reason: string): Promise<void> {
    try {
      if (fate === 'done') await this.#o.queue.complete(job.id);
      else if (fate === 'retry') await this.#o.queue.retry(job.id, nextAt, reason);
      else await this.#o.queue.deadLetter(job.id, reason);
    } catch (e) {
      // The job stays claimed; its lease runs out (or the next start recovers it) and it runs again.
      this.#o.onError(e);
    }
  }
}
