import type { Octokit } from '@octokit/rest';
import type { CheckAnnotation } from './annotations.ts';
import { explainGitHubError } from './client.ts';

/** The Checks API accepts at most this many annotations per create or update request. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** The Checks API limit for `output.summary` and `output.text`. */
export const CHECK_OUTPUT_LIMIT = 65_535;

export interface CheckRunReport {
  readonly owner: string;
  readonly repo: string;
  /** The pull request's head commit: the check shows on the PR and on that commit. */
  readonly headSha: string;
  readonly name: string;
  readonly conclusion: 'success' | 'failure' | 'neutral';
  readonly title: string;
  /** Markdown; must already fit {@link CHECK_OUTPUT_LIMIT}. */
  readonly summary: string;
  readonly annotations: readonly CheckAnnotation[];
  readonly detailsUrl?: string | undefined;
}

/** What {@link reportCheckRun} created. */
export interface CheckRunResult {
  readonly id: number;
  readonly url: string | undefined;
  /** How many requests carried annotations (ceil(n / 50)), for the log. */
  readonly requests: number;
}

/**
 * Reports a completed check run whose conclusion is the plan's verdict (a required status check
 * can gate merging on it), with an annotation at file:line for every diagnostic. The first 50
 * annotations go with the create request; the rest follow in updates of 50, which GitHub appends.
 * @throws UsageError naming `checks: write` when the token may not create check runs.
 */
export async function reportCheckRun(octokit: Octokit, report: CheckRunReport): Promise<CheckRunResult> {
  const base = { owner: report.owner, repo: report.repo };
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < report.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(report.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const output = (annotations: CheckAnnotation[] | undefined) => ({
    title: report.title,
    summary: report.summary,
    ...(annotations ? { annotations } : {}),
  });
  let id: number;
  let url: string | undefined;
  try {
    const { data } = await octokit.rest.checks.create({
      ...base,
      name: report.name,
      head_sha: report.headSha,
      status: 'completed',
      conclusion: report.conclusion,
      ...(report.detailsUrl ? { details_url: report.detailsUrl } : {}),
      output: output(batches[0]),
    });
    id = data.id;
    url = data.html_url ?? undefined;
  } catch (error) {
    throw explainGitHubError(error, `create the "${report.name}" check run`, 'checks');
  }
  for (const batch of batches.slice(1)) {
    try {
      await octokit.rest.checks.update({ ...base, check_run_id: id, output: output(batch) });
    } catch (error) {
      throw explainGitHubError(error, `add annotations to the "${report.name}" check run`, 'checks');
    }
  }
  return { id, url, requests: batches.length };
}
