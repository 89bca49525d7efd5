import { digestHex } from '../core/index.ts';
import type { CommitSha, Digest } from '../core/index.ts';

/**
 * The store layout from DESIGN.md, as store-relative POSIX keys. The filesystem backend maps them
 * to files; other backends (a git branch, object storage, HTTP) use the same keys, so a store can be
 * copied between backends file by file and diagnostics can name the same location everywhere.
 *
 * ```
 * objects/sha256/<aa>/<rest>   immutable bytes, verified on read
 * commits/<commit sha>         the manifest digest built for that commit (one line)
 * refs/<name>                  a commit sha (one line)
 * ```
 */

/** Key of an object: the first two hex digits fan out into 256 directories, as git does. */
export function objectKey(digest: Digest): string {
  const hex = digestHex(digest);
  return `objects/sha256/${hex.slice(0, 2)}/${hex.slice(2)}`;
}

/** Key of the entry that names the manifest built for a commit. */
export function commitKey(commit: CommitSha): string {
  return `commits/${commit}`;
}

/** Key of a ref entry. The name must already be validated (see ref-name.ts). */
export function refKey(name: string): string {
  return `refs/${name}`;
}

/**
 * The text stored in a `commits/` or `refs/` entry: the value and a newline, so the files read well
 * with `cat` and compare equal byte for byte.
 */
export function entryText(value: string): string {
  return `${value}\n`;
}
