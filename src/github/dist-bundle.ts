import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

/** Where the committed bundle lives, relative to the repository root (action.yml's `runs.main`). */
export const ACTION_DIST_DIR = 'dist/action';

/** One file of the bundle. */
export interface DistFile {
  /** Repository-relative POSIX path. */
  readonly path: string;
  readonly text: string;
}

const BANNER = '// Generated from src/github by esbuild; do not edit. Rebuild: UPDATE_DIST=1 npx vitest run test/github/dist.test.ts';

/**
 * Bundles the Action: `index.mjs` (the dependency-free bootstrap) and `main.mjs` (all of Actuate's
 * code the Action uses, compiled from TypeScript). npm packages stay external and are installed
 * by the bootstrap from the lockfile, because esbuild, TypeScript and the sandbox polyfills must
 * exist as files at run time. Deterministic: paths are relative to `root` and nothing depends on
 * the clock, so a CI test can compare a fresh bundle with the committed one byte for byte.
 */
export async function bundleActionDist(root: string): Promise<DistFile[]> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/github/bootstrap.ts', main: 'src/github/main.ts' },
    outdir: ACTION_DIST_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: false,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: BANNER },
    logLevel: 'silent',
  });
  return result.outputFiles
    .map((f) => ({ path: path.relative(root, f.path).split(path.sep).join('/'), text: f.text }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** The committed bundle files, as {@link bundleActionDist} names them. */
export async function readActionDist(root: string): Promise<DistFile[]> {
  const dir = path.join(root, ACTION_DIST_DIR);
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.mjs')).sort();
  return Promise.all(names.map(async (n) => ({ path: `${ACTION_DIST_DIR}/${n}`, text: await readFile(path.join(dir, n), 'utf8') })));
}

/** Writes a fresh bundle over the committed one. */
export async function writeActionDist(root: string, files: readonly DistFile[]): Promise<void> {
  await mkdir(path.join(root, ACTION_DIST_DIR), { recursive: true });
  for (const f of files) await writeFile(path.join(root, f.path), f.text);
}
