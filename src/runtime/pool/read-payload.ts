import { randomBytes } from 'node:crypto';
import { IntegrityError, UsageError, digestOf, parseCommitSha, createDiagnostic, type CommitSha, type Diagnostic, type Digest } from '../../core/index.ts';
import { manifestReferences, parseManifest, type Manifest } from '../../manifest/index.ts';
import type { StoreReader } from '../../store/index.ts';
import type { DeploymentOptions } from '../deployment.ts';
import { resolveSecrets } from '../secrets.ts';
import type { DeploymentPayload } from './protocol.ts';

/** The verified bytes and resolved secrets of a deployment, or why the repository or environment cannot provide them. */
export type ReadPayloadResult =
  | { readonly ok: true; readonly manifest: Manifest; readonly payload: DeploymentPayload }
  | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/**
 * Reads a manifest and every object it names from the store in the main thread, verifies each
 * against its digest and resolves the secrets, so workers never touch the store or the environment
 * (and every worker loads the same verified bytes). Problems of the repository or environment are
 * diagnostics; an unknown commit is a UsageError and a corrupt store an IntegrityError, exactly as
 * `loadDeployment` reports them.
 */
export async function readDeploymentPayload(store: StoreReader, target: { commit: string } | { digest: Digest }, options: DeploymentOptions): Promise<ReadPayloadResult> {
  if (options.module !== undefined) {
    throw new UsageError('the worker pool gives each worker its own QuickJS module; do not pass DeploymentOptions.module');
  }
  let commit: CommitSha | undefined;
  let digest: Digest;
  if ('commit' in target) {
    commit = parseCommitSha(target.commit);
    if (!commit) return fail(`"${target.commit}" is not a full commit sha`, 'Pass the 40-character sha (git rev-parse <rev>).');
    const d = await store.getCommit(commit);
    if (d === undefined) {
      throw new UsageError(`${store.describe()} has no manifest for commit ${commit}`, 'build and publish that commit first (`actuate build`), or check the commit sha and the store location');
    }
    digest = d;
  } else {
    digest = target.digest;
  }
  const objects = new Map<Digest, Uint8Array>();
  if (commit === undefined && !(await store.has(digest))) {
    throw new UsageError(`${store.describe()} has no object ${digest}`, 'check the digest and the store location');
  }
  const manifestBytes = await mustGet(store, digest, commit ? `the manifest of commit ${commit}` : 'the manifest');
  objects.set(digest, manifestBytes);
  const manifest = parseManifest(manifestBytes, `${digest} in ${store.describe()}`);
  for (const ref of manifestReferences(manifest)) {
    if (objects.has(ref.digest)) continue;
    objects.set(ref.digest, await mustGet(store, ref.digest, `the ${ref.kind} of action "${ref.action}" (${ref.trigger})`));
  }
  const { values, diagnostics } = resolveSecrets(manifest, options.secrets ?? {});
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  return {
    ok: true,
    manifest,
    payload: {
      digest,
      commit,
      objects: [...objects],
      secrets: Object.fromEntries(values),
      continuationSecret: options.continuationSecret ?? randomBytes(32),
      continuationTtlSeconds: options.continuationTtlSeconds,
      sandboxLimits: options.sandboxLimits,
      maxInvocationsPerContext: options.maxInvocationsPerContext,
    },
  };
}

/** Reads and verifies one object; a missing or corrupt one means the store is broken. */
async function mustGet(store: StoreReader, digest: Digest, what: string): Promise<Uint8Array> {
  const bytes = await store.get(digest);
  if (bytes === undefined) throw new IntegrityError(`${store.describe()} is missing object ${digest}, ${what}; publish the commit again`);
  const actual = digestOf(bytes);
  if (actual !== digest) throw new IntegrityError(`object ${digest} (${what}) in ${store.describe()} is corrupt: its bytes hash to ${actual}`);
  return bytes;
}

function fail(message: string, hint: string): ReadPayloadResult {
  return { ok: false, diagnostics: [createDiagnostic({ code: 'E_DEPLOYMENT', severity: 'error', message, hint })] };
}
