import type { DeployOutcome } from '../deploy/deployments.ts';
import type { ExecutionLog } from '../executions/execution-log.ts';
import type { FlowService } from '../flows/flow-service.ts';
import type { DaemonMetrics } from '../metrics/daemon-metrics.ts';
import type { DaemonStatus } from '../status.ts';

/** What the routes call: the daemon's services, wired by startDaemon. */
export interface RouteContext {
  readonly flows: FlowService;
  readonly executions: ExecutionLog;
  readonly metrics: DaemonMetrics;
  readonly status: () => Promise<DaemonStatus>;
  /** True while a version is served and the daemon is not draining. */
  readonly ready: () => boolean;
  readonly deploy: (commit: string) => Promise<DeployOutcome>;
  readonly reload: () => Promise<DeployOutcome>;
  /** Puts a dead-lettered async execution back in the queue. */
  readonly requeue: (id: string) => Promise<boolean>;
  /** Open follow streams, each with the function that ends it (called when the daemon drains). */
  readonly streams: Set<() => void>;
  readonly onRefused: (reason: string) => void;
}
