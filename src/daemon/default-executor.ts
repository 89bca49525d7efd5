import { createInThreadExecutor, createWorkerPoolExecutor, type FlowExecutor, type WorkerPoolOptions } from '../runtime/index.ts';

/** Makes the executor a daemon runs flows on; the daemon owns it and closes it when it stops. */
export type ExecutorFactory = () => FlowExecutor;

/** The executors `actuate serve --executor` offers. */
export type ExecutorKind = 'pool' | 'in-thread';

/**
 * The one place that chooses the daemon's default executor: the worker pool, since only its
 * watchdog can stop a sandbox stuck inside an uninterruptible built-in, and it runs flows on every
 * core. `in-thread` runs them on the daemon's own thread (no threads to start; what embedded
 * uses and tests that need no isolation pick).
 */
export const DEFAULT_EXECUTOR: ExecutorKind = 'pool';

/** The factory of an executor kind (pool options apply to `pool` only). */
export function executorFactory(kind: ExecutorKind = DEFAULT_EXECUTOR, pool: WorkerPoolOptions = {}): ExecutorFactory {
  return kind === 'pool' ? () => createWorkerPoolExecutor(pool) : () => createInThreadExecutor();
}

/** {@link DEFAULT_EXECUTOR} with default options. */
export const createDefaultExecutor: ExecutorFactory = executorFactory();
