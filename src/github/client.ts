import { Octokit } from '@octokit/rest';
import { UsageError } from '../core/index.ts';
import { VERSION } from '../version.ts';

/** The REST client the Action uses: @octokit/rest pointed at `GITHUB_API_URL` (GitHub Enterprise, or a stand-in in tests). */
export function createGitHubClient(options: { readonly token: string; readonly apiUrl: string }): Octokit {
  return new Octokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: `actuate-action/${VERSION}`,
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
}

/** The API areas the Action writes to, and the workflow permission each needs. */
export const PERMISSIONS = {
  comment: 'pull-requests: write',
  checks: 'checks: write',
} as const;

/**
 * Turns an API failure into a message a workflow author can act on. A 403 (or the 404 GitHub
 * answers when a token may not even see a resource) names the `permissions:` entry to add, and
 * mentions forks, whose pull requests get a read-only token.
 */
export function explainGitHubError(error: unknown, doing: string, area: keyof typeof PERMISSIONS): Error {
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number') return error instanceof Error ? error : new Error(String(error));
  const response = (error as { response?: { headers?: Record<string, string | undefined>; data?: { message?: unknown } } }).response;
  const apiMessage = typeof response?.data?.message === 'string' ? response.data.message : (error as Error).message;
  const accepted = response?.headers?.['x-accepted-github-permissions'];
  const permission = PERMISSIONS[area];
  if (status === 403 || status === 404 || status === 401) {
    return new UsageError(
      `cannot ${doing}: GitHub answered ${status} "${apiMessage}". The token needs the \`${permission}\` permission` +
        (accepted ? ` (GitHub accepts: ${accepted})` : '') +
        '.',
      `add \`permissions:\` with \`${permission}\` to the workflow job (see actions-example/.github-workflows/actuate.yml); ` +
        'pull requests from forks only get a read-only token, so their plan is in the job summary alone',
      { cause: error },
    );
  }
  return new UsageError(`cannot ${doing}: GitHub answered ${status} "${apiMessage}"`, 'retry the job; if it persists, check githubstatus.com', { cause: error });
}
