import { compileCommit, type CompileResult } from '../compile/index.ts';
import { UsageError, type CommitSha } from '../core/index.ts';
import { readRepo, type RepoSnapshot } from '../repo/index.ts';
import type { Store } from '../store/index.ts';

export interface BuildCommitOptions {
  /** The actions project directory inside the checkout. */
  readonly dir: string;
  /** Commit-ish; it must be in the checkout (`fetch-depth: 0` for pull requests). */
  readonly commit: string;
  /** Where bundles and the manifest are written (a local store; publishing copies from it). */
  readonly store: Store;
  readonly cacheDir: string;
  readonly registry?: string | undefined;
}

/** A commit read from git and compiled. */
export interface BuiltCommit {
  readonly snapshot: RepoSnapshot;
  readonly result: CompileResult;
}

/**
 * Reads the project at a commit (git objects, never the working tree) and compiles it: the one
 * build step plan and publish share, so a plan shows exactly the bytes a merge would publish.
 * @throws UsageError when the commit is not in the checkout, naming the fix.
 */
export async function buildCommit(options: BuildCommitOptions): Promise<BuiltCommit> {
  let snapshot: RepoSnapshot;
  try {
    snapshot = await readRepo({ dir: options.dir, commit: options.commit });
  } catch (error) {
    if (error instanceof UsageError && /unknown revision/.test(error.message)) {
      throw new UsageError(
        `${error.message}: the checkout does not contain commit ${options.commit}`,
        'check out with history so both sides of the pull request are present: actions/checkout with `fetch-depth: 0`',
        { cause: error },
      );
    }
    throw error;
  }
  const commit = snapshot.commit as CommitSha;
  const result = await compileCommit({
    snapshot: { ...snapshot, commit, tree: snapshot.tree ?? '' },
    store: options.store,
    cacheDir: options.cacheDir,
    registry: options.registry,
  });
  return { snapshot, result };
}
