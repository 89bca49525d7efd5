import { UsageError } from '../core/index.ts';

/**
 * Ref names follow git's `check-ref-format` rules (applied to the part after `refs/`, one-level
 * names allowed), so every ref can be mirrored to a git branch backend and is a safe relative path
 * on every filesystem: no `..`, no leading dot, no control characters or glob characters.
 */

/** Longest accepted path component, well under the 255-byte file name limit of common filesystems. */
const MAX_COMPONENT_LENGTH = 200;

// Control characters, DEL, space and the characters git forbids anywhere in a ref name.
const FORBIDDEN_CHAR = /[\u0000-\u0020\u007f~^:?*[\\]/;

/** Why `name` is not a valid ref name, or undefined when it is. */
export function refNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'it is empty';
  const bad = FORBIDDEN_CHAR.exec(name);
  if (bad) return `it contains ${describeChar(bad[0])}, which git does not allow in ref names`;
  if (name.startsWith('/') || name.endsWith('/')) return 'it starts or ends with "/"';
  if (name.includes('//')) return 'it contains an empty component ("//")';
  if (name.includes('..')) return 'it contains ".."';
  if (name.includes('@{')) return 'it contains "@{"';
  if (name === '@') return 'it is "@", which git reserves';
  if (name.endsWith('.')) return 'it ends with "."';
  for (const component of name.split('/')) {
    if (component.startsWith('.')) return `component "${component}" starts with "."`;
    if (component.endsWith('.lock')) return `component "${component}" ends with ".lock"`;
    if (component.length > MAX_COMPONENT_LENGTH) {
      return `component "${component.slice(0, 20)}…" is longer than ${MAX_COMPONENT_LENGTH} characters`;
    }
  }
  return undefined;
}

/**
 * Returns `name` when it is a valid ref name.
 * @throws UsageError saying what is wrong and what a good name looks like.
 */
export function assertRefName(name: string): string {
  const problem = refNameProblem(name);
  if (problem !== undefined) {
    throw new UsageError(
      `invalid ref name ${JSON.stringify(name)}: ${problem}`,
      'use a git-style branch name such as "main" or "release/eu" (letters, digits, "-", "_", "/" between parts)',
    );
  }
  return name;
}

/**
 * The existing ref that `name` cannot coexist with, if any: `a` and `a/b` cannot both exist, as in
 * git, because one would be a file and the other a directory in a filesystem layout.
 */
export function findRefConflict(existing: Iterable<string>, name: string): string | undefined {
  for (const other of existing) {
    if (other === name) continue;
    if (other.startsWith(`${name}/`) || name.startsWith(`${other}/`)) return other;
  }
  return undefined;
}

function describeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (ch === ' ') return 'a space';
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  return `"${ch}"`;
}
