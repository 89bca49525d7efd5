import { randomBytes } from 'node:crypto';
import type { ValidateFunction } from 'ajv';
import { IntegrityError, createDiagnostic, parseCommitSha, type CommitSha, type Diagnostic, type Digest } from '../core/index.ts';
import { readManifest, readManifestByDigest, type Manifest, type ManifestAction } from '../manifest/index.ts';
import type { StoreReader } from '../store/index.ts';
import { getTrigger, type TriggerDefinition } from '../triggers/index.ts';
import { ActionPool, DEFAULT_MAX_INVOCATIONS } from './action-pool.ts';
import { createApiCache, type ApiCache } from './api/index.ts';
import { compileEventValidator } from './event-validation.ts';
import { createSandboxModule, toGuestApiShape, type GuestApiSpec, type HostFetch, type SandboxLimits, type SandboxModule } from './sandbox/index.ts';
import { createRedactor, resolveSecrets, type SecretSources } from './secrets.ts';
import { createStackMapper } from './source-map.ts';

export interface DeploymentOptions {
  readonly secrets?: SecretSources;
  /** The QuickJS module to load into (one per repository); a new one is created when absent. */
  readonly module?: SandboxModule;
  readonly sandboxLimits?: Partial<SandboxLimits>;
  readonly maxInvocationsPerContext?: number;
  /** Key that signs continuation states; share it between replicas so any of them can resume. */
  readonly continuationSecret?: Uint8Array;
  /** How long a redirected flow may wait for the user, in seconds. Default 900. */
  readonly continuationTtlSeconds?: number;
  /**
   * Replaces the sandbox's outbound HTTP entirely (the egress policy then does not apply): for local
   * runs against stub providers and for tests. Production leaves it unset.
   */
  readonly fetch?: HostFetch;
}

/** One action ready to run: its pool of loaded sandboxes, secrets and source map. */
export interface LoadedAction {
  readonly meta: ManifestAction;
  readonly pool: ActionPool;
  readonly secrets: Readonly<Record<string, string>>;
  /** `secrets` as JSON, serialised once at load (spliced into each execution's event). */
  readonly secretsJson: string;
  readonly redact: (text: string) => string;
  /**
   * Maps sandbox stack frames (in the bundle) to the user's files and redacts secrets: for errors,
   * and for console lines, since a logged error prints its stack too.
   */
  readonly mapStack: (text: string) => string;
}

export interface LoadedFlow {
  readonly trigger: TriggerDefinition;
  readonly actions: readonly LoadedAction[];
  readonly validateEvent: ValidateFunction;
  readonly cache: ApiCache;
  readonly api: { readonly execute: GuestApiSpec; readonly continue: GuestApiSpec };
}

/**
 * A manifest made runnable: every object verified against its digest, every declared secret present,
 * and every action's sandbox loaded before the first request. Immutable once loaded; a new commit is
 * a new Deployment (the daemon switches between them atomically).
 */
export class Deployment {
  readonly digest: Digest;
  readonly commit: CommitSha | undefined;
  readonly manifest: Manifest;
  readonly flows: ReadonlyMap<string, LoadedFlow>;
  readonly module: SandboxModule;
  readonly continuationSecret: Uint8Array;
  readonly continuationTtlSeconds: number;

  constructor(init: Pick<Deployment, 'digest' | 'commit' | 'manifest' | 'flows' | 'module' | 'continuationSecret' | 'continuationTtlSeconds'>) {
    this.digest = init.digest;
    this.commit = init.commit;
    this.manifest = init.manifest;
    this.flows = init.flows;
    this.module = init.module;
    this.continuationSecret = init.continuationSecret;
    this.continuationTtlSeconds = init.continuationTtlSeconds;
  }

  /** Disposes every idle sandbox; executions in flight finish and then release theirs. */
  close(): void {
    for (const flow of this.flows.values()) for (const a of flow.actions) a.pool.close();
  }
}

export type LoadDeploymentResult = { readonly ok: true; readonly deployment: Deployment } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/**
 * Loads the manifest of a commit (or a manifest digest) from a store, verifies and preloads every
 * action. Problems that are the repository's or the environment's (a missing secret, an action whose
 * top level throws) are diagnostics; a corrupt store throws IntegrityError.
 */
export async function loadDeployment(store: StoreReader, target: { commit: string } | { digest: Digest }, options: DeploymentOptions = {}): Promise<LoadDeploymentResult> {
  let manifest: Manifest;
  let digest: Digest;
  let commit: CommitSha | undefined;
  if ('commit' in target) {
    commit = parseCommitSha(target.commit);
    if (!commit) return fail(`"${target.commit}" is not a full commit sha`, 'Pass the 40-character sha (git rev-parse <rev>).');
    ({ manifest, digest } = await readManifest(store, commit));
  } else {
    digest = target.digest;
    manifest = await readManifestByDigest(store, digest);
  }
  const { values: secrets, diagnostics } = resolveSecrets(manifest, options.secrets ?? {});
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  const module = options.module ?? (await createSandboxModule());
  const egress = { ...(manifest.settings.egress.allow ? { allow: manifest.settings.egress.allow } : {}), allowPrivate: manifest.settings.egress.allowPrivate };
  const flows = new Map<string, LoadedFlow>();
  const problems: Diagnostic[] = [];
  const pools: ActionPool[] = [];
  for (const [triggerId, flow] of Object.entries(manifest.flows)) {
    const def = getTrigger(triggerId, flow.version);
    if (!def) {
      problems.push(createDiagnostic({ code: 'E_UNKNOWN_TRIGGER', severity: 'error', message: `the manifest has a flow for ${triggerId}@${flow.version}, which this runner does not support`, hint: 'Upgrade the runner to the version that built the manifest.' }));
      continue;
    }
    const actions: LoadedAction[] = [];
    for (const meta of flow.actions) {
      const bundle = new TextDecoder().decode(await mustGet(store, meta.bundle));
      const sourceMap = new TextDecoder().decode(await mustGet(store, meta.sourceMap));
      const filename = `bundle:${meta.name}.js`;
      const pool = new ActionPool({
        module, action: meta, bundle, filename, egress, fetch: options.fetch, maxInvocations: options.maxInvocationsPerContext ?? DEFAULT_MAX_INVOCATIONS,
        limits: { memoryBytes: meta.limits.memoryMb * 1024 * 1024, wallMs: meta.limits.timeoutMs, cpuMs: meta.limits.timeoutMs, ...options.sandboxLimits },
      });
      pools.push(pool);
      const own = secrets.get(meta.name) ?? {};
      const redact = createRedactor(own);
      const mapper = createStackMapper(filename, sourceMap);
      const loaded = await pool.preload();
      if (!loaded.ok) {
        problems.push(createDiagnostic({
          code: 'E_ACTION_LOAD', severity: 'error',
          message: `action "${meta.name}" (${triggerId}) failed to load: ${redact(mapper(loaded.error.stack))}`,
          hint: 'The top level of the module threw or ran out of budget; fix it and build again.',
        }));
      }
      actions.push({ meta, pool, secrets: own, secretsJson: JSON.stringify(own), redact, mapStack: (s) => redact(mapper(s)) });
    }
    const shape = toGuestApiShape(def.api);
    flows.set(triggerId, {
      trigger: def, actions, validateEvent: compileEventValidator(def), cache: createApiCache(),
      api: { execute: { key: `${triggerId}@${def.version}#execute`, shape }, continue: { key: `${triggerId}@${def.version}#continue`, shape } },
    });
  }
  if (problems.length > 0) {
    for (const p of pools) p.close();
    return { ok: false, diagnostics: problems };
  }
  return {
    ok: true,
    deployment: new Deployment({
      digest, commit, manifest, flows, module,
      continuationSecret: options.continuationSecret ?? randomBytes(32),
      continuationTtlSeconds: options.continuationTtlSeconds ?? 900,
    }),
  };
}

async function mustGet(store: StoreReader, digest: Digest): Promise<Uint8Array> {
  const bytes = await store.get(digest);
  if (!bytes) throw new IntegrityError(`${store.describe()} is missing object ${digest} named by the manifest; publish the commit again`);
  return bytes;
}

function fail(message: string, hint: string): LoadDeploymentResult {
  return { ok: false, diagnostics: [createDiagnostic({ code: 'E_DEPLOYMENT', severity: 'error', message, hint })] };
}
