import path from 'node:path';
import type { OpenStoreOptions } from '../store/index.ts';
import type { RunContext } from './context.ts';
import type { ActionInputs } from './inputs.ts';
import type { WorkflowIO } from './workflow-commands.ts';

/** Where a step builds and caches, derived once from the inputs and the run context. */
export interface StepPaths {
  /** The actions project directory (absolute). */
  readonly projectDir: string;
  /** The local fs store both modes build into. */
  readonly buildStoreDir: string;
  /** The build cache (cache it between runs with actions/cache to skip unchanged actions). */
  readonly cacheDir: string;
  /** Local copies of remote stores. */
  readonly storeCacheDir: string;
}

/** Paths for a step: everything under `<directory>/.actuate`, as the CLI does, unless told otherwise. */
export function stepPaths(inputs: ActionInputs, ctx: RunContext, env: NodeJS.ProcessEnv): StepPaths {
  const projectDir = path.resolve(ctx.workspace, inputs.directory);
  const state = path.join(projectDir, '.actuate');
  return {
    projectDir,
    buildStoreDir: path.join(state, 'store'),
    cacheDir: path.resolve(ctx.workspace, inputs.cacheDir ?? env['ACTUATE_CACHE_DIR'] ?? path.join(state, 'cache')),
    storeCacheDir: path.join(ctx.tempDir ?? state, 'actuate-stores'),
  };
}

/**
 * The store the Action publishes to and reads history from: the input, or by default the
 * `actuate-store` branch of the repository itself, so a team with GitHub needs nothing else.
 */
export function storeSpec(inputs: ActionInputs, ctx: RunContext): string {
  return inputs.store ?? `git+${ctx.serverUrl}/${ctx.owner}/${ctx.repo}.git#actuate-store`;
}

/**
 * How remote stores are opened in a job: a git store on this GitHub server is fetched and pushed
 * with the job's token, sent as an `http.<server>/.extraheader` setting on the git command line
 * (as actions/checkout does; never written to disk) and masked in the log; commits are authored by
 * github-actions[bot].
 */
export function storeOptions(inputs: ActionInputs, ctx: RunContext, paths: StepPaths, io: WorkflowIO): OpenStoreOptions {
  const gitConfig: string[] = [];
  if (inputs.token && /^https?:\/\//.test(ctx.serverUrl)) {
    const basic = Buffer.from(`x-access-token:${inputs.token}`).toString('base64');
    io.mask(basic);
    gitConfig.push(`http.${ctx.serverUrl}/.extraheader=AUTHORIZATION: basic ${basic}`);
  }
  return {
    cacheDir: paths.storeCacheDir,
    cwd: ctx.workspace,
    gitConfig,
    identity: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
  };
}
