import { canonicalJson, digestOf, hasErrors, sortDiagnostics, type CommitSha, type Diagnostic, type Digest } from '../core/index.ts';
import { serializeManifest, writeManifest, type Manifest, type ManifestAction, type ManifestDependency } from '../manifest/index.ts';
import type { RepoSnapshot } from '../repo/index.ts';
import type { Store } from '../store/index.ts';
import { triggerKey } from '../triggers/index.ts';
import { BuildCache, type CachedAction } from './build-cache.ts';
import { bundleAction, bundlerFingerprint, installDependencies } from './bundle/index.ts';
import { SANDBOX_IMPORT_RULES } from './builtins.ts';
import { loadProject } from './load-project.ts';
import type { Project, ProjectAction } from './project.ts';
import { TOOLCHAIN } from './toolchain.ts';
import { actionEventReads, actionGraphs, typecheckProject, type ActionGraph } from './typecheck/index.ts';

export interface CompileOptions {
  /** The project at a commit (a manifest is always the build of a commit). */
  readonly snapshot: RepoSnapshot & { readonly commit: CommitSha; readonly tree: string };
  readonly store: Store;
  /** Local cache directory for installed npm dependencies and per-action build results. */
  readonly cacheDir: string;
  /** npm registry URL (default: npm's configured registry). */
  readonly registry?: string | undefined;
}

export interface BuiltAction {
  readonly name: string;
  readonly trigger: string;
  readonly size: number;
  readonly bundle: Digest;
  /** True when the cache had this action's build: it was neither type-checked nor bundled. */
  readonly reused: boolean;
}

export type CompileResult =
  | { readonly ok: true; readonly commit: CommitSha; readonly digest: Digest; readonly manifest: Manifest; readonly actions: readonly BuiltAction[]; readonly objectsWritten: number; readonly diagnostics: Diagnostic[] }
  | { readonly ok: false; readonly commit: CommitSha; readonly diagnostics: Diagnostic[] };

/**
 * Builds one commit: check, type-check, bundle every action, write content-addressed objects, then the
 * manifest and `commits/<sha>`. Unchanged actions (same input key) come from the build cache. A build
 * with errors writes no manifest. The same commit always yields the same bytes.
 */
export async function compileCommit(options: CompileOptions): Promise<CompileResult> {
  const { snapshot, store } = options;
  const cache = new BuildCache(options.cacheDir);
  const { project, diagnostics } = loadProject(snapshot);
  const graphs = actionGraphs(project, SANDBOX_IMPORT_RULES);
  const fingerprint = await bundlerFingerprint();
  const keys = new Map<string, Digest>();
  const cached = new Map<string, CachedAction>();
  for (const action of project.actions.values()) {
    const key = inputKey(project, action, graphs.get(action.name)!, options.registry, fingerprint);
    keys.set(action.name, key);
    const hit = await cache.get(key);
    if (hit && (await store.has(hit.bundle)) && (await store.has(hit.sourceMap))) cached.set(action.name, hit);
  }
  const toBuild = new Set([...project.actions.keys()].filter((n) => !cached.has(n)));
  diagnostics.push(...typecheckProject(project, { imports: SANDBOX_IMPORT_RULES, only: toBuild }, graphs));
  for (const hit of cached.values()) diagnostics.push(...hit.diagnostics);
  if (hasErrors(diagnostics)) return { ok: false, commit: snapshot.commit, diagnostics: sortDiagnostics(diagnostics) };

  let objectsWritten = 0;
  for (const name of toBuild) {
    const action = project.actions.get(name)!;
    const built = await buildAction(project, action, options);
    diagnostics.push(...built.diagnostics);
    if (!built.value) continue;
    const bundle = await store.put(new TextEncoder().encode(built.value.code));
    const map = await store.put(new TextEncoder().encode(built.value.map));
    objectsWritten += Number(bundle.written) + Number(map.written);
    const entry: CachedAction = {
      bundle: bundle.digest, sourceMap: map.digest, size: built.value.size, dependencies: built.value.dependencies,
      continueHandler: hasContinueHandler(project, action), diagnostics: built.diagnostics.filter((d) => d.severity !== 'error'),
      ...withEventReads(actionEventReads(project, action)),
    };
    cached.set(name, entry);
    await cache.set(keys.get(name)!, entry);
  }
  if (hasErrors(diagnostics)) return { ok: false, commit: snapshot.commit, diagnostics: sortDiagnostics(diagnostics) };

  const manifest = createManifest(project, snapshot.tree, cached);
  const manifestIsNew = !(await store.has(digestOf(serializeManifest(manifest))));
  const digest = await writeManifest(store, snapshot.commit, manifest);
  objectsWritten += Number(manifestIsNew);
  const actions = project.flows.flatMap((f) =>
    f.entries.map((e) => {
      const c = cached.get(e.name)!;
      return { name: e.name, trigger: f.triggerId, size: c.size, bundle: c.bundle, reused: !toBuild.has(e.name) };
    }),
  );
  return { ok: true, commit: snapshot.commit, digest, manifest, actions, objectsWritten, diagnostics: sortDiagnostics(diagnostics) };
}

async function buildAction(project: Project, action: ProjectAction, options: CompileOptions) {
  const declared = action.meta.dependencies ?? {};
  let deps;
  if (Object.keys(declared).length > 0) {
    const installed = await installDependencies(declared, { cacheDir: `${options.cacheDir}/deps`, registry: options.registry });
    if (!installed.ok) return { value: undefined, diagnostics: installed.diagnostics.map((d) => ({ ...d, file: d.file ?? action.metaFile })) };
    deps = installed.value;
  }
  const r = await bundleAction({
    name: action.name, files: project.snapshot.files, entry: action.entry, dependencies: declared, deps,
    warnBytes: project.config.limits.bundleWarnBytes,
  });
  if (!r.ok) return { value: undefined, diagnostics: r.diagnostics };
  const diagnostics = [...r.diagnostics];
  if (r.size > project.config.limits.bundleMaxBytes) {
    diagnostics.push({ code: 'E_BUNDLE_TOO_LARGE', severity: 'error', file: action.entry, line: 1, column: 1, message: `the bundle of "${action.name}" is ${r.size} bytes; the limit is ${project.config.limits.bundleMaxBytes}`, hint: 'Drop large dependencies, or raise limits.bundleMaxBytes in actuate.json (large bundles load slowly in the sandbox).' });
    return { value: undefined, diagnostics };
  }
  const dependencies: ManifestDependency[] = (deps?.resolved ?? []).map((d) => ({ name: d.name, version: d.version, integrity: d.integrity }));
  return { value: { code: r.code, map: r.map, size: r.size, dependencies }, diagnostics };
}

/** The digest of everything that determines an action's check result and bundle. */
function inputKey(project: Project, action: ProjectAction, graph: ActionGraph, registry: string | undefined, bundler: string): Digest {
  const files = Object.fromEntries(graph.files.map((f) => [f, digestOf(project.snapshot.files.get(f) ?? '')]));
  const { limits } = project.config;
  return digestOf(canonicalJson({
    v: 3, toolchain: TOOLCHAIN, bundler, trigger: triggerKey(action.trigger), name: action.name, entry: action.entry,
    meta: action.meta, files, registry: registry ?? null, bundle: { warn: limits.bundleWarnBytes, max: limits.bundleMaxBytes },
  }));
}

function withEventReads(reads: readonly string[] | undefined): { eventReads?: string[] } {
  return reads === undefined ? {} : { eventReads: [...reads] };
}

function hasContinueHandler(project: Project, action: ProjectAction): boolean {
  const name = action.trigger.handlers.continue;
  return name !== undefined && new RegExp(`\\b${name}\\b`).test(project.snapshot.files.get(action.entry) ?? '');
}

function createManifest(project: Project, tree: string, built: ReadonlyMap<string, CachedAction>): Manifest {
  const { limits, egress } = project.config;
  const flows: Manifest['flows'] = {};
  for (const flow of project.flows) {
    if (!flow.trigger) continue;
    const actions: ManifestAction[] = flow.entries.map((e) => {
      const action = project.actions.get(e.name)!;
      const b = built.get(e.name)!;
      const handlers = { execute: action.trigger.handlers.execute, ...(b.continueHandler ? { continue: action.trigger.handlers.continue! } : {}) };
      return {
        name: e.name, bundle: b.bundle, sourceMap: b.sourceMap, size: b.size, handlers,
        secrets: [...(action.meta.secrets ?? [])].sort(), dependencies: [...b.dependencies].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.version < y.version ? -1 : x.version > y.version ? 1 : 0)),
        limits: { timeoutMs: Math.min(action.meta.limits?.timeoutMs ?? limits.actionTimeoutMs, limits.flowTimeoutMs), memoryMb: action.meta.limits?.memoryMb ?? limits.memoryMb },
        ...withEventReads(b.eventReads),
        isolation: action.meta.isolation ?? 'warm',
      };
    });
    flows[flow.triggerId] = { version: flow.trigger.version, mode: flow.trigger.mode, actions };
  }
  return {
    manifestVersion: 1, tree, toolchain: TOOLCHAIN,
    settings: { egress: { ...(egress.allow ? { allow: [...egress.allow] } : {}), allowPrivate: egress.allowPrivate }, limits: { ...limits } },
    flows,
  };
}
