import type { Diagnostic, Digest } from '../../core/index.ts';
import type { SandboxLimits } from '../sandbox/index.ts';
import type { GcPauses } from '../executor.ts';

/**
 * The messages between the pool (main thread) and a worker. Everything is structured-clone data;
 * events and results cross as JSON strings, so their size is known before and after the crossing
 * and the clone is one string copy.
 */

/** What a worker gets at start (`workerData`). */
export interface WorkerInit {
  /** The QuickJS WASM, compiled once in the main thread. */
  readonly wasmModule: object;
  readonly maxMemoryBytes: number;
  readonly debug: boolean;
  readonly maxResultChars: number;
  /** Past this much WASM memory the worker declines the runs waiting for it (the pool recycles it). */
  readonly memoryHighWaterBytes: number;
  /** Nice steps the worker lowers its own thread's priority by at start (thread-priority.ts). */
  readonly nice: number;
  /**
   * Progress of the current execution, written by the worker and read by the watchdog after a
   * termination (the worker cannot answer then): `[execution id, index+1 of the running action,
   * index+1 of the first action this execution ran]`.
   */
  readonly progress: SharedArrayBuffer;
}

/** Everything a worker needs to load one deployment without touching the store. */
export interface DeploymentPayload {
  readonly digest: Digest;
  readonly commit: string | undefined;
  /** The manifest and every object it references, verified against their digests by the main thread. */
  readonly objects: ReadonlyArray<readonly [Digest, Uint8Array]>;
  /** Secret values per action, already resolved (the environment never reaches a worker). */
  readonly secrets: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Shared by every worker so any of them can resume a redirected flow. */
  readonly continuationSecret: Uint8Array;
  readonly continuationTtlSeconds: number | undefined;
  readonly sandboxLimits: Partial<SandboxLimits> | undefined;
  readonly maxInvocationsPerContext: number | undefined;
}

/** Requests from the pool; every one with an `id` gets exactly one answer with that id. */
export type ToWorker =
  | { readonly t: 'load'; readonly id: number; readonly key: number; readonly payload: DeploymentPayload }
  | {
      readonly t: 'run';
      readonly id: number;
      readonly key: number;
      readonly trigger: string;
      readonly eventJson: string;
      /** Present for `continue`. */
      readonly state?: string;
      readonly executionId?: string;
      /** The caller's clock minus Date.now() at dispatch (RunOptions.now cannot cross threads). */
      readonly nowOffsetMs?: number;
    }
  | { readonly t: 'unload'; readonly key: number }
  /** Gives back the run `id` if it has not started (answered `declined`); otherwise nothing. */
  | { readonly t: 'withdraw'; readonly id: number }
  | { readonly t: 'stats'; readonly id: number }
  | { readonly t: 'leak-check'; readonly id: number };

/** How a worker is doing after an execution; the pool recycles it on any bad sign. */
export interface WorkerHealth {
  /** Bytes of the worker's QuickJS linear memory (never shrinks). */
  readonly memoryBytes: number;
  /** The QuickJS module saw an abort or a throwing dispose (runtime.md §2): retire the worker. */
  readonly poisoned: boolean;
  /** A host prototype (`Object.prototype`, …) gained properties: retire the worker. */
  readonly polluted: boolean;
  /** The worker's GC pauses since its previous report, when there were any (worker-gc.ts). */
  readonly gc?: GcPauses | undefined;
}

/** A worker's memory as it sees it (for the leak test and diagnostics). */
export interface WorkerStats {
  readonly heapUsedBytes: number;
  readonly wasmBytes: number;
  readonly deployments: number;
}

/** Answers from a worker (`ready` once at start, then one per request id). */
export type FromWorker =
  | { readonly t: 'ready' }
  | { readonly t: 'loaded'; readonly id: number; readonly ok: true }
  | { readonly t: 'loaded'; readonly id: number; readonly ok: false; readonly diagnostics: Diagnostic[] }
  | { readonly t: 'result'; readonly id: number; readonly json: string; readonly health: WorkerHealth }
  /**
   * A run that waited in the worker was not started: the worker is due for recycling (its last
   * health was bad, or a host error made it untrusted), or the pool withdrew it. The pool gives it
   * to another worker.
   */
  | { readonly t: 'declined'; readonly id: number }
  | { readonly t: 'stats'; readonly id: number; readonly stats: WorkerStats }
  | { readonly t: 'leak-check'; readonly id: number; readonly error: string | undefined }
  /** A host exception while handling a request: a bug, reported with the request's id. */
  | { readonly t: 'failed'; readonly id: number; readonly message: string; readonly stack: string; readonly health: WorkerHealth };

/** How loading one deployment into one worker ended; `died`: the worker was stopped for another reason meanwhile. */
export type LoadOutcome = { readonly ok: true } | { readonly ok: false; readonly diagnostics: Diagnostic[] } | { readonly ok: 'died' };

/** Slots of {@link WorkerInit.progress}. */
export const PROGRESS = { execution: 0, action: 1, first: 2, length: 3 } as const;
