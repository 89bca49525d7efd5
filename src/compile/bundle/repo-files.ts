/**
 * Resolution among the files of a commit (a snapshot in memory, never the working tree), with the
 * same rules as the type-checker so both accept the same imports.
 */
import path from 'node:path';
import type { Loader } from 'esbuild';

/** Extensions tried, in order, when an import names a file without one (bundler-style resolution). */
const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.json'] as const;

/** TypeScript's convention: `./x.js` in source may name `./x.ts`. */
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/**
 * Resolves a relative import among the repository's files: exact name, added extension, `./x.js`
 * → `./x.ts`, then `index` files. Returns the repo-relative path, or undefined when nothing matches
 * or the path leaves the repository.
 */
export function resolveRepoImport(files: ReadonlyMap<string, string>, fromFile: string, specifier: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (base === '..' || base.startsWith('../') || base.startsWith('/')) return undefined;
  const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => base + e)];
  const ext = path.posix.extname(base);
  for (const alt of JS_TO_TS[ext] ?? []) candidates.push(base.slice(0, -ext.length) + alt);
  candidates.push(...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`));
  return candidates.find((c) => files.has(c));
}

/** True for `./x`, `../x`, `.` and `..`. */
export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

/** `lodash/fp` → `lodash`, `@scope/pkg/sub` → `@scope/pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

const LOADERS: Readonly<Record<string, Loader>> = {
  '.ts': 'ts',
  '.mts': 'ts',
  '.cts': 'ts',
  '.tsx': 'tsx',
  '.js': 'js',
  '.mjs': 'js',
  '.cjs': 'js',
  '.jsx': 'jsx',
  '.json': 'json',
  '.txt': 'text',
};

/** The esbuild loader for a file, or undefined when the file type cannot be bundled. */
export function loaderFor(file: string): Loader | undefined {
  return LOADERS[path.posix.extname(file)];
}
