import { IntegrityError, UsageError, parseCommitSha, parseDigest } from '../core/index.ts';
import type { CommitSha, Digest } from '../core/index.ts';

/**
 * Argument checks, entry parsing and error messages shared by every backend, so all of them refuse
 * the same things with the same words (the contract tests match on error classes, people on text).
 */

/**
 * Guards against values that were cast to {@link Digest} without being parsed: they would otherwise
 * become odd file names.
 * @throws UsageError
 */
export function checkDigestArg(digest: Digest): void {
  if (typeof digest !== 'string' || parseDigest(digest) === undefined) {
    throw new UsageError(`not an object digest: ${JSON.stringify(digest)}`, 'digests look like sha256:<64 lowercase hex digits>');
  }
}

/**
 * Same as {@link checkDigestArg} for commit shas.
 * @throws UsageError
 */
export function checkCommitArg(commit: CommitSha): void {
  if (typeof commit !== 'string' || parseCommitSha(commit) === undefined) {
    throw new UsageError(`not a commit sha: ${JSON.stringify(commit)}`, 'use the full 40-digit lowercase commit sha');
  }
}

/**
 * Parses the one-line text of a `commits/` or `refs/` entry.
 * @param what names the entry and where it is, for the message.
 * @throws IntegrityError when the text is not exactly `<value>\n` (a trailing newline is optional).
 */
export function parseEntry<T>(text: string, parse: (value: string) => T | undefined, what: string, expected: string): T {
  const value = text.endsWith('\n') ? text.slice(0, -1) : text;
  const parsed = parse(value);
  if (parsed === undefined) {
    throw new IntegrityError(
      `${what} should hold ${expected} but holds ${JSON.stringify(value.slice(0, 80))}; it was changed outside Actuate. ` +
        'Publish the commit again (or set the ref again) to rewrite it.',
    );
  }
  return parsed;
}

/** The error for `setCommit` naming a manifest object the store does not hold. */
export function missingObjectForCommitError(commit: CommitSha, manifest: Digest, where: string): UsageError {
  return new UsageError(
    `cannot record manifest ${manifest} for commit ${commit}: the object is not in ${where}`,
    'put the manifest (and every object it references) into the store before recording the commit',
  );
}

/** The error for `setRef` on a name that clashes with an existing ref. */
export function refConflictError(name: string, conflict: string | undefined): UsageError {
  const other = conflict === undefined ? 'another ref' : `ref "${conflict}"`;
  return new UsageError(
    `cannot set ref "${name}": it clashes with ${other} (a name cannot be both a ref and a folder of refs, as in git)`,
    'pick a name that is neither an existing ref followed by "/..." nor the folder part of one',
  );
}

/** The error for `setRef` to a commit the store holds no manifest for. */
export function unbuiltCommitError(name: string, commit: CommitSha, where: string): UsageError {
  return new UsageError(
    `cannot point ref "${name}" at commit ${commit}: ${where} has no manifest for that commit`,
    'build and publish the commit first (objects, then the manifest, then the ref)',
  );
}
