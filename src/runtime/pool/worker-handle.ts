import { Worker } from 'node:worker_threads';
import { UsageError } from '../../core/errors.ts';
import type { FromWorker, LoadOutcome, ToWorker, WorkerInit } from './protocol.ts';
import { PROGRESS } from './protocol.ts';
import type { Progress } from './results.ts';

interface Waiter {
  readonly resolve: (m: FromWorker) => void;
  readonly reject: (e: Error) => void;
}

/** Why a worker stopped: asked to (`terminated`) or not (`crashed`, with what Node reported). */
export interface WorkerDeath {
  readonly expected: boolean;
  readonly detail: string;
}

/** Thrown to callers waiting on a worker that died before answering. */
export class WorkerDiedError extends Error {
  override readonly name = 'WorkerDiedError';
  /** True when the pool stopped the worker itself (watchdog, recycling), false for a crash. */
  readonly expected: boolean;

  constructor(death: WorkerDeath) {
    super(death.detail);
    this.expected = death.expected;
  }
}

/** How to start a worker. */
export interface SpawnOptions {
  readonly url: URL;
  readonly execArgv: readonly string[] | undefined;
  readonly heapMb: number;
  readonly init: Omit<WorkerInit, 'progress'>;
  /** Called once when the worker stops for any reason, after pending requests were rejected. */
  readonly onDeath: (handle: WorkerHandle, death: WorkerDeath) => void;
}

/** Why a worker is recycled (the keys of the pool's `recycledFor` counts). */
export type RecycleReason = 'memory' | 'poisoned' | 'polluted' | 'executions' | 'failed';

let nextWorkerId = 1;

/**
 * The main thread's side of one worker: start-up, request/response by id, the shared progress
 * buffer, and death. It knows nothing of scheduling; the executor decides what runs where.
 */
export class WorkerHandle {
  readonly id = nextWorkerId++;
  readonly ready: Promise<void>;
  /** Deployment keys loaded (or loading) in this worker, with the outcome of each load. */
  readonly loads = new Map<number, Promise<LoadOutcome>>();
  /** Executions completed by this worker. */
  executions = 0;
  /** Executions handed to it and not answered yet: the one running and those waiting in the worker. */
  inflight = 0;
  /** Set when it is due for recycling: it takes nothing more and is retired once `inflight` is 0. */
  retiring: RecycleReason | undefined;
  readonly #worker: Worker;
  readonly #progress: Int32Array;
  // Waiters by request id in a null-prototype object rather than a Map, whose entries would come and
  // go with every execution (see the note on hash tables in worker-pool-executor.ts).
  #pending: Record<number, Waiter> = Object.create(null) as Record<number, Waiter>;
  #pendingCount = 0;
  #dead: WorkerDeath | undefined;
  #terminating = false;

  constructor(options: SpawnOptions) {
    const progress = new SharedArrayBuffer(PROGRESS.length * 4);
    this.#progress = new Int32Array(progress);
    this.#worker = new Worker(options.url, {
      workerData: { ...options.init, progress } satisfies WorkerInit,
      ...(options.execArgv !== undefined ? { execArgv: [...options.execArgv] } : {}),
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    // Idle workers do not keep the process alive; a pending request does (see request()).
    this.#worker.unref();
    let markReady: () => void;
    let failStart: (e: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    this.ready.catch(() => {});
    let started = false;
    this.#worker.on('message', (m: FromWorker) => {
      if (m.t === 'ready') {
        started = true;
        markReady();
        return;
      }
      const waiter = this.#pending[m.id];
      if (waiter === undefined) return;
      delete this.#pending[m.id];
      if (--this.#pendingCount === 0) this.#worker.unref();
      waiter.resolve(m);
    });
    const die = (death: WorkerDeath) => {
      if (this.#dead !== undefined) return;
      this.#dead = death;
      if (!started) failStart(startError(options.url, death.detail));
      const waiters = Object.values(this.#pending);
      this.#pending = Object.create(null) as Record<number, Waiter>;
      this.#pendingCount = 0;
      for (const w of waiters) w.reject(new WorkerDiedError(death));
      options.onDeath(this, death);
    };
    this.#worker.on('error', (e: Error) => {
      die({ expected: false, detail: `${e.name}: ${e.message}${'code' in e ? ` (${String(e.code)})` : ''}` });
      void this.#worker.terminate();
    });
    this.#worker.on('messageerror', (e: Error) => die({ expected: false, detail: `a message could not be deserialised: ${e.message}` }));
    this.#worker.on('exit', (code) => die({ expected: this.#terminating, detail: this.#terminating ? 'terminated' : `the worker exited with code ${code}` }));
  }

  get dead(): boolean {
    return this.#dead !== undefined;
  }

  /** Whether it has an execution running or waiting. */
  get busy(): boolean {
    return this.inflight > 0;
  }

  /** Whether execution `id` is the one the worker started last (read from the shared buffer; valid after it stopped too). */
  isRunning(id: number): boolean {
    return Atomics.load(this.#progress, PROGRESS.execution) === id;
  }

  /** Sends a request and waits for the answer with the same id; rejects with WorkerDiedError if the worker dies first. */
  request(message: ToWorker & { id: number }): Promise<FromWorker> {
    if (this.#dead !== undefined) return Promise.reject(new WorkerDiedError(this.#dead));
    return new Promise<FromWorker>((resolve, reject) => {
      this.#pending[message.id] = { resolve, reject };
      this.#pendingCount++;
      this.#worker.ref();
      this.#worker.postMessage(message);
    });
  }

  /** Sends a message that has no answer. */
  post(message: ToWorker): void {
    if (this.#dead === undefined) this.#worker.postMessage(message);
  }

  /** Where the execution `id` was, read from the shared buffer (valid after the worker stopped too). */
  progress(id: number): Progress {
    if (Atomics.load(this.#progress, PROGRESS.execution) !== id) return { action: 0, first: 0 };
    return { action: Atomics.load(this.#progress, PROGRESS.action), first: Atomics.load(this.#progress, PROGRESS.first) };
  }

  /** Stops the thread now (≈2 ms even inside an uninterruptible built-in, runtime.md §2). */
  terminate(): Promise<void> {
    this.#terminating = true;
    return this.#worker.terminate().then(() => undefined);
  }
}

function startError(url: URL, detail: string): Error {
  if (url.pathname.endsWith('.ts') && /ERR_UNKNOWN_FILE_EXTENSION|Unknown file extension/.test(detail)) {
    return new UsageError(
      `the pool worker ${url.pathname} is TypeScript and this Node cannot load it: ${detail}`,
      'Run the built dist/ code, or pass workerUrl pointing at a JavaScript build of worker-entry.ts (test/helpers/pool.ts bundles one for tests).',
    );
  }
  return new Error(`a pool worker failed to start: ${detail}`);
}
