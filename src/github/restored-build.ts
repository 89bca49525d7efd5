import { simpleGit } from 'simple-git';
import { UsageError, type CommitSha, type Digest } from '../core/index.ts';
import type { StoreReader } from '../store/index.ts';

/** An earlier commit whose build a pull request brings back. */
export interface RestoredBuild {
  readonly commit: CommitSha;
  readonly digest: Digest;
}

export interface FindRestoredOptions {
  /** The manifest digest the pull request's head builds. */
  readonly digest: Digest;
  /** Commits that do not count (the two sides of the plan). */
  readonly exclude: ReadonlySet<string>;
  /** Stores that may know earlier builds: the published store, the local one. Unlistable ones are skipped. */
  readonly stores: readonly StoreReader[];
  /** A directory in the checkout, to rank candidates by history. */
  readonly repoDir: string;
  /** The base commit: the most recent of its ancestors wins. */
  readonly base: string;
  /** Told about a store that could not be read (network, credentials); the search goes on without it. */
  readonly onUnreadable?: ((where: string, error: UsageError) => void) | undefined;
}

/** How far back in the base's history candidates are ranked (older ones still count, unranked). */
const HISTORY_DEPTH = 5000;

/**
 * Finds the earlier commit whose manifest the head rebuilds exactly, so a revert pull request can
 * say "this restores the build of commit X" (a manifest digest covers the project tree, so equal
 * digests mean an identical actions project, not just similar bundles). Among several candidates,
 * the most recent ancestor of the base wins: that is the commit a `git revert` undoes back to.
 */
export async function findRestoredBuild(options: FindRestoredOptions): Promise<RestoredBuild | undefined> {
  const candidates = new Set<CommitSha>();
  for (const store of options.stores) {
    let commits: CommitSha[];
    try {
      commits = await store.listCommits();
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      // A static HTTP host cannot list by design; anything else is worth a warning.
      if (!/cannot be listed/.test(error.message)) options.onUnreadable?.(store.describe(), error);
      continue;
    }
    for (const commit of commits) {
      if (options.exclude.has(commit) || candidates.has(commit)) continue;
      if ((await store.getCommit(commit)) === options.digest) candidates.add(commit);
    }
  }
  if (candidates.size === 0) return undefined;
  const history = await simpleGit(options.repoDir)
    .raw(['rev-list', `--max-count=${HISTORY_DEPTH}`, options.base])
    .then((out) => out.split('\n'), () => [] as string[]);
  const ranked = history.find((c) => candidates.has(c as CommitSha)) as CommitSha | undefined;
  return { commit: ranked ?? [...candidates].sort()[0]!, digest: options.digest };
}
