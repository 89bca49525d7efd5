import type { CommitSha, Diagnostic, Digest } from '../core/index.ts';
import type { Manifest } from '../manifest/index.ts';
import type { StoreReader } from '../store/index.ts';
import { loadDeployment, type Deployment, type DeploymentOptions } from './deployment.ts';
import { continueFlow, runFlow, type RunOptions } from './run-flow.ts';
import type { FlowResult } from './types.ts';

/** A loaded manifest inside an executor: what callers hold to run flows on that version. */
export interface DeploymentHandle {
  readonly digest: Digest;
  readonly commit: CommitSha | undefined;
  readonly manifest: Manifest;
}

/** Counters an executor exposes for `/metrics`. */
/** Garbage-collection pauses: minor (scavenges) and major (with incremental marking steps). */
export interface GcPauses {
  readonly minor: { readonly count: number; readonly seconds: number };
  readonly major: { readonly count: number; readonly seconds: number };
}

export interface ExecutorMetrics {
  /** Executions running now. */
  readonly busy: number;
  /** Executions waiting for a free sandbox or worker. */
  readonly queued: number;
  /** Workers or modules retired after a memory high-water mark or a bounded number of executions. */
  readonly recycled: number;
  /** Workers terminated by the watchdog (an execution overran its budget inside an uninterruptible built-in). */
  readonly terminated: number;
  /** Workers in the pool (0 for the in-thread executor). */
  readonly workers: number;
  /** The pool's workers' GC pauses so far (the main thread's are Node's own `gc` entries). */
  readonly workerGc?: GcPauses;
}

export type ExecutorLoadResult = { readonly ok: true; readonly handle: DeploymentHandle } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/**
 * Where flows execute. The daemon talks to this interface only: the in-thread executor (this file)
 * for tools and tests, the worker pool (src/runtime/pool) in production. Loading verifies and
 * preloads everything before returning, so switching to a new handle is atomic and instant.
 */
export interface FlowExecutor {
  /**
   * True when the executor parses `options.eventJson` itself, off the caller's thread (the worker
   * pool): a caller holding the event as text may pass only the text, with `event` undefined. Text
   * that is not a JSON object then comes back as a `rejected` result, like any invalid event.
   */
  readonly parsesEventJson?: boolean;
  load(store: StoreReader, target: { commit: string } | { digest: Digest }, options?: DeploymentOptions): Promise<ExecutorLoadResult>;
  run(handle: DeploymentHandle, trigger: string, event: unknown, options?: RunOptions): Promise<FlowResult>;
  continue(handle: DeploymentHandle, trigger: string, state: string, event: unknown, options?: RunOptions): Promise<FlowResult>;
  /** Frees a version once no execution uses it any more (executions in flight finish first). */
  unload(handle: DeploymentHandle): void;
  metrics(): ExecutorMetrics;
  close(): Promise<void>;
}

/** Runs flows on the calling thread: no watchdog for uninterruptible built-ins (the pool has one). */
export function createInThreadExecutor(): FlowExecutor {
  const deployments = new Map<DeploymentHandle, Deployment>();
  let busy = 0;
  const use = async (handle: DeploymentHandle, fn: (d: Deployment) => Promise<FlowResult>) => {
    const d = deployments.get(handle);
    if (!d) throw new Error('this deployment handle was unloaded');
    busy++;
    try {
      return await fn(d);
    } finally {
      busy--;
    }
  };
  return {
    async load(store, target, options) {
      const r = await loadDeployment(store, target, options);
      if (!r.ok) return r;
      const handle: DeploymentHandle = { digest: r.deployment.digest, commit: r.deployment.commit, manifest: r.deployment.manifest };
      deployments.set(handle, r.deployment);
      return { ok: true, handle };
    },
    run: (handle, trigger, event, options) => use(handle, (d) => runFlow(d, trigger, event, options)),
    continue: (handle, trigger, state, event, options) => use(handle, (d) => continueFlow(d, trigger, state, event, options)),
    unload(handle) {
      deployments.get(handle)?.close();
      deployments.delete(handle);
    },
    metrics: () => ({ busy, queued: 0, recycled: 0, terminated: 0, workers: 0 }),
    async close() {
      for (const d of deployments.values()) d.close();
      deployments.clear();
    },
  };
}
