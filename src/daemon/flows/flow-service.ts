import type { CommitSha } from '../../core/index.ts';
import { isOverloaded, type EventProblem, type FlowExecutor, type FlowResult } from '../../runtime/index.ts';
import type { Deployments, Lease } from '../deploy/deployments.ts';
import type { ExecutionLog } from '../executions/execution-log.ts';
import { queuedRecord, recordFromResult, withStatus, type ExecutionRecord, type RecordLimits } from '../executions/record.ts';
import type { DaemonMetrics } from '../metrics/daemon-metrics.ts';
import type { AsyncAttempt } from '../queue/async-runner.ts';
import type { JobState, Queue, QueueDepth } from '../queue/types.ts';
import type { TriggerDefinition } from '../../triggers/index.ts';
import type { TriggerCatalog } from './triggers.ts';
import { newExecutionId } from './execution-id.ts';
import { isUnparsedEvent, type UnparsedEvent } from './unparsed-event.ts';

/** What the HTTP layer needs to log an execution (fastify's pino logger fits). */
export interface ExecutionLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface FlowServiceOptions {
  readonly executor: FlowExecutor;
  readonly deployments: Deployments;
  readonly executions: ExecutionLog;
  readonly queue: Queue;
  readonly catalog: TriggerCatalog;
  readonly metrics: DaemonMetrics;
  readonly logger: ExecutionLogger;
  readonly limits: RecordLimits & {
    /** Sync executions in flight before new ones are refused (503). */
    readonly maxConcurrency: number;
    /** Pending async jobs before new events are refused (429). */
    readonly maxQueueDepth: number;
  };
  /** Told when an event was queued, so the runner claims it at once. */
  readonly notifyQueued: () => void;
  readonly now?: () => number;
}

/** The answer to one flow request, for the HTTP layer to map to a status code. */
export type FlowAnswer =
  | { readonly kind: 'ran'; readonly result: FlowResult; readonly commit: CommitSha }
  | { readonly kind: 'queued'; readonly executionId: string; readonly duplicate: boolean; readonly state: JobState | 'pending' }
  | { readonly kind: 'invalid'; readonly problems: readonly EventProblem[] }
  | { readonly kind: 'unknown-trigger'; readonly known: readonly string[] }
  | { readonly kind: 'not-sync'; readonly trigger: string }
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'overloaded'; readonly retryAfterSeconds: number }
  | { readonly kind: 'queue-full'; readonly retryAfterSeconds: number }
  | { readonly kind: 'failed'; readonly executionId: string };

/**
 * Runs flows for the HTTP API: sync triggers on the serving version (leased for the whole
 * execution), async triggers validated and durably queued; every execution becomes one record,
 * one metrics update and one structured log line. Admission is bounded: past the concurrency or
 * queue-depth limit a request is refused at once, never queued without bound.
 */
export class FlowService {
  readonly #o: FlowServiceOptions;
  readonly #now: () => number;
  #inflight = 0;
  #depth: { at: number; value: Promise<QueueDepth> } | undefined;

  constructor(options: FlowServiceOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
  }

  /** Sync executions running now. */
  get inflight(): number {
    return this.#inflight;
  }

  /**
   * `POST /v1/flows/{trigger}`: runs a sync flow, or queues an async trigger's event. `eventJson`,
   * the event's JSON text when the caller has it, saves serialising it again for a worker. The
   * event may be an {@link UnparsedEvent}: it is parsed here only when the executor cannot take the
   * text, or an async trigger needs the value; a parse error is thrown, for the HTTP layer's 400.
   */
  async run(trigger: string, event: unknown, idempotencyKey: string | undefined, eventJson?: string): Promise<FlowAnswer> {
    return this.#withLease(async (lease) => {
      const t = this.#o.catalog.resolve(trigger, lease.version.handle.manifest);
      if (!t) return { kind: 'unknown-trigger', known: this.#o.catalog.known() };
      const unparsed = isUnparsedEvent(event) ? event : undefined;
      if (t.mode === 'async') return this.#enqueue(trigger, t.def, unparsed ? unparsed.parse() : event, idempotencyKey);
      // The pool takes the text alone; the in-thread executor needs the value.
      const byText = unparsed !== undefined && this.#o.executor.parsesEventJson === true;
      const value = byText ? undefined : unparsed ? unparsed.parse() : event;
      const text = unparsed ? unparsed.text : eventJson;
      return this.#execute(lease, (executor, handle, executionId) => executor.run(handle, trigger, value, { executionId, ...(text !== undefined ? { eventJson: text } : {}) }), false, byText ? unparsed : undefined);
    });
  }

  /** `POST /v1/flows/{trigger}/continue`: resumes a redirected flow from its continuation state. */
  async continue(trigger: string, state: string, event: unknown): Promise<FlowAnswer> {
    return this.#withLease(async (lease) => {
      const t = this.#o.catalog.resolve(trigger, lease.version.handle.manifest);
      if (!t) return { kind: 'unknown-trigger', known: this.#o.catalog.known() };
      if (t.mode === 'async' || !t.def.handlers.continue) return { kind: 'not-sync', trigger };
      return this.#execute(lease, (executor, handle, executionId) => executor.continue(handle, trigger, state, event, { executionId }), true);
    });
  }

  /** Records, counts and logs one attempt of a queued job (the async runner calls this). */
  onAttempt(a: AsyncAttempt): void {
    const now = this.#now();
    const prev = this.#o.executions.get(a.job.id) ?? queuedRecord(a.job.id, a.job.trigger, '', a.job.enqueuedAt);
    const commit = a.version?.commit;
    if (a.phase === 'started') {
      this.#o.executions.put(withStatus(prev, 'running', now, { attempts: a.job.attempt, ...(commit ? { commit } : {}) }));
      return;
    }
    const status = a.fate === 'done' ? 'final' : a.fate === 'retry' ? 'retrying' : 'dead';
    let record: ExecutionRecord;
    if (a.result) {
      this.#o.metrics.flow(a.result, 'async');
      record = recordFromResult(a.result, { mode: 'async', commit, now, status, attempts: a.job.attempt, ...(a.nextAt !== undefined ? { nextAttemptAt: a.nextAt } : {}) }, this.#o.limits);
      record = { ...record, createdAt: prev.createdAt };
    } else {
      const e = a.thrown as Error | undefined;
      record = withStatus(prev, status, now, {
        attempts: a.job.attempt, outcome: 'error',
        error: { action: '', kind: 'crash', name: e?.name ?? 'Error', message: e?.message ?? String(a.thrown) },
        ...(a.nextAt !== undefined ? { nextAttemptAt: new Date(a.nextAt).toISOString() } : {}),
      });
    }
    if (a.fate === 'retry') this.#o.metrics.retries.inc({ trigger: a.job.trigger });
    if (a.fate === 'dead') this.#o.metrics.deadLetters.inc({ trigger: a.job.trigger });
    this.#log(this.#o.executions.put(record));
  }

  async #withLease(fn: (lease: Lease) => Promise<FlowAnswer>): Promise<FlowAnswer> {
    const lease = this.#o.deployments.acquire();
    if (!lease) return { kind: 'unavailable' };
    try {
      return await fn(lease);
    } finally {
      lease.release();
    }
  }

  /**
   * Runs a sync execution within the concurrency bound; `resuming` appends to the suspended record.
   * `unparsed`: the executor got the event as text; when it rejects it, the text is parsed here, so
   * a body that is not JSON is answered by the HTTP layer's parse error (thrown), as if parsed first.
   */
  async #execute(
    lease: Lease,
    call: (executor: FlowExecutor, handle: Lease['version']['handle'], executionId: string) => Promise<FlowResult>,
    resuming: boolean,
    unparsed?: UnparsedEvent,
  ): Promise<FlowAnswer> {
    if (this.#inflight >= this.#o.limits.maxConcurrency) return { kind: 'overloaded', retryAfterSeconds: 1 };
    const executionId = newExecutionId();
    this.#inflight++;
    let result: FlowResult;
    try {
      result = await call(this.#o.executor, lease.version.handle, executionId);
    } catch (e) {
      if (isOverloaded(e)) return { kind: 'overloaded', retryAfterSeconds: 1 };
      this.#o.logger.error({ err: e, executionId, commit: lease.version.commit }, 'the executor failed');
      return { kind: 'failed', executionId };
    } finally {
      this.#inflight--;
    }
    if (result.outcome === 'rejected') unparsed?.parse();
    this.#o.metrics.flow(result, 'sync');
    if (result.outcome === 'rejected') return { kind: 'invalid', problems: result.problems ?? [] };
    const previous = resuming ? this.#o.executions.get(result.executionId) : undefined;
    this.#log(this.#o.executions.put(recordFromResult(result, { mode: 'sync', commit: lease.version.commit, now: this.#now(), previous }, this.#o.limits)));
    return { kind: 'ran', result, commit: lease.version.commit };
  }

  async #enqueue(trigger: string, def: TriggerDefinition, event: unknown, key: string | undefined): Promise<FlowAnswer> {
    const problems = this.#o.catalog.problems(def, event);
    if (problems.length > 0) {
      this.#o.metrics.executions.inc({ trigger, mode: 'async', outcome: 'rejected' });
      return { kind: 'invalid', problems };
    }
    if ((await this.#queueDepth()).pending >= this.#o.limits.maxQueueDepth) return { kind: 'queue-full', retryAfterSeconds: 5 };
    const id = key ?? newExecutionId();
    const r = await this.#o.queue.enqueue({ id, trigger, event });
    if (!r.accepted) return { kind: 'queued', executionId: id, duplicate: true, state: r.state };
    this.#o.executions.put(queuedRecord(id, trigger, def.version, this.#now()));
    this.#o.notifyQueued();
    return { kind: 'queued', executionId: id, duplicate: false, state: 'pending' };
  }

  /** The queue depth, read at most every 250 ms: admission needs a bound, not an exact count. */
  #queueDepth(): Promise<QueueDepth> {
    const now = this.#now();
    if (!this.#depth || now - this.#depth.at > 250) this.#depth = { at: now, value: this.#o.queue.depth() };
    return this.#depth.value;
  }

  /** One structured line per execution: what ran where, how long, what it printed; never the event or secrets. */
  #log(r: ExecutionRecord): void {
    const line = {
      execution: {
        id: r.id, trigger: r.trigger, mode: r.mode, status: r.status, outcome: r.outcome, commit: r.commit, manifest: r.manifest,
        durationMs: r.durationMs, ...(r.attempts !== undefined ? { attempts: r.attempts } : {}), ...(r.nextAttemptAt ? { nextAttemptAt: r.nextAttemptAt } : {}),
        ...(r.error ? { error: r.error } : {}),
        actions: r.results.map((a) => ({
          name: a.action, bundle: a.bundle, status: a.status, durationMs: a.durationMs,
          ...(a.console ? { console: a.console } : {}), ...(a.error ? { error: { kind: a.error.kind, name: a.error.name, message: a.error.message } } : {}),
        })),
      },
    };
    const msg = `${r.trigger} ${r.outcome ?? r.status}`;
    if (r.status === 'dead' || r.outcome === 'error') this.#o.logger.warn(line, msg);
    else this.#o.logger.info(line, msg);
  }
}
