import type { CommitSha } from '../core/index.ts';

/**
 * The files of an actions project as they are at one commit (or in the working tree). Everything
 * downstream (check, build, diff) reads this snapshot and never touches the disk again, so a build
 * "at a commit" can never pick up uncommitted edits.
 */
export interface RepoSnapshot {
  /** Absolute path of the git work tree (or of the directory when it is not in a git repo). Never hashed. */
  readonly root: string;
  /** POSIX path of the actions project inside the repo, '' when it is the repo root. */
  readonly projectPath: string;
  /** The resolved commit, or undefined when the snapshot is the working tree. */
  readonly commit: CommitSha | undefined;
  /** The git tree id of the project directory at that commit (undefined for a working tree). */
  readonly tree: string | undefined;
  /** Project-relative POSIX path → UTF-8 content, sorted by path. */
  readonly files: ReadonlyMap<string, string>;
}
