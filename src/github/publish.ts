import { simpleGit } from 'simple-git';
import { InternalError, type CommitSha, type Diagnostic, type Digest } from '../core/index.ts';
import { manifestReferences } from '../manifest/index.ts';
import type { Store, WritableStore } from '../store/index.ts';
import { buildCommit } from './build.ts';

export interface PublishOptions {
  /** The actions project directory inside the checkout. */
  readonly dir: string;
  /** The pushed commit (`GITHUB_SHA`). */
  readonly commit: string;
  /** The ref to move, e.g. `main` (daemons run `actuate serve --ref main`). */
  readonly refName: string;
  /** Where the build happens (a local fs store: the build cache stays valid between runs). */
  readonly buildStore: Store;
  /** The store runners read from. */
  readonly target: WritableStore;
  readonly cacheDir: string;
  readonly registry?: string | undefined;
}

export type PublishResult =
  | {
      readonly ok: true;
      readonly commit: CommitSha;
      readonly manifest: Digest;
      /** Objects the target lacked and now has (0 on a re-run, and for a revert). */
      readonly objectsUploaded: number;
      /** Where the ref pointed before (undefined on the first publish). */
      readonly previous: CommitSha | undefined;
      readonly refMoved: boolean;
      /** The store branch commit pushed, for a git store. */
      readonly pushed: string | undefined;
      readonly diagnostics: readonly Diagnostic[];
      /** Set when the ref moved to a commit that is not a descendant of the previous one. */
      readonly warning: string | undefined;
    }
  | {
      readonly ok: false;
      readonly commit: CommitSha;
      readonly diagnostics: readonly Diagnostic[];
      /** Path of the actions project in the repository, to place diagnostics. */
      readonly projectPath: string;
    };

/**
 * Publishes one commit: builds it locally, uploads the objects and the manifest the target store
 * lacks (bundles and source maps first, the manifest last), records `commits/<sha>`, then moves
 * `refs/<name>`, so a daemon following the ref never sees a commit whose objects are missing.
 * Everything goes out in one batch (one commit on a git store branch). Idempotent: a re-run finds
 * everything present and changes nothing; a revert uploads nothing and only moves the ref.
 */
export async function publishCommit(options: PublishOptions): Promise<PublishResult> {
  const { snapshot, result } = await buildCommit({ dir: options.dir, commit: options.commit, store: options.buildStore, cacheDir: options.cacheDir, registry: options.registry });
  if (!result.ok) return { ok: false, commit: result.commit, diagnostics: result.diagnostics, projectPath: snapshot.projectPath };
  const { target } = options;
  await target.refresh();
  const store = target.store;

  let uploaded = 0;
  const digests = [...new Set(manifestReferences(result.manifest).map((r) => r.digest)), result.digest];
  for (const digest of digests) {
    if (await store.has(digest)) continue;
    const bytes = await options.buildStore.get(digest);
    if (bytes === undefined) throw new InternalError(`the build of ${result.commit} did not leave ${digest} in ${options.buildStore.describe()}`);
    if ((await store.put(bytes)).written) uploaded++;
  }
  if ((await store.getCommit(result.commit)) !== result.digest) await store.setCommit(result.commit, result.digest);
  const previous = await store.getRef(options.refName);
  const refMoved = previous !== result.commit;
  if (refMoved) await store.setRef(options.refName, result.commit);
  const flushed = await target.flush(
    `publish ${result.commit.slice(0, 12)} as refs/${options.refName}\n\nmanifest ${result.digest}\nobjects uploaded: ${uploaded}\n`,
  );
  const warning = previous !== undefined && refMoved && !(await isAncestor(options.dir, previous, result.commit))
    ? `refs/${options.refName} moved from ${previous.slice(0, 12)} to ${result.commit.slice(0, 12)}, which does not contain it (a force push, or publishes out of order); use a concurrency group so publishes run in push order`
    : undefined;
  return {
    ok: true,
    commit: result.commit,
    manifest: result.digest,
    objectsUploaded: uploaded,
    previous,
    refMoved,
    pushed: flushed.detail,
    diagnostics: result.diagnostics,
    warning,
  };
}

/** True when `older` is an ancestor of `newer`, or when the checkout cannot tell (shallow history). */
async function isAncestor(dir: string, older: string, newer: string): Promise<boolean> {
  const git = simpleGit(dir);
  const known = await git.raw(['cat-file', '-e', `${older}^{commit}`]).then(() => true, () => false);
  if (!known) return true;
  return git.raw(['merge-base', '--is-ancestor', older, newer]).then(() => true, () => false);
}
