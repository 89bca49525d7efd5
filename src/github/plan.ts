import { UsageError } from '../core/index.ts';
import { planChanges, type Plan } from '../manifest/index.ts';
import type { Store, StoreReader } from '../store/index.ts';
import { buildCommit, type BuiltCommit } from './build.ts';
import { findRestoredBuild, type RestoredBuild } from './restored-build.ts';

export interface PlanPullRequestOptions {
  /** The actions project directory inside the checkout. */
  readonly dir: string;
  readonly base: string;
  readonly head: string;
  /** Local store both sides are built into. */
  readonly store: Store;
  readonly cacheDir: string;
  readonly registry?: string | undefined;
  /** More stores that may know earlier builds (the published one), to name what a revert restores. */
  readonly history?: readonly StoreReader[] | undefined;
  /** Told when a history store cannot be read; the plan goes on without naming a restored build. */
  readonly onHistoryError?: ((where: string, error: Error) => void) | undefined;
}

/** Everything the comment, the check run and the summary are rendered from. */
export interface PullRequestPlan {
  readonly head: BuiltCommit;
  /** Undefined when the base could not be built: the plan then starts from nothing. */
  readonly base: BuiltCommit | undefined;
  /** Why the base side is empty, for a note in the comment. */
  readonly baseNote: string | undefined;
  /** Undefined when the head does not build. */
  readonly plan: Plan | undefined;
  readonly restores: RestoredBuild | undefined;
  /** Path of the actions project in the repository ('' at the root), for annotation paths. */
  readonly projectPath: string;
}

/**
 * Builds both sides of a pull request and diffs them. The head is built first: its diagnostics are
 * what the check run reports. A base that does not exist yet (the pull request adds the project) or
 * does not build is planned from nothing, with a note, rather than failing the head's review.
 */
export async function planPullRequest(options: PlanPullRequestOptions): Promise<PullRequestPlan> {
  const build = (commit: string) => buildCommit({ dir: options.dir, commit, store: options.store, cacheDir: options.cacheDir, registry: options.registry });
  const head = await build(options.head);
  let base: BuiltCommit | undefined;
  let baseNote: string | undefined;
  try {
    base = await build(options.base);
    if (!base.result.ok) {
      baseNote = `the base commit \`${base.result.commit.slice(0, 12)}\` does not build, so this plan starts from nothing`;
    }
  } catch (error) {
    if (!(error instanceof UsageError) || !/does not exist at commit/.test(error.message)) throw error;
    baseNote = 'the base commit has no actions project yet, so this plan starts from nothing';
  }
  const projectPath = head.snapshot.projectPath;
  if (!head.result.ok) return { head, base, baseNote, plan: undefined, restores: undefined, projectPath };

  const from = base?.result.ok ? base.result : undefined;
  const plan = planChanges(
    { commit: from?.commit ?? base?.result.commit, digest: from?.digest, manifest: from?.manifest },
    { commit: head.result.commit, digest: head.result.digest, manifest: head.result.manifest },
  );
  let restores: RestoredBuild | undefined;
  if (!plan.identical) {
    restores = await findRestoredBuild({
      digest: head.result.digest,
      exclude: new Set([head.result.commit, ...(base ? [base.result.commit] : [])]),
      stores: [options.store, ...(options.history ?? [])],
      repoDir: options.dir,
      base: options.base,
      onUnreadable: options.onHistoryError,
    });
  }
  return { head, base, baseNote, plan, restores, projectPath };
}
