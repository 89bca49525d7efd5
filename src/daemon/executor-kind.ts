/** The executors `actuate serve --executor` offers. */
export type ExecutorKind = 'pool' | 'in-thread';

/**
 * The one place that chooses the daemon's default executor: the worker pool, since only its
 * watchdog can stop a sandbox stuck inside an uninterruptible built-in, and it runs flows on every
 * core. `in-thread` runs them on the daemon's own thread (no threads to start; what embedded
 * uses and tests that need no isolation pick). Kept apart from the executors themselves, so the
 * CLI can read it without loading QuickJS.
 */
export const DEFAULT_EXECUTOR: ExecutorKind = 'pool';
