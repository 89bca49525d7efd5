import { UsageError } from '../core/index.ts';

/** The Action's inputs (see action.yml), parsed and checked. */
export interface ActionInputs {
  readonly mode: 'plan' | 'publish';
  /** The actions project directory, relative to the workspace. */
  readonly directory: string;
  /** Store spec (`git+<url>#<branch>`, a directory, or for plan also `https://…`); undefined: the default git branch store. */
  readonly store: string | undefined;
  readonly token: string | undefined;
  /** The store ref publish moves; undefined: the pushed branch. */
  readonly refName: string | undefined;
  readonly checkName: string;
  readonly comment: boolean;
  /** Build cache directory; undefined: `<directory>/.actuate/cache`. */
  readonly cacheDir: string | undefined;
  readonly npmRegistry: string | undefined;
}

/**
 * Reads one input the way the runner passes it: `INPUT_<NAME>` with the name upper-cased and
 * spaces turned into `_` (dashes are kept: `ref-name` → `INPUT_REF-NAME`), trimmed; empty means unset.
 */
export function getInput(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Parses every input.
 * @throws UsageError naming the input, the bad value and the accepted ones.
 */
export function readInputs(env: NodeJS.ProcessEnv): ActionInputs {
  const mode = getInput(env, 'mode');
  if (mode !== 'plan' && mode !== 'publish') {
    throw new UsageError(
      mode === undefined ? 'the input "mode" is required' : `the input "mode" is ${JSON.stringify(mode)}`,
      'set `with: mode: plan` on pull_request, or `mode: publish` on pushes to the branch runners follow',
    );
  }
  return {
    mode,
    directory: getInput(env, 'directory') ?? '.',
    store: getInput(env, 'store'),
    token: getInput(env, 'token'),
    refName: getInput(env, 'ref-name'),
    checkName: getInput(env, 'check-name') ?? 'Actuate plan',
    comment: booleanInput(env, 'comment', true),
    cacheDir: getInput(env, 'cache-dir'),
    npmRegistry: getInput(env, 'npm-registry'),
  };
}

/** YAML 1.2 core-schema booleans, as @actions/core's getBooleanInput accepts them. */
function booleanInput(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = getInput(env, name);
  if (value === undefined) return fallback;
  if (['true', 'True', 'TRUE'].includes(value)) return true;
  if (['false', 'False', 'FALSE'].includes(value)) return false;
  throw new UsageError(`the input "${name}" is ${JSON.stringify(value)}`, 'use true or false');
}
