import type { Digest } from '../core/index.ts';
import type { Manifest, ManifestAction, ManifestFlow } from './schema.ts';

/** One side of a plan: the manifest of a commit, or nothing (a first build). */
export interface PlanSide {
  readonly commit: string | undefined;
  readonly digest: Digest | undefined;
  readonly manifest: Manifest | undefined;
}

export interface ActionChange {
  readonly name: string;
  readonly bundleFrom: Digest;
  readonly bundleTo: Digest;
  readonly sizeFrom: number;
  readonly sizeTo: number;
  /** Other properties that changed (handlers, limits, isolation), for the reader. */
  readonly details: readonly string[];
}

export interface TriggerPlan {
  readonly trigger: string;
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly versionFrom: string | undefined;
  readonly versionTo: string | undefined;
  readonly orderFrom: readonly string[];
  readonly orderTo: readonly string[];
  /** True when actions present on both sides run in a different relative order. */
  readonly orderChanged: boolean;
  readonly added: readonly ManifestAction[];
  readonly removed: readonly ManifestAction[];
  readonly changed: readonly ActionChange[];
  readonly secretsAdded: readonly { action: string; name: string }[];
  readonly secretsRemoved: readonly { action: string; name: string }[];
  readonly dependencies: readonly { action: string; name: string; from: string | undefined; to: string | undefined }[];
  /** Total bundle bytes of the flow after the change, and the action count (limit budgets). */
  readonly bundleBytes: number;
  readonly actionCount: number;
}

/** What changes between two builds, per trigger: the content of `actuate diff` and the PR comment. */
export interface Plan {
  readonly from: PlanSide;
  readonly to: PlanSide;
  /** Same manifest digest: nothing at all changes (e.g. a revert restoring an earlier build). */
  readonly identical: boolean;
  readonly triggers: readonly TriggerPlan[];
  readonly settingsChanged: readonly string[];
}

/** Diffs two manifests (either may be absent) into a {@link Plan}. Pure and deterministic. */
export function planChanges(from: PlanSide, to: PlanSide): Plan {
  const ids = [...new Set([...Object.keys(from.manifest?.flows ?? {}), ...Object.keys(to.manifest?.flows ?? {})])].sort();
  const triggers = ids.map((id) => planTrigger(id, from.manifest?.flows[id], to.manifest?.flows[id]));
  const settingsChanged: string[] = [];
  const a = from.manifest?.settings;
  const b = to.manifest?.settings;
  if (a && b) {
    if (JSON.stringify(a.egress) !== JSON.stringify(b.egress)) settingsChanged.push(`egress: ${describeEgress(a.egress)} → ${describeEgress(b.egress)}`);
    for (const key of Object.keys(b.limits) as (keyof typeof b.limits)[]) {
      if (a.limits[key] !== b.limits[key]) settingsChanged.push(`limits.${key}: ${a.limits[key]} → ${b.limits[key]}`);
    }
  }
  return { from, to, identical: from.digest !== undefined && from.digest === to.digest, triggers, settingsChanged };
}

function planTrigger(trigger: string, a: ManifestFlow | undefined, b: ManifestFlow | undefined): TriggerPlan {
  const before = new Map((a?.actions ?? []).map((x) => [x.name, x]));
  const after = new Map((b?.actions ?? []).map((x) => [x.name, x]));
  const added = [...after.values()].filter((x) => !before.has(x.name));
  const removed = [...before.values()].filter((x) => !after.has(x.name));
  const changed: ActionChange[] = [];
  const secretsAdded: { action: string; name: string }[] = [];
  const secretsRemoved: { action: string; name: string }[] = [];
  const dependencies: TriggerPlan['dependencies'][number][] = [];
  for (const x of after.values()) {
    const old = before.get(x.name);
    for (const s of x.secrets) if (!old?.secrets.includes(s)) secretsAdded.push({ action: x.name, name: s });
    for (const s of old?.secrets ?? []) if (!x.secrets.includes(s)) secretsRemoved.push({ action: x.name, name: s });
    const oldDeps = versionsByName(old?.dependencies ?? []);
    const newDeps = versionsByName(x.dependencies);
    for (const name of [...new Set([...oldDeps.keys(), ...newDeps.keys()])].sort()) {
      if (oldDeps.get(name) !== newDeps.get(name)) dependencies.push({ action: x.name, name, from: oldDeps.get(name), to: newDeps.get(name) });
    }
    if (!old) continue;
    const details: string[] = [];
    if (old.handlers.continue !== x.handlers.continue) details.push(`continue handler ${x.handlers.continue ? 'added' : 'removed'}`);
    if (old.limits.timeoutMs !== x.limits.timeoutMs) details.push(`timeout ${old.limits.timeoutMs} → ${x.limits.timeoutMs} ms`);
    if (old.limits.memoryMb !== x.limits.memoryMb) details.push(`memory ${old.limits.memoryMb} → ${x.limits.memoryMb} MiB`);
    if (old.isolation !== x.isolation) details.push(`isolation ${old.isolation} → ${x.isolation}`);
    if (old.bundle !== x.bundle || details.length > 0) {
      changed.push({ name: x.name, bundleFrom: old.bundle, bundleTo: x.bundle, sizeFrom: old.size, sizeTo: x.size, details });
    }
  }
  for (const x of removed) for (const s of x.secrets) secretsRemoved.push({ action: x.name, name: s });
  for (const x of removed) for (const [name, versions] of versionsByName(x.dependencies)) dependencies.push({ action: x.name, name, from: versions, to: undefined });
  const orderFrom = (a?.actions ?? []).map((x) => x.name);
  const orderTo = (b?.actions ?? []).map((x) => x.name);
  const common = (order: string[], other: Map<string, unknown>) => order.filter((n) => other.has(n));
  const orderChanged = common(orderFrom, after).join('\0') !== common(orderTo, before).join('\0');
  const versionChanged = a !== undefined && b !== undefined && a.version !== b.version;
  const status = !a ? 'added' : !b ? 'removed' : added.length || removed.length || changed.length || orderChanged || versionChanged ? 'changed' : 'unchanged';
  return {
    trigger, status, versionFrom: a?.version, versionTo: b?.version, orderFrom, orderTo, orderChanged,
    added, removed, changed, secretsAdded, secretsRemoved, dependencies,
    bundleBytes: (b?.actions ?? []).reduce((n, x) => n + x.size, 0), actionCount: orderTo.length,
  };
}

function describeEgress(e: Manifest['settings']['egress']): string {
  return `${e.allow ? `[${e.allow.join(', ')}]` : 'any public host'}${e.allowPrivate ? ' + private' : ''}`;
}

/** Terraform-style summary of one trigger: `1 added, 2 changed, order changed` or `no changes`. */
export function summarizeTrigger(t: TriggerPlan): string {
  if (t.status === 'added') return `new flow (${t.actionCount} action${t.actionCount === 1 ? '' : 's'})`;
  if (t.status === 'removed') return `flow removed (${t.orderFrom.length} action${t.orderFrom.length === 1 ? '' : 's'})`;
  if (t.status === 'unchanged') return 'no changes';
  const parts: string[] = [];
  if (t.added.length) parts.push(`${t.added.length} added`);
  if (t.changed.length) parts.push(`${t.changed.length} changed`);
  if (t.removed.length) parts.push(`${t.removed.length} removed`);
  if (t.orderChanged) parts.push('order changed');
  if (t.versionFrom !== t.versionTo) parts.push(`version ${t.versionFrom} → ${t.versionTo}`);
  return parts.join(', ');
}

/** Each package's bundled versions, joined (`1.0.0, 2.1.0` when a nested copy is older), by name. */
function versionsByName(deps: readonly { name: string; version: string }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of deps) out.set(d.name, out.has(d.name) ? `${out.get(d.name)}, ${d.version}` : d.version);
  return out;
}
