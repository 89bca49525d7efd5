/**
 * The entry of one pool worker: its own QuickJS module (capped memory, WASM compiled by the main
 * thread), the deployments the pool loaded into it, and one execution at a time (the pool may hand
 * it the next ones early; they wait here, in order). It never touches a
 * store, the environment or the network except through the sandbox's egress-checked fetch.
 *
 * Run by `worker_threads` only (see worker-handle.ts); importing it elsewhere does nothing.
 */
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { TestQuickJSWASMModule, type QuickJSWASMModule } from 'quickjs-emscripten';
import type { Deployment } from '../deployment.ts';
import { loadDeployment } from '../deployment.ts';
import { continueFlow, runFlow } from '../run-flow.ts';
import { SandboxModule, createSandboxModule } from '../sandbox/index.ts';
import type { FlowResult } from '../types.ts';
import { payloadStore } from './payload-store.ts';
import { PROGRESS, type DeploymentPayload, type FromWorker, type ToWorker, type WorkerHealth, type WorkerInit } from './protocol.ts';
import { capResultSize } from './results.ts';
import { lowerThreadPriority } from './thread-priority.ts';
import { watchWorkerGc } from './worker-gc.ts';

if (!isMainThread && parentPort !== null) await main(workerData as WorkerInit, parentPort);

async function main(init: WorkerInit, port: NonNullable<typeof parentPort>): Promise<void> {
  // Below the main thread, which dispatches every execution; off Linux this changes nothing.
  lowerThreadPriority(init.nice);
  const progress = new Int32Array(init.progress);
  const base = await createSandboxModule({ wasmModule: init.wasmModule, maxMemoryBytes: init.maxMemoryBytes, debug: init.debug });
  const tracked = init.debug ? new TestQuickJSWASMModule(base.quickjs as QuickJSWASMModule) : undefined;
  const module = tracked ? new SandboxModule(tracked) : base;
  const deployments = new Map<number, Deployment>();
  const baseline = prototypeShape();
  const send = (m: FromWorker) => port.postMessage(m);
  const gcSinceLast = watchWorkerGc();
  const health = (): WorkerHealth => {
    const gc = gcSinceLast();
    return { memoryBytes: module.memoryBytes, poisoned: module.poisoned, polluted: prototypeShape() !== baseline, ...(gc ? { gc } : {}) };
  };

  const load = async (id: number, key: number, payload: DeploymentPayload) => {
    const target = payload.commit !== undefined ? { commit: payload.commit } : { digest: payload.digest };
    const r = await loadDeployment(payloadStore(payload), target, {
      module,
      secrets: { file: payload.secrets },
      continuationSecret: payload.continuationSecret,
      ...(payload.continuationTtlSeconds !== undefined ? { continuationTtlSeconds: payload.continuationTtlSeconds } : {}),
      ...(payload.sandboxLimits !== undefined ? { sandboxLimits: payload.sandboxLimits } : {}),
      ...(payload.maxInvocationsPerContext !== undefined ? { maxInvocationsPerContext: payload.maxInvocationsPerContext } : {}),
    });
    if (!r.ok) return send({ t: 'loaded', id, ok: false, diagnostics: r.diagnostics });
    trackProgress(r.deployment, progress);
    deployments.get(key)?.close();
    deployments.set(key, r.deployment);
    send({ t: 'loaded', id, ok: true });
  };

  // Runs are taken one at a time, in order; those waiting are declined once this worker is due for
  // recycling (its last health was bad, or a host error made it untrusted), so none starts here.
  const waiting: Extract<ToWorker, { t: 'run' }>[] = [];
  let running = false;
  let due = false;
  const takeRuns = async () => {
    if (running) return;
    running = true;
    while (waiting.length > 0) {
      const m = waiting.shift()!;
      if (due) {
        send({ t: 'declined', id: m.id });
        continue;
      }
      try {
        await run(m);
      } catch (e) {
        due = true;
        const err = e instanceof Error ? e : new Error(String(e));
        send({ t: 'failed', id: m.id, message: err.message, stack: err.stack ?? err.message, health: health() });
      }
    }
    running = false;
  };

  const run = async (m: Extract<ToWorker, { t: 'run' }>) => {
    const d = deployments.get(m.key);
    if (d === undefined) throw new Error(`deployment #${m.key} is not loaded in this worker`);
    Atomics.store(progress, PROGRESS.execution, m.id);
    Atomics.store(progress, PROGRESS.action, 0);
    Atomics.store(progress, PROGRESS.first, 0);
    // The daemon may send a body it did not parse (parsesEventJson): text that is not JSON is an
    // event that fails validation (`rejected`), never a failure of this worker.
    let event: unknown;
    try {
      event = JSON.parse(m.eventJson);
    } catch {
      event = undefined;
    }
    const offset = m.nowOffsetMs;
    const options = {
      ...(m.executionId !== undefined ? { executionId: m.executionId } : {}),
      ...(offset !== undefined ? { now: () => Date.now() + offset } : {}),
    };
    const result: FlowResult = m.state === undefined ? await runFlow(d, m.trigger, event, options) : await continueFlow(d, m.trigger, m.state, event, options);
    const h = health();
    if (h.poisoned || h.polluted || h.memoryBytes > init.memoryHighWaterBytes) due = true;
    send({ t: 'result', id: m.id, json: capResultSize(result, init.maxResultChars), health: h });
  };

  const leakCheck = (): string | undefined => {
    if (tracked === undefined) return 'the leak check needs a pool created with { debug: true }';
    if (deployments.size > 0) return `${deployments.size} deployment(s) are still loaded; unload them first`;
    const alive = [...tracked.runtimes].filter((rt) => rt.alive).length;
    if (alive > 0) return `${alive} QuickJS runtime(s) were never disposed`;
    // quickjs-emscripten 0.32 does not untrack disposed runtimes (see sandbox-context.test.ts).
    tracked.runtimes.clear();
    try {
      tracked.assertNoMemoryAllocated();
      return undefined;
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  };

  port.on('message', (m: ToWorker) => {
    const id = 'id' in m ? m.id : 0;
    const work = async () => {
      switch (m.t) {
        case 'load':
          return load(m.id, m.key, m.payload);
        case 'run':
          waiting.push(m);
          return takeRuns();
        case 'withdraw': {
          const i = waiting.findIndex((r) => r.id === m.id);
          if (i >= 0) send({ t: 'declined', id: waiting.splice(i, 1)[0]!.id });
          return;
        }
        case 'unload':
          deployments.get(m.key)?.close();
          deployments.delete(m.key);
          return;
        case 'stats':
          // Collect first when the process exposes gc (tests set --expose-gc), so the figure is live memory.
          (globalThis as { gc?: () => void }).gc?.();
          return send({ t: 'stats', id, stats: { heapUsedBytes: getHeapStatistics().used_heap_size, wasmBytes: module.memoryBytes, deployments: deployments.size } });
        case 'leak-check':
          return send({ t: 'leak-check', id, error: leakCheck() });
      }
    };
    work().catch((e: unknown) => {
      const err = e instanceof Error ? e : new Error(String(e));
      send({ t: 'failed', id, message: err.message, stack: err.stack ?? err.message, health: health() });
    });
  });
  send({ t: 'ready' });
}

/**
 * Records which action of the flow is running in the shared progress buffer, so the watchdog can
 * name it after terminating this thread. Each action's pool is acquired exactly when the action
 * starts (run-flow.ts), so its `acquire` is wrapped; nothing else changes.
 */
function trackProgress(deployment: Deployment, progress: Int32Array): void {
  for (const flow of deployment.flows.values()) {
    flow.actions.forEach((action, i) => {
      const pool = action.pool;
      const acquire = pool.acquire.bind(pool);
      pool.acquire = () => {
        Atomics.store(progress, PROGRESS.action, i + 1);
        if (Atomics.load(progress, PROGRESS.first) === 0) Atomics.store(progress, PROGRESS.first, i + 1);
        return acquire();
      };
    });
  }
}

/**
 * A cheap fingerprint of the host's built-in prototypes. Guest code cannot reach them, but a host
 * bug (say, a merge that follows a `__proto__` key the guest sent) could; a worker whose
 * prototypes changed is retired rather than trusted with the next execution.
 */
function prototypeShape(): string {
  let inherited = 0;
  for (const _ in {}) inherited++;
  for (const _ in []) inherited++;
  return `${inherited}:${Reflect.ownKeys(Object.prototype).length},${Reflect.ownKeys(Array.prototype).length},${Reflect.ownKeys(Function.prototype).length}`;
}
