/**
 * The production executor: flows run in a pool of worker threads, each with its own QuickJS module
 * and capped memory, behind a main-thread watchdog. See README.md in this folder.
 */
export { createWorkerPoolExecutor } from './worker-pool-executor.ts';
export type { PoolMetrics, RecycleReasons, WorkerPoolExecutor } from './worker-pool-api.ts';
export { resolvePoolOptions, defaultWorkerUrl, defaultWorkerCount } from './options.ts';
export type { WorkerPoolOptions, ResolvedPoolOptions } from './options.ts';
export { ExecutorOverloadedError, isOverloaded } from './errors.ts';
export { gcPauseKind } from './worker-gc.ts';
export type { WorkerStats } from './protocol.ts';
