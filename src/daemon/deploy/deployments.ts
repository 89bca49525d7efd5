import { IntegrityError, UsageError, createDiagnostic, parseCommitSha, type CommitSha, type Diagnostic, type Digest } from '../../core/index.ts';
import type { DeploymentHandle, DeploymentOptions, FlowExecutor } from '../../runtime/index.ts';
import type { StoreReader } from '../../store/index.ts';

/** A loaded version the daemon serves or served. */
export interface ServedVersion {
  readonly handle: DeploymentHandle;
  readonly commit: CommitSha;
  /** Epoch ms when it started serving. */
  readonly servingSince: number;
  /** How long the deploy took: a load (verify and preload), or a switch to a version already loaded. */
  readonly loadMs: number;
  /** `loaded` fresh from the store; `standby`: a recently replaced version still loaded (a rollback); `same-manifest`: the commit builds to the manifest already served. */
  readonly source: 'loaded' | 'standby' | 'same-manifest';
  readonly reason: DeployReason;
}

/** Why a version was loaded: start-up, a ref move, an admin call, or a reload (SIGHUP). */
export type DeployReason = 'start' | 'ref' | 'admin' | 'reload';

/** A version held by one execution; `release` once the execution ended (the version is unloaded after its last release). */
export interface Lease {
  readonly version: ServedVersion;
  release(): void;
}

export type DeployOutcome =
  | { readonly ok: true; readonly version: ServedVersion; readonly previous: ServedVersion | undefined; readonly unchanged: boolean }
  | { readonly ok: false; readonly commit: string; readonly diagnostics: readonly Diagnostic[]; readonly loadMs: number };

/** The last deploy attempt, for `/v1/status`. */
export interface DeployReport {
  readonly commit: string;
  readonly reason: DeployReason;
  readonly ok: boolean;
  readonly at: number;
  readonly loadMs: number;
  readonly source?: ServedVersion['source'];
  readonly diagnostics?: readonly Diagnostic[];
}

export interface DeploymentsOptions {
  readonly executor: FlowExecutor;
  readonly store: StoreReader;
  /** Read at every load, so a reload picks up a changed secrets file. */
  readonly loadOptions: () => Promise<DeploymentOptions>;
  /** Replaced versions kept loaded for an instant rollback (default 1; 0 unloads each as soon as it drains). */
  readonly standby?: number;
  readonly onDeploy?: (outcome: DeployOutcome, reason: DeployReason) => void;
  readonly now?: () => number;
}

/** One loaded manifest in the executor, and how many executions hold it. */
interface Loaded {
  readonly handle: DeploymentHandle;
  inflight: number;
  /** Serving, kept warm as a standby, or replaced and unloaded when its last execution ends. */
  state: 'current' | 'standby' | 'draining';
}

/**
 * The version the daemon serves, switched atomically. A deploy loads, verifies and preloads the new
 * commit through the executor while the old one keeps serving; only a complete load replaces it, in
 * one assignment. Executions lease the version they start on and finish on it. The replaced version
 * stays loaded as a standby (so rolling back, e.g. a published revert, is a switch, not a load);
 * older ones are unloaded when their last execution releases them. Deploys run one at a time.
 */
export class Deployments {
  readonly #o: DeploymentsOptions;
  readonly #now: () => number;
  readonly #standbyMax: number;
  #standby: Loaded[] = [];
  readonly #draining = new Set<Loaded>();
  #current: { loaded: Loaded; version: ServedVersion } | undefined;
  #chain: Promise<unknown> = Promise.resolve();
  #last: DeployReport | undefined;
  #drained: (() => void) | undefined;

  constructor(options: DeploymentsOptions) {
    this.#o = options;
    this.#now = options.now ?? Date.now;
    this.#standbyMax = options.standby ?? 1;
  }

  get current(): ServedVersion | undefined {
    return this.#current?.version;
  }

  get lastDeploy(): DeployReport | undefined {
    return this.#last;
  }

  /** Replaced versions kept loaded for a rollback. */
  get standby(): number {
    return this.#standby.length;
  }

  /** Replaced versions still finishing executions. */
  get draining(): number {
    return this.#draining.size;
  }

  /** The serving version, held until `release`; undefined before the first deploy. */
  acquire(): Lease | undefined {
    const cur = this.#current;
    if (!cur) return undefined;
    const loaded = cur.loaded;
    loaded.inflight++;
    let released = false;
    return {
      version: cur.version,
      release: () => {
        if (released) return;
        released = true;
        loaded.inflight--;
        if (loaded.state === 'draining' && loaded.inflight === 0) this.#unload(loaded);
      },
    };
  }

  /**
   * Switches to `commit` (a full sha, or an unambiguous prefix of a commit built in the store).
   * Redeploying the commit being served does nothing unless `force`, which also loads afresh what
   * would otherwise be reused (a reload re-reads secrets). A failed load leaves the serving version
   * untouched and says why.
   */
  deploy(commit: string, reason: DeployReason, options: { force?: boolean } = {}): Promise<DeployOutcome> {
    const run = this.#chain.then(() => this.#deploy(commit, reason, options.force ?? false));
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** Waits (up to `timeoutMs`) for executions on every version to finish, then unloads them all. */
  async close(timeoutMs: number): Promise<void> {
    await this.#chain;
    if (this.#current) this.#retire(this.#current.loaded);
    this.#current = undefined;
    for (const l of this.#standby.splice(0)) this.#retire(l);
    if (this.#draining.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.#drained = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    for (const l of [...this.#draining]) this.#unload(l);
  }

  async #deploy(target: string, reason: DeployReason, force: boolean): Promise<DeployOutcome> {
    const t0 = performance.now();
    const failed = (commit: string, diagnostics: Diagnostic[]): DeployOutcome => {
      const outcome = { ok: false, commit, diagnostics, loadMs: elapsed(t0) } as const;
      this.#last = { commit, reason, ok: false, at: this.#now(), loadMs: outcome.loadMs, diagnostics };
      this.#o.onDeploy?.(outcome, reason);
      return outcome;
    };
    let commit: CommitSha;
    let digest: Digest | undefined;
    try {
      const resolved = await resolveCommit(this.#o.store, target);
      if (!resolved.ok) return failed(target, [resolved.diagnostic]);
      commit = resolved.commit;
      digest = await this.#o.store.getCommit(commit);
    } catch (e) {
      return failed(target, [fromError(e, target)]);
    }
    if (!digest) return failed(commit, [deployDiagnostic('E_DEPLOY_NOT_BUILT', `${this.#o.store.describe()} has no build of commit ${commit}`, 'build and publish that commit first (`actuate build`), or check the sha')]);
    const serving = this.#current;
    if (!force && serving && serving.version.commit === commit) {
      return { ok: true, version: serving.version, previous: serving.version, unchanged: true };
    }
    let loaded: Loaded | undefined;
    let source: ServedVersion['source'] = 'loaded';
    if (!force && serving?.loaded.handle.digest === digest) {
      loaded = serving.loaded;
      source = 'same-manifest';
    } else if (!force) {
      const i = this.#standby.findIndex((l) => l.handle.digest === digest);
      if (i >= 0) {
        loaded = this.#standby.splice(i, 1)[0]!;
        source = 'standby';
      }
    }
    if (!loaded) {
      try {
        const r = await this.#o.executor.load(this.#o.store, { commit }, await this.#o.loadOptions());
        if (!r.ok) return failed(commit, r.diagnostics);
        loaded = { handle: r.handle, inflight: 0, state: 'current' };
      } catch (e) {
        return failed(commit, [fromError(e, commit)]);
      }
    }
    const version: ServedVersion = { handle: loaded.handle, commit, servingSince: this.#now(), loadMs: elapsed(t0), source, reason };
    loaded.state = 'current';
    this.#current = { loaded, version }; // the switch: every acquire from here on gets the new version
    const old = serving?.loaded;
    if (old && old !== loaded) {
      if (force) {
        this.#retire(old);
        for (const l of this.#standby.splice(0)) this.#retire(l);
      } else {
        old.state = 'standby';
        this.#standby.unshift(old);
        for (const l of this.#standby.splice(this.#standbyMax)) this.#retire(l);
      }
    }
    this.#last = { commit, reason, ok: true, at: version.servingSince, loadMs: version.loadMs, source };
    const outcome = { ok: true, version, previous: serving?.version, unchanged: false } as const;
    this.#o.onDeploy?.(outcome, reason);
    return outcome;
  }

  #retire(l: Loaded): void {
    l.state = 'draining';
    this.#draining.add(l);
    if (l.inflight === 0) this.#unload(l);
  }

  #unload(l: Loaded): void {
    if (!this.#draining.delete(l)) return;
    this.#o.executor.unload(l.handle);
    if (this.#draining.size === 0 && this.#drained) this.#drained();
  }
}

/** A full sha as is; a prefix of 7+ hex digits when exactly one built commit of the store starts with it. */
async function resolveCommit(store: StoreReader, target: string): Promise<{ ok: true; commit: CommitSha } | { ok: false; diagnostic: Diagnostic }> {
  const t = target.trim().toLowerCase();
  const full = parseCommitSha(t);
  if (full) return { ok: true, commit: full };
  if (!/^[0-9a-f]{7,39}$/.test(t)) {
    return { ok: false, diagnostic: deployDiagnostic('E_DEPLOY_COMMIT', `"${target}" is not a commit sha`, 'pass the commit sha (40 hex digits, or an unambiguous prefix of at least 7)') };
  }
  const matches = (await store.listCommits()).filter((c) => c.startsWith(t));
  if (matches.length === 1) return { ok: true, commit: matches[0]! };
  return {
    ok: false,
    diagnostic: matches.length === 0
      ? deployDiagnostic('E_DEPLOY_NOT_BUILT', `${store.describe()} has no build of a commit starting with ${t}`, 'build and publish that commit first (`actuate build`), or check the sha')
      : deployDiagnostic('E_DEPLOY_COMMIT', `"${target}" matches ${matches.length} built commits`, 'pass more digits of the sha'),
  };
}

function fromError(e: unknown, commit: string): Diagnostic {
  if (e instanceof UsageError) return deployDiagnostic('E_DEPLOY_NOT_BUILT', e.message, e.hint);
  if (e instanceof IntegrityError) return deployDiagnostic('E_STORE_INTEGRITY', e.message, 'run `actuate store verify` on the store and publish the commit again');
  return deployDiagnostic('E_DEPLOY_FAILED', `loading ${commit} failed: ${(e as Error)?.message ?? String(e)}`, 'the store may be unreachable; the daemon keeps serving the previous version');
}

function deployDiagnostic(code: string, message: string, hint?: string): Diagnostic {
  return createDiagnostic({ code, severity: 'error', message, ...(hint ? { hint } : {}) });
}

function elapsed(t0: number): number {
  return Math.round((performance.now() - t0) * 10) / 10;
}
