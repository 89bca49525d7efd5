import { IntegrityError, InternalError, UsageError } from '../core/index.ts';
import type { CommitSha, Digest } from '../core/index.ts';
import type { Store, StoreReader } from '../store/types.ts';
import { checkManifest } from './check.ts';
import { formatProblems, parseManifest } from './parse.ts';
import { manifestReferences } from './references.ts';
import type { Manifest } from './schema.ts';
import { serializeManifest } from './serialize.ts';

/** A manifest together with the digest it was read under, which the daemon reports as its version. */
export interface LoadedManifest {
  readonly digest: Digest;
  readonly manifest: Manifest;
}

/**
 * Stores a manifest and records it as the build of `commit`. Checks first that the
 * manifest is valid and that every bundle and source map it references is already in the store,
 * so a reader that finds the commit entry can always load all of it.
 *
 * @returns the manifest digest.
 * @throws InternalError when the manifest is invalid or references a missing object: the builder
 * produced or published it wrongly, which is a bug, not a problem in the user's repository.
 */
export async function writeManifest(store: Store, commit: CommitSha, manifest: Manifest): Promise<Digest> {
  const source = `for commit ${commit}`;
  const check = checkManifest(manifest, source);
  if (!check.ok) throw new InternalError(`refusing to write an invalid ${formatProblems(source, check.diagnostics)}`);
  for (const ref of manifestReferences(manifest)) {
    if (!(await store.has(ref.digest))) {
      throw new InternalError(
        `refusing to write the manifest for commit ${commit}: the ${ref.kind} of action "${ref.action}" ` +
          `(${ref.trigger}), ${ref.digest}, is not in ${store.describe()}; put objects before the manifest that names them`,
      );
    }
  }
  const { digest } = await store.put(serializeManifest(manifest));
  await store.setCommit(commit, digest);
  return digest;
}

/**
 * Loads and validates the manifest built for a commit.
 *
 * @throws UsageError when the store has no build of that commit (with a hint to build or publish it);
 * IntegrityError when the recorded manifest is missing, corrupt or invalid.
 */
export async function readManifest(store: StoreReader, commit: CommitSha): Promise<LoadedManifest> {
  const digest = await store.getCommit(commit);
  if (digest === undefined) {
    throw new UsageError(
      `${store.describe()} has no manifest for commit ${commit}`,
      'build and publish that commit first (`actuate build`), or check the commit sha and the store location',
    );
  }
  const bytes = await store.get(digest);
  if (bytes === undefined) {
    throw new IntegrityError(
      `${store.describe()} records manifest ${digest} for commit ${commit}, but that object is missing; publish the commit again`,
    );
  }
  const manifest = parseManifest(bytes, `${digest} in ${store.describe()}`);
  return { digest, manifest };
}

/**
 * Loads and validates a manifest by its digest (e.g. one named in a plan or a deployment record).
 *
 * @throws UsageError when no such object exists; IntegrityError when it is corrupt or not a valid manifest.
 */
export async function readManifestByDigest(store: StoreReader, digest: Digest): Promise<Manifest> {
  const bytes = await store.get(digest);
  if (bytes === undefined) {
    throw new UsageError(`${store.describe()} has no object ${digest}`, 'check the digest and the store location');
  }
  return parseManifest(bytes, `${digest} in ${store.describe()}`);
}
