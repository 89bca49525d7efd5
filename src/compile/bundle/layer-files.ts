/**
 * Stable names for the files of the compatibility layer. They live wherever npm put Actuate's own
 * dependencies, which differs between machines, so a bundle names them `npm/<package>@<version>/
 * <file>` instead: the bytes of a bundle and its source map never depend on where Actuate is
 * installed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { InternalError } from '../../core/index.ts';

interface PackageInfo {
  readonly dir: string;
  readonly id: string;
}

const packageOfDir = new Map<string, PackageInfo | null>();
const realByName = new Map<string, string>();

/** The stable name of a polyfill file (given by absolute path), remembered for {@link layerFilePath}. */
export function layerFileName(file: string): string {
  const pkg = packageOf(path.dirname(file));
  if (!pkg) throw new InternalError(`compatibility layer file outside any package: ${file}`);
  const name = `npm/${pkg.id}/${path.relative(pkg.dir, file).split(path.sep).join('/')}`;
  realByName.set(name, file);
  return name;
}

/** The absolute path behind a name made by {@link layerFileName}. */
export function layerFilePath(name: string): string {
  const file = realByName.get(name);
  if (file === undefined) throw new InternalError(`unknown compatibility layer file: ${name}`);
  return file;
}

function packageOf(dir: string): PackageInfo | null {
  const cached = packageOfDir.get(dir);
  if (cached !== undefined) return cached;
  let found: PackageInfo | null = null;
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
    if (typeof pkg.name === 'string' && typeof pkg.version === 'string') found = { dir, id: `${pkg.name}@${pkg.version}` };
  } catch {
    // no package.json here (or one without a name, like unenv's dist folders): look further up
  }
  const parent = path.dirname(dir);
  if (!found && parent !== dir) found = packageOf(parent);
  packageOfDir.set(dir, found);
  return found;
}
