import path from 'node:path';

/** Extensions tried, in order, when an import names a file without one (bundler-style resolution). */
export const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.tsx', '.js', '.mjs', '.cjs', '.jsx', '.json'] as const;

/**
 * Resolves a relative import among the project's files (a snapshot, not the disk): exact name,
 * added extension, TypeScript's `./x.js` → `./x.ts`, then `index` files. Returns the project-relative
 * path or undefined.
 */
export function resolveRelative(files: { has(path: string): boolean }, fromFile: string, specifier: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier));
  if (base.startsWith('../')) return undefined;
  const candidates = [base, ...SOURCE_EXTENSIONS.map((e) => base + e)];
  const jsToTs: Record<string, string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };
  const ext = path.posix.extname(base);
  for (const alt of jsToTs[ext] ?? []) candidates.push(base.slice(0, -ext.length) + alt);
  candidates.push(...SOURCE_EXTENSIONS.map((e) => `${base}/index${e}`));
  return candidates.find((c) => files.has(c));
}

/** `lodash/fp` → `lodash`, `@scope/pkg/sub` → `@scope/pkg`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** True for `./x`, `../x` and `/x`. */
export function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..' || specifier.startsWith('/');
}
