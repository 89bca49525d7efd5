import path from 'node:path';
import { compileCommit, type CompileResult } from '../../compile/index.ts';
import { UsageError } from '../../core/index.ts';
import { readRepo, type RepoSnapshot } from '../../repo/index.ts';
import { openWritableStore, type Store } from '../../store/index.ts';

/** Where a repo keeps its local store and caches unless told otherwise (git-ignored). */
export function defaultStateDir(snapshot: RepoSnapshot): string {
  return path.join(snapshot.root, snapshot.projectPath, '.actuate');
}

export interface BuildTarget {
  readonly snapshot: RepoSnapshot;
  readonly store: Store;
  readonly storeDir: string;
  readonly result: CompileResult;
}

/** Reads the project at a commit (HEAD by default) and builds it into the store. */
export async function buildAt(dir: string, commit: string | undefined, storeArg: string | undefined, registry?: string): Promise<BuildTarget> {
  const snapshot = await readRepo({ dir, commit: commit ?? 'HEAD' });
  if (!snapshot.commit || !snapshot.tree) throw new UsageError('a build needs a commit', 'Commit your changes, or pass --commit.');
  const state = defaultStateDir(snapshot);
  // A directory, or git+<url>#<branch> (objects pushed in one commit when the build is done).
  const storeDir = storeArg ?? path.join(state, 'store');
  const writable = openWritableStore(storeDir, { cacheDir: path.join(state, 'remote-stores') });
  const store = writable.store;
  const result = await compileCommit({
    snapshot: snapshot as RepoSnapshot & { commit: NonNullable<RepoSnapshot['commit']>; tree: string },
    store,
    cacheDir: process.env['ACTUATE_CACHE_DIR'] ?? path.join(state, 'cache'),
    registry: registry ?? process.env['ACTUATE_NPM_REGISTRY'],
  });
  if (result.ok) await writable.flush(`actuate build ${result.commit}`);
  return { snapshot, store, storeDir, result };
}
