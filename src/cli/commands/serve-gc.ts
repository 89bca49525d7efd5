import { availableParallelism } from 'node:os';
import { parseArgs } from 'citty';
import { ExitCode, UsageError } from '../../core/errors.ts';
import { defaultWorkerCount } from '../../runtime/pool/options.ts';
import { runInForegroundChild } from '../foreground-child.ts';
import { serveArgs } from './serve-args.ts';

/** The values of `actuate serve --gc`. */
export const GC_MODES = ['auto', 'single-threaded', 'parallel'] as const;

/** The V8 flag that keeps garbage collection on the JS threads. */
export const SINGLE_THREADED_GC = '--single-threaded-gc';

/** Whether this process's V8 already collects on its JS threads (`--single-threaded` implies it; V8 reads `-` and `_` alike). */
export function collectsOnJsThreads(execArgv: readonly string[]): boolean {
  return execArgv.some((a) => /^--single[-_]threaded(?:[-_]gc)?$/.test(a));
}

/**
 * Whether `actuate serve` must run in a child `node --single-threaded-gc`. By default V8 collects
 * garbage with parallel and concurrent helper threads. When the daemon's JS threads (the main one,
 * and by default a pool worker per core) take every core, those helpers can only run by
 * preempting a JS thread, and the requests waiting on it wait with it: on the 2-vCPU development
 * VM a worker's full collection took 3-8 ms that way against 2-4 ms single-threaded, and the
 * pool's p99 at half load fell from 8.5-15 ms to 4-5.5 ms, for 1.5-5 points of throughput
 * (`npm run bench daemon`). V8 takes the flag at process start only, hence the child. `auto` does it exactly in
 * that case, and not while an inspector is attached (one process to debug).
 */
export function wantsSingleThreadedGc(opts: { gc: string; executor: string; workers: number | undefined }, execArgv: readonly string[], cores: number): boolean {
  if (collectsOnJsThreads(execArgv) || opts.gc === 'parallel') return false;
  if (opts.gc === 'single-threaded') return true;
  if (execArgv.some((a) => a.startsWith('--inspect'))) return false;
  const jsThreads = opts.executor === 'in-thread' ? 1 : 1 + (opts.workers ?? defaultWorkerCount(cores));
  return jsThreads >= cores;
}

/**
 * The first step of `actuate serve`, before the daemon is loaded: runs the daemon in a child
 * `node --single-threaded-gc` when {@link wantsSingleThreadedGc} says so, and then resolves with
 * its exit code; resolves undefined when the daemon should run in this process.
 */
export async function launchServe(rawArgs: string[]): Promise<number | undefined> {
  const args = parseArgs<typeof serveArgs>(rawArgs, serveArgs);
  if (!(GC_MODES as readonly string[]).includes(args.gc)) throw new UsageError(`--gc must be one of ${GC_MODES.join(', ')}, not ${JSON.stringify(args.gc)}`);
  const workers = args.workers !== undefined && /^\d+$/.test(args.workers.trim()) ? Number(args.workers) : undefined;
  if (!wantsSingleThreadedGc({ gc: args.gc, executor: args.executor, workers }, process.execArgv, availableParallelism())) return undefined;
  const ran = await runInForegroundChild([SINGLE_THREADED_GC]);
  if ('code' in ran) return ran.code;
  process.stderr.write(`error: ${ran.error}\nhint: \`actuate serve --gc parallel\` runs the daemon in this process\n`);
  return ExitCode.Internal;
}
