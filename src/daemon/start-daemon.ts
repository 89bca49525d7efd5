import { UsageError, type CommitSha, type Diagnostic } from '../core/index.ts';
import { loadContinuationKey } from './continuation-key.ts';
import { Deployments, type DeployOutcome } from './deploy/deployments.ts';
import { RefFollower } from './deploy/ref-follower.ts';
import { ExecutionLog } from './executions/execution-log.ts';
import { FlowService } from './flows/flow-service.ts';
import { TriggerCatalog } from './flows/triggers.ts';
import { BearerAuth, type AuthTokens } from './http/auth.ts';
import { BatchedLogStream } from './http/log-stream.ts';
import type { RouteContext } from './http/context.ts';
import { registerExecutionRoutes } from './http/routes-executions.ts';
import { registerFlowRoutes } from './http/routes-flows.ts';
import { registerOpsRoutes } from './http/routes-ops.ts';
import { createHttpServer } from './http/server.ts';
import { DaemonMetrics } from './metrics/daemon-metrics.ts';
import { resolveDaemonOptions, type DaemonOptions } from './options.ts';
import { AsyncRunner } from './queue/async-runner.ts';
import { createSqliteQueue } from './queue/sqlite-queue.ts';
import { buildStatus, type DaemonStatus } from './status.ts';
import { openDatabase } from './storage/database.ts';
import { WriteBatcher } from './storage/write-batcher.ts';

/** A daemon serving HTTP. */
export interface RunningDaemon {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  /** Stops taking requests, lets executions in flight finish (up to the drain timeout), and releases everything. Idempotent. */
  close(): Promise<void>;
  /** Loads the desired version again (the ref's commit, or the one served), re-reading secrets; new tokens when given. What SIGHUP does. */
  reload(tokens?: AuthTokens): Promise<DeployOutcome>;
  /** Switches to another built commit (what `POST /v1/admin/deploy` does). */
  deploy(commit: string): Promise<DeployOutcome>;
  status(): Promise<DaemonStatus>;
}

/** The first load failed: the daemon did not start. `diagnostics` say why (a missing secret, an unbuilt commit). */
export class DaemonStartError extends UsageError {
  readonly diagnostics: readonly Diagnostic[];
  constructor(message: string, diagnostics: readonly Diagnostic[]) {
    super(message, diagnostics.map((d) => d.hint).filter(Boolean).join('; ') || undefined);
    this.diagnostics = diagnostics;
  }
}

const MAINTENANCE_MS = 60_000;

/**
 * Starts a daemon: opens the data directory (queue, records, continuation key), loads the target
 * version (failing fast when it cannot load), starts the queue runner and the ref follower, and
 * listens. Nothing is served before a version is fully loaded.
 * @throws UsageError for bad options or an unusable data directory; DaemonStartError when the first load fails.
 */
export async function startDaemon(options: DaemonOptions): Promise<RunningDaemon> {
  const o = resolveDaemonOptions(options);
  const continuationSecret = o.continuationSecret ?? (await loadContinuationKey(o.dataDir));
  // The callback runs on a later turn (the checkpointer thread's events), when `app` exists.
  const storage = openDatabase(o.dataDir, (e) => app.log.warn({ err: e }, 'WAL checkpoints fell back to the main thread'));
  const db = storage.db;
  const batcher = new WriteBatcher(db);
  const queue = createSqliteQueue(db, batcher);
  const executor = o.executor();
  const auth = new BearerAuth(o.auth);
  const startedAt = Date.now();
  let draining = false;
  let follower: RefFollower | undefined;
  let flows: FlowService | undefined;
  let runner: AsyncRunner | undefined;

  const deployments = new Deployments({
    executor, store: o.store,
    loadOptions: async () => ({ ...o.deployment, secrets: await o.secrets(), continuationSecret }),
    onDeploy: (r, reason) => {
      metrics.deploys.inc({ reason, result: r.ok ? 'ok' : 'failed' });
      if (r.ok && !r.unchanged) app.log.info({ deploy: { reason, commit: r.version.commit, manifest: r.version.handle.digest, loadMs: r.version.loadMs, source: r.version.source, previous: r.previous?.commit } }, `serving ${r.version.commit}`);
      if (!r.ok) app.log.error({ deploy: { reason, commit: r.commit, loadMs: r.loadMs, diagnostics: r.diagnostics } }, reason === 'start' ? `cannot serve ${r.commit}` : `deploy of ${r.commit} failed; the previous version keeps serving`);
    },
  });
  const metrics = new DaemonMetrics({
    queueDepth: () => queue.depth(),
    executor: () => executor.metrics(),
    served: () => deployments.current,
    syncInflight: () => flows?.inflight ?? 0,
    asyncRunning: () => runner?.running ?? 0,
    draining: () => deployments.draining,
  });
  const logStream = o.log === false ? undefined : new BatchedLogStream(o.log.stream);
  const app = createHttpServer({ bodyLimit: o.bodyLimitBytes, logger: o.log === false ? false : { level: o.log.level, stream: logStream! }, auth, onRefused: (reason) => metrics.refused.inc({ reason }), draining: () => draining });
  const executions = new ExecutionLog(db, batcher, {
    retentionMs: o.recordRetentionMs, maxRecords: o.maxRecords,
    onWriteError: (e) => app.log.error({ err: e }, 'an execution record could not be written'),
  });

  const release = async () => {
    metrics.close();
    batcher.close();
    await queue.close();
    await storage.close();
    logStream?.flush();
  };
  try {
    const first = await initialCommit(o.target, o.store);
    const r = await deployments.deploy(first, 'start');
    if (!r.ok) throw new DaemonStartError(`cannot serve ${first}: ${r.diagnostics.map((d) => d.message).join('; ')}`, r.diagnostics);
  } catch (e) {
    await executor.close();
    await release();
    throw e;
  }

  flows = new FlowService({
    executor, deployments, executions, queue, metrics, catalog: new TriggerCatalog(), logger: app.log,
    limits: { consoleExcerptChars: o.consoleExcerptChars, maxConcurrency: o.maxConcurrency, maxQueueDepth: o.maxQueueDepth },
    notifyQueued: () => runner?.notify(),
  });
  const service = flows;
  runner = new AsyncRunner({
    queue, deployments, executor, concurrency: o.async.concurrency,
    retry: { maxAttempts: o.async.maxAttempts, baseMs: o.async.retryBaseMs, maxMs: o.async.retryMaxMs },
    // Longer than any flow may run, so a live daemon's claim never expires under it.
    leaseMs: Math.max(60_000, 3 * o.drainTimeoutMs),
    onAttempt: (a) => service.onAttempt(a),
    onError: (e) => app.log.error({ err: e }, 'the async queue failed; retrying'),
  });
  if ('ref' in o.target) {
    follower = new RefFollower({
      store: o.store, ref: o.target.ref, intervalMs: o.refPollMs, retryFailedMs: 30_000,
      deploy: (commit: CommitSha) => deployments.deploy(commit, 'ref'),
    }, deployments.current?.commit);
  }

  const deploy = (commit: string) => deployments.deploy(commit, 'admin');
  const reload = async (tokens?: AuthTokens): Promise<DeployOutcome> => {
    if (tokens) auth.update(tokens);
    const commit = 'ref' in o.target ? ((await o.store.getRef(o.target.ref)) ?? deployments.current!.commit) : deployments.current!.commit;
    return deployments.deploy(commit, 'reload', { force: true });
  };
  const status = async () => buildStatus({
    draining, startedAt, store: o.store.describe(), served: deployments.current,
    pinned: 'commit' in o.target ? deployments.current?.commit : undefined, ref: follower?.state, lastDeploy: deployments.lastDeploy,
    load: { syncInflight: service.inflight, asyncRunning: runner?.running ?? 0, versionsDraining: deployments.draining, versionsStandby: deployments.standby },
    queue: await queue.depth(), executor: executor.metrics(),
  });
  const streams = new Set<() => void>();
  const ctx: RouteContext = {
    flows: service, executions, metrics, status, deploy, reload: () => reload(), streams,
    ready: () => !draining && deployments.current !== undefined,
    requeue: async (id) => {
      const ok = await queue.requeue(id);
      if (ok) runner?.notify();
      return ok;
    },
    onRefused: (reason) => metrics.refused.inc({ reason }),
  };
  registerOpsRoutes(app, ctx);
  registerFlowRoutes(app, ctx);
  registerExecutionRoutes(app, ctx);

  const recovered = await queue.recover();
  if (recovered > 0) app.log.warn({ recovered }, `${recovered} async execution${recovered === 1 ? ' was' : 's were'} running when the previous daemon stopped; running again`);
  let url: string;
  try {
    url = await app.listen({ host: o.host, port: o.port });
  } catch (e) {
    await app.close();
    await deployments.close(0);
    await executor.close();
    await release();
    throw new UsageError(`cannot listen on ${o.host}:${o.port}: ${(e as Error).message}`, 'pick another --port (0 for any free one) or --host');
  }
  runner.start();
  follower?.start();
  const maintenance = setInterval(() => {
    void executions.maintain().catch((e: unknown) => app.log.error({ err: e }, 'pruning execution records failed'));
    void queue.maintain().catch((e: unknown) => app.log.error({ err: e }, 'pruning the queue failed'));
  }, MAINTENANCE_MS);
  maintenance.unref();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      draining = true;
      clearInterval(maintenance);
      await follower?.stop();
      for (const end of [...streams]) end();
      // New requests get 503 while in-flight ones finish; async jobs not done in time run again at the next start.
      const forceAfter = setTimeout(() => app.server.closeAllConnections(), o.drainTimeoutMs);
      const idle = setInterval(() => app.server.closeIdleConnections(), 100);
      await Promise.all([app.close(), runner?.stop(o.drainTimeoutMs)]);
      clearTimeout(forceAfter);
      clearInterval(idle);
      await deployments.close(o.drainTimeoutMs);
      await executor.close();
      await release();
    })();
    return closing;
  };
  return { url: displayUrl(url, o.host), close, reload, deploy, status };
}

async function initialCommit(target: DaemonOptions['target'], store: DaemonOptions['store']): Promise<string> {
  if ('commit' in target) return target.commit;
  const commit = await store.getRef(target.ref);
  if (!commit) {
    const refs = await store.listRefs().catch(() => []);
    throw new UsageError(`${store.describe()} has no ref ${target.ref}`, refs.length > 0 ? `refs in the store: ${refs.join(', ')}` : 'publish a build to the store first, or pass --commit');
  }
  return commit;
}

/** fastify reports the address it bound; keep the host the user asked for when it is a name. */
function displayUrl(url: string, host: string): string {
  if (host === 'localhost') return url.replace(/\/\/[^:/]+:/, '//localhost:');
  return url;
}
