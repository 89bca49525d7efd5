import type { Diagnostic } from '../core/index.ts';
import type { ExecutorMetrics } from '../runtime/index.ts';
import { VERSION } from '../version.ts';
import type { DeployReport, ServedVersion } from './deploy/deployments.ts';
import type { RefState } from './deploy/ref-follower.ts';
import type { QueueDepth } from './queue/types.ts';

/** `GET /v1/status`: what the daemon serves, what it should serve, and how busy it is. */
export interface DaemonStatus {
  readonly actuate: string;
  readonly state: 'serving' | 'draining';
  readonly startedAt: string;
  readonly store: string;
  /** The version served now. */
  readonly serving: { readonly commit: string; readonly manifest: string; readonly since: string; readonly loadMs: number; readonly source: string; readonly reason: string } | undefined;
  /** What the daemon was told to serve: a pinned commit, or a ref it follows (with the commit the ref points at). */
  readonly target:
    | { readonly kind: 'commit'; readonly commit: string }
    | { readonly kind: 'ref'; readonly ref: string; readonly commit: string | undefined; readonly checkedAt: string | undefined; readonly error: string | undefined };
  /** True when following a ref whose commit is not the one served (a failed load, or an admin deploy of another commit). */
  readonly drift: boolean;
  readonly lastDeploy: { readonly commit: string; readonly reason: string; readonly ok: boolean; readonly at: string; readonly loadMs: number; readonly diagnostics?: readonly Diagnostic[] } | undefined;
  /** Per trigger of the served manifest: trigger version, mode, and the actions in order with their bundle digests. */
  readonly flows: Readonly<Record<string, { readonly version: string; readonly mode: string; readonly actions: readonly { readonly name: string; readonly bundle: string }[] }>>;
  readonly load: { readonly syncInflight: number; readonly asyncRunning: number; readonly versionsDraining: number; readonly versionsStandby: number };
  readonly queue: QueueDepth;
  readonly executor: ExecutorMetrics;
}

export interface StatusParts {
  readonly draining: boolean;
  readonly startedAt: number;
  readonly store: string;
  readonly served: ServedVersion | undefined;
  readonly pinned: string | undefined;
  readonly ref: RefState | undefined;
  readonly lastDeploy: DeployReport | undefined;
  readonly load: DaemonStatus['load'];
  readonly queue: QueueDepth;
  readonly executor: ExecutorMetrics;
}

/** Assembles the status document from the parts the daemon holds. */
export function buildStatus(p: StatusParts): DaemonStatus {
  const v = p.served;
  const flows: Record<string, DaemonStatus['flows'][string]> = {};
  for (const [trigger, flow] of Object.entries(v?.handle.manifest.flows ?? {})) {
    flows[trigger] = { version: flow.version, mode: flow.mode, actions: flow.actions.map((a) => ({ name: a.name, bundle: a.bundle })) };
  }
  const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
  return {
    actuate: VERSION,
    state: p.draining ? 'draining' : 'serving',
    startedAt: iso(p.startedAt)!,
    store: p.store,
    serving: v ? { commit: v.commit, manifest: v.handle.digest, since: iso(v.servingSince)!, loadMs: v.loadMs, source: v.source, reason: v.reason } : undefined,
    target: p.ref
      ? { kind: 'ref', ref: p.ref.ref, commit: p.ref.commit, checkedAt: iso(p.ref.checkedAt), error: p.ref.error }
      : { kind: 'commit', commit: p.pinned ?? v?.commit ?? '' },
    drift: p.ref ? p.ref.commit !== undefined && p.ref.commit !== v?.commit : false,
    lastDeploy: p.lastDeploy ? { ...p.lastDeploy, at: iso(p.lastDeploy.at)! } : undefined,
    flows,
    load: p.load,
    queue: p.queue,
    executor: p.executor,
  };
}
