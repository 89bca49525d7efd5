import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How lowering a thread's priority went: `lowered` to the nice value, or `unchanged` and why. */
export type PriorityOutcome = { readonly lowered: number } | { readonly unchanged: string };

/** The highest (least favoured) nice value on Linux. */
const MAX_NICE = 19;

/**
 * Lowers the calling thread's scheduling priority by `by` nice steps (capped at 19), leaving the
 * rest of the process as it is. A pool worker calls it at start so that, when the cores are all
 * busy, the daemon's main thread (the one that accepts, dispatches and answers every request) runs
 * first: a dispatcher left waiting for a core leaves the workers without work a moment later, as V8
 * knows when it runs its own background threads below the main one.
 *
 * Linux only, where nice values are per thread (`setpriority` on a thread id, found through
 * `/proc/thread-self`); elsewhere, or when `by` is 0, nothing changes. Never touches the main
 * thread: a process-wide change would slow the dispatcher with the workers.
 */
export function lowerThreadPriority(by: number): PriorityOutcome {
  if (by <= 0) return { unchanged: 'not asked to' };
  let tid: number;
  try {
    tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
  } catch {
    return { unchanged: 'per-thread priorities need Linux (/proc/thread-self)' };
  }
  if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return { unchanged: 'this is not a thread of its own' };
  try {
    const nice = Math.min(MAX_NICE, getPriority(tid) + by);
    setPriority(tid, nice);
    return { lowered: nice };
  } catch (e) {
    return { unchanged: e instanceof Error ? e.message : String(e) };
  }
}
