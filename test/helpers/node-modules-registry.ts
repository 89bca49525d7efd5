import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalRegistry, type LocalRegistry } from './local-registry.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A local npm registry serving packages exactly as this project installed them (its devDependencies),
 * with their whole dependency closure: tests install real popular packages with real npm, without the
 * public registry. Returns the registry and the installed version of each requested package.
 */
export async function registryFromNodeModules(names: readonly string[]): Promise<{ registry: LocalRegistry; versions: Record<string, string> }> {
  const dirs = new Set<string>();
  const versions: Record<string, string> = {};
  const visit = (dir: string) => {
    if (dirs.has(dir)) return;
    dirs.add(dir);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(resolveFrom(dir, dep));
  };
  for (const name of names) {
    const dir = resolveFrom(ROOT, name);
    versions[name] = (JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    visit(dir);
  }
  return { registry: await startLocalRegistry([...dirs].sort()), versions };
}

/** Node's lookup: `<dir>/node_modules/<name>`, then each parent's node_modules, up to the project root. */
function resolveFrom(from: string, name: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === path.dirname(dir) || !dir.startsWith(ROOT.replace(/\/$/, ''))) throw new Error(`${name} is not installed under ${from}`);
  }
}
