import { readFileSync } from 'node:fs';
import { UsageError } from '../core/index.ts';

/** What the runner tells a step about the run, read once from the environment. */
export interface RunContext {
  readonly eventName: string;
  readonly owner: string;
  readonly repo: string;
  /** `GITHUB_SHA`: the commit the run is for (for pull requests, the test merge commit). */
  readonly sha: string;
  /** `GITHUB_REF`, e.g. `refs/heads/main` or `refs/pull/7/merge`. */
  readonly ref: string;
  readonly apiUrl: string;
  readonly serverUrl: string;
  /** Link to this workflow run (for comment footers and truncated plans). */
  readonly runUrl: string | undefined;
  /** Where the repository is checked out. */
  readonly workspace: string;
  /** A scratch directory that lives as long as the job. */
  readonly tempDir: string | undefined;
  /** The event payload (`GITHUB_EVENT_PATH`), unparsed beyond JSON. */
  readonly payload: Record<string, unknown>;
}

/** The part of a `pull_request` payload the plan needs. */
export interface PullRequestEvent {
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  readonly baseRef: string | undefined;
}

/**
 * Reads the run context from the variables GitHub sets for every step.
 * @throws UsageError naming the missing or malformed variable (e.g. when run outside Actions).
 */
export function readRunContext(env: NodeJS.ProcessEnv, cwd: string): RunContext {
  const need = (name: string): string => {
    const value = env[name];
    if (value === undefined || value === '') {
      throw new UsageError(`${name} is not set`, 'this is a GitHub Action: run it in a workflow step (`uses:`), which sets the GITHUB_* variables');
    }
    return value;
  };
  const repository = need('GITHUB_REPOSITORY');
  const [owner, repo, ...rest] = repository.split('/');
  if (!owner || !repo || rest.length > 0) throw new UsageError(`GITHUB_REPOSITORY should be owner/name, not ${JSON.stringify(repository)}`);
  const eventPath = need('GITHUB_EVENT_PATH');
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(eventPath, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the event payload ${eventPath}: ${(error as Error).message}`, 'GITHUB_EVENT_PATH must name the JSON file the runner wrote');
  }
  if (typeof payload !== 'object' || payload === null) throw new UsageError(`the event payload ${eventPath} is not a JSON object`);
  const serverUrl = (env['GITHUB_SERVER_URL'] || 'https://github.com').replace(/\/$/, '');
  const runId = env['GITHUB_RUN_ID'];
  const attempt = env['GITHUB_RUN_ATTEMPT'];
  return {
    eventName: need('GITHUB_EVENT_NAME'),
    owner,
    repo,
    sha: need('GITHUB_SHA'),
    ref: env['GITHUB_REF'] ?? '',
    apiUrl: (env['GITHUB_API_URL'] || 'https://api.github.com').replace(/\/$/, ''),
    serverUrl,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}${attempt && attempt !== '1' ? `/attempts/${attempt}` : ''}` : undefined,
    workspace: env['GITHUB_WORKSPACE'] || cwd,
    tempDir: env['RUNNER_TEMP'] || undefined,
    payload: payload as Record<string, unknown>,
  };
}

/**
 * The pull request of a `pull_request` (or `pull_request_target`) event.
 * @throws UsageError for other events or a payload without the shas.
 */
export function pullRequestOf(ctx: RunContext): PullRequestEvent {
  const pr = ctx.payload['pull_request'] as { number?: unknown; base?: { sha?: unknown; ref?: unknown }; head?: { sha?: unknown } } | undefined;
  if (!pr || typeof pr !== 'object') {
    throw new UsageError(
      `mode: plan needs a pull_request event, but this run is for "${ctx.eventName}"`,
      'run the plan step `on: pull_request`, and the publish step (mode: publish) on pushes',
    );
  }
  const number = typeof pr.number === 'number' ? pr.number : Number(ctx.payload['number']);
  const baseSha = pr.base?.sha;
  const headSha = pr.head?.sha;
  if (!Number.isInteger(number) || typeof baseSha !== 'string' || typeof headSha !== 'string') {
    throw new UsageError('the pull_request payload lacks number, base.sha or head.sha', 'the event payload is not one GitHub sent');
  }
  return { number, baseSha, headSha, baseRef: typeof pr.base?.ref === 'string' ? pr.base.ref : undefined };
}

/** `refs/heads/main` → `main`; undefined for tags and pull request refs. */
export function branchOf(ref: string): string | undefined {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
