import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { compileCommit } from '../../src/compile/index.ts';
import { readRepo } from '../../src/repo/index.ts';
import { loadDeployment, type Deployment, type DeploymentOptions } from '../../src/runtime/index.ts';
import { createFsStore } from '../../src/store/index.ts';
import { gitRepo, gitRepoFromDir } from './git-repo.ts';

/**
 * Builds a fixture repo for real (git commit, type-check, esbuild, store) and loads it as a
 * Deployment, disposed when the test ends. Throws with the diagnostics when something fails.
 */
export async function deployFiles(files: Record<string, string>, options: DeploymentOptions = {}, build: BuildOptions = {}): Promise<Deployment> {
  return deployRepo(gitRepo(files).dir, options, build);
}

/** Like {@link deployFiles}, for a directory copied into a fresh git repo (e.g. actions-example). */
export async function deployDir(dir: string, options: DeploymentOptions = {}, build: BuildOptions = {}): Promise<Deployment> {
  return deployRepo(gitRepoFromDir(dir).dir, options, build);
}

/** Build-side options of a fixture: the npm registry to install declared packages from. */
export interface BuildOptions {
  readonly registry?: string;
}

async function deployRepo(dir: string, options: DeploymentOptions, build: BuildOptions): Promise<Deployment> {
  const repo = { dir };
  const state = mkdtempSync(path.join(tmpdir(), 'actuate-deploy-'));
  onTestFinished(() => rmSync(state, { recursive: true, force: true }));
  const store = createFsStore(path.join(state, 'store'));
  const snapshot = await readRepo({ dir: repo.dir, commit: 'HEAD' });
  const built = await compileCommit({ snapshot: snapshot as Parameters<typeof compileCommit>[0]['snapshot'], store, cacheDir: path.join(state, 'cache'), registry: build.registry });
  if (!built.ok) throw new Error(`fixture does not build:\n${JSON.stringify(built.diagnostics, null, 2)}`);
  const loaded = await loadDeployment(store, { commit: built.commit }, options);
  if (!loaded.ok) throw new Error(`fixture does not load:\n${JSON.stringify(loaded.diagnostics, null, 2)}`);
  onTestFinished(() => loaded.deployment.close());
  return loaded.deployment;
}

/** The realistic sample event of a trigger (src/triggers/fixtures), deep-copied, with top-level overrides. */
export function sampleEvent(trigger: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  const file = new URL(`../../src/triggers/fixtures/${trigger}.json`, import.meta.url);
  const base = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete base['secrets'];
  return { ...base, ...over };
}
