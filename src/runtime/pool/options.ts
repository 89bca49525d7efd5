import { availableParallelism } from 'node:os';
import { UsageError } from '../../core/errors.ts';

/**
 * How a worker pool is sized and bounded. Every field has a default chosen for a login path on a
 * small machine; {@link resolvePoolOptions} checks them so a bad value fails at construction with
 * the field's name, not as a strange pool behaviour later.
 */
export interface WorkerPoolOptions {
  /**
   * Workers that take executions. Default `max(2, availableParallelism())`: every core runs a
   * sandbox, and two workers at least so one stuck execution never blocks the rest.
   */
  readonly workers?: number;
  /**
   * Warm workers kept aside, fully loaded, to replace a terminated or recycled one at once (spawning
   * one costs a thread start, the runtime's imports and every deployment's load). Default 1.
   */
  readonly spares?: number;
  /**
   * Cap of each worker's QuickJS `WebAssembly.Memory` (all sandboxes of the worker share it): the
   * only byte-accurate memory limit of the WASM builds (runtime.md §2). Default 256 MiB.
   */
  readonly maxMemoryBytes?: number;
  /**
   * A worker whose WASM memory has grown past this is recycled after its current execution (a WASM
   * heap never shrinks). Default half of {@link maxMemoryBytes}.
   */
  readonly memoryHighWaterBytes?: number;
  /** Executions waiting for a worker before new ones are refused as overloaded. Default 256. */
  readonly maxQueued?: number;
  /**
   * Executions handed to one worker at a time: the one it runs and those waiting in it, so it
   * starts the next without a round trip through the main thread. 1 sends the next only once the
   * last answered. Default 2: on the 2-vCPU bench machine the pool ran about 20 % more executions a
   * second than with 1 (eight callers), and the daemon's main thread spent about 10 % less CPU per
   * request. A waiting execution never starts in a worker the watchdog terminated, or in one due
   * for recycling, and a free worker takes back one waiting behind a slow execution.
   */
  readonly pipelineDepth?: number;
  /**
   * Time the watchdog grants beyond the flow's budget (`settings.limits.flowTimeoutMs`) before it
   * terminates the worker. The sandbox enforces the budget itself; the watchdog only stops what the
   * sandbox cannot interrupt. Default 1000 ms.
   */
  readonly watchdogGraceMs?: number;
  /** Longest a worker may take to load one deployment before it is terminated. Default 60 000 ms. */
  readonly loadTimeoutMs?: number;
  /** Largest event accepted, as JSON characters (with the continuation state). Default 1 MiB. */
  readonly maxEventChars?: number;
  /** Largest flow result a worker may send back, as JSON characters. Default 4 MiB. */
  readonly maxResultChars?: number;
  /** Recycle a worker after this many executions (bounds slow leaks). Default: never. */
  readonly maxExecutionsPerWorker?: number;
  /** V8 old-generation heap limit of each worker (host-side strings, results), MiB. Default 512. */
  readonly workerHeapMb?: number;
  /**
   * How many nice steps below the process each worker thread runs (Linux; 0 to 19), so that when
   * every core is busy the main thread, which dispatches and answers every execution, goes first.
   * Default 0: with garbage collection on the JS threads (`actuate serve`'s default), workers at
   * the main thread's priority answered the same load with a shorter tail on the 2-vCPU bench
   * machine (p99 at half load 4.5-4.6 ms at nice 0, 4.8-5.1 at 2-5, 5.8-6.6 at 10; the same
   * throughput within the noise), since a niced worker waits for a core while its request waits
   * for it, and an action's budget (time inside QuickJS, by the clock) keeps running meanwhile.
   * Raising it gives the main thread a core first at full load (it then waited 33 instead of
   * about 80 µs a request). Within a container or a systemd service this only orders the daemon's
   * own threads; on a host shared with other programs, the workers also yield to them.
   */
  readonly workerNice?: number;
  /** Use the DEBUG_SYNC QuickJS build in workers and allow {@link WorkerPoolExecutor.leakCheck}. Slow: tests only. */
  readonly debug?: boolean;
  /**
   * The worker entry module. Default: `worker-entry.js` next to this file in `dist/`. Under a
   * TypeScript runner (vitest) this file is `.ts`, which Node 20 cannot load in a worker: pass a
   * JavaScript build of `worker-entry.ts` (test/helpers/pool.ts bundles one with esbuild).
   */
  readonly workerUrl?: URL;
  /** `execArgv` of the workers (e.g. `--import` of a loader). Default: inherit the process's. */
  readonly workerExecArgv?: readonly string[];
}

/** {@link WorkerPoolOptions} with every default filled in. */
export interface ResolvedPoolOptions {
  readonly workers: number;
  readonly spares: number;
  readonly maxMemoryBytes: number;
  readonly memoryHighWaterBytes: number;
  readonly maxQueued: number;
  readonly pipelineDepth: number;
  readonly watchdogGraceMs: number;
  readonly loadTimeoutMs: number;
  readonly maxEventChars: number;
  readonly maxResultChars: number;
  readonly maxExecutionsPerWorker: number;
  readonly workerHeapMb: number;
  readonly workerNice: number;
  readonly debug: boolean;
  readonly workerUrl: URL;
  readonly workerExecArgv: readonly string[] | undefined;
}

const MIB = 1024 * 1024;
/** The QuickJS builds start with 16 MiB of linear memory; a cap below that cannot instantiate. */
const MIN_MEMORY = 16 * MIB;

/** The pool's default number of active workers on `cores` cores: one per core, and two at least so one stuck execution never blocks the rest. */
export function defaultWorkerCount(cores: number): number {
  return Math.max(2, cores);
}

/** Fills defaults and validates; throws UsageError naming the bad field. */
export function resolvePoolOptions(o: WorkerPoolOptions = {}): ResolvedPoolOptions {
  const maxMemoryBytes = int('maxMemoryBytes', o.maxMemoryBytes, 256 * MIB, MIN_MEMORY);
  const resolved: ResolvedPoolOptions = {
    workers: int('workers', o.workers, defaultWorkerCount(availableParallelism()), 1),
    spares: int('spares', o.spares, 1, 0),
    maxMemoryBytes,
    memoryHighWaterBytes: int('memoryHighWaterBytes', o.memoryHighWaterBytes, Math.floor(maxMemoryBytes / 2), MIN_MEMORY),
    maxQueued: int('maxQueued', o.maxQueued, 256, 0),
    pipelineDepth: int('pipelineDepth', o.pipelineDepth, 2, 1),
    watchdogGraceMs: int('watchdogGraceMs', o.watchdogGraceMs, 1000, 1),
    loadTimeoutMs: int('loadTimeoutMs', o.loadTimeoutMs, 60_000, 1),
    maxEventChars: int('maxEventChars', o.maxEventChars, MIB, 1),
    maxResultChars: int('maxResultChars', o.maxResultChars, 4 * MIB, 1024),
    maxExecutionsPerWorker: o.maxExecutionsPerWorker === undefined ? Infinity : int('maxExecutionsPerWorker', o.maxExecutionsPerWorker, 0, 1),
    workerHeapMb: int('workerHeapMb', o.workerHeapMb, 512, 32),
    workerNice: int('workerNice', o.workerNice, 0, 0, 19),
    debug: o.debug === true,
    workerUrl: o.workerUrl ?? defaultWorkerUrl(),
    workerExecArgv: o.workerExecArgv,
  };
  if (resolved.memoryHighWaterBytes > maxMemoryBytes) {
    throw new UsageError(`memoryHighWaterBytes (${resolved.memoryHighWaterBytes}) must not exceed maxMemoryBytes (${maxMemoryBytes})`);
  }
  return resolved;
}

/**
 * The worker entry next to this module, with this module's own extension: `.js` in `dist/`, `.ts`
 * when the sources run under a TypeScript-aware runner (vitest), so one code path serves both.
 */
export function defaultWorkerUrl(): URL {
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./worker-entry${ext}`, import.meta.url);
}

function int(name: string, value: number | undefined, fallback: number, min: number, max = Infinity): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new UsageError(`worker pool option "${name}" must be an integer ${range}, got ${String(value)}`);
  }
  return value;
}
