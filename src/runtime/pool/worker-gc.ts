import { PerformanceObserver, constants, type PerformanceEntry } from 'node:perf_hooks';
import type { GcPauses } from '../executor.ts';

/**
 * In a worker: observes the thread's own GC pauses (each isolate reports its own) and returns a
 * function that takes what was seen since its previous call, or undefined when nothing was. The
 * worker sends that with each result, so the pool can count the pauses of every worker, including
 * those it retired. A paused worker delays the executions waiting in it.
 */
export function watchWorkerGc(): () => GcPauses | undefined {
  let minorCount = 0;
  let minorMs = 0;
  let majorCount = 0;
  let majorMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (gcPauseKind(e) === 'minor') {
        minorCount++;
        minorMs += e.duration;
      } else {
        majorCount++;
        majorMs += e.duration;
      }
    }
  });
  observer.observe({ type: 'gc' });
  return () => {
    if (minorCount === 0 && majorCount === 0) return undefined;
    const taken = { minor: { count: minorCount, seconds: minorMs / 1000 }, major: { count: majorCount, seconds: majorMs / 1000 } };
    minorCount = minorMs = majorCount = majorMs = 0;
    return taken;
  };
}

/** In the pool: the pauses reported by every worker so far (monotonic, as Prometheus counters must be). */
export class GcTotals {
  // Plain numbers: `add` runs on the main thread with every result, and allocates nothing there.
  #minorCount = 0;
  #minorSeconds = 0;
  #majorCount = 0;
  #majorSeconds = 0;

  add(p: GcPauses | undefined): void {
    if (p === undefined) return;
    this.#minorCount += p.minor.count;
    this.#minorSeconds += p.minor.seconds;
    this.#majorCount += p.major.count;
    this.#majorSeconds += p.major.seconds;
  }

  get totals(): GcPauses {
    return { minor: { count: this.#minorCount, seconds: this.#minorSeconds }, major: { count: this.#majorCount, seconds: this.#majorSeconds } };
  }
}

const GC_KINDS: Readonly<Record<number, GcPauseKind>> = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};

/** What a `gc` performance entry paused for, as a metric label. */
export type GcPauseKind = 'minor' | 'major' | 'incremental' | 'weakcb' | 'other';

/** The kind of a `gc` performance entry (Node puts it in `detail.kind`, one of `perf_hooks.constants`). */
export function gcPauseKind(e: PerformanceEntry): GcPauseKind {
  const kind = (e as PerformanceEntry & { detail?: { kind?: number } | null }).detail?.kind;
  return (kind !== undefined ? GC_KINDS[kind] : undefined) ?? 'other';
}
