import type { Octokit } from '@octokit/rest';
import { explainGitHubError } from './client.ts';

export interface StickyCommentTarget {
  readonly owner: string;
  readonly repo: string;
  readonly issueNumber: number;
}

/** What {@link upsertStickyComment} did. */
export interface StickyCommentResult {
  readonly id: number;
  readonly url: string | undefined;
  readonly created: boolean;
}

/**
 * Keeps one comment per pull request: finds the comment whose body contains `marker` (walking every
 * page of comments, 100 at a time, oldest first) and updates it in place, or creates it. One comment
 * edited on every push is what reviewers ask for (Atlantis #496): no pile of stale plans.
 * @throws UsageError naming the missing permission when the token may not comment.
 */
export async function upsertStickyComment(octokit: Octokit, target: StickyCommentTarget, marker: string, body: string): Promise<StickyCommentResult> {
  const base = { owner: target.owner, repo: target.repo };
  let existing: { id: number } | undefined;
  try {
    const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { ...base, issue_number: target.issueNumber, per_page: 100 });
    for await (const page of pages) {
      existing = page.data.find((c) => typeof c.body === 'string' && c.body.includes(marker));
      if (existing) break;
    }
  } catch (error) {
    throw explainGitHubError(error, `read the comments of pull request #${target.issueNumber}`, 'comment');
  }
  try {
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({ ...base, comment_id: existing.id, body });
      return { id: data.id, url: data.html_url, created: false };
    }
    const { data } = await octokit.rest.issues.createComment({ ...base, issue_number: target.issueNumber, body });
    return { id: data.id, url: data.html_url, created: true };
  } catch (error) {
    throw explainGitHubError(error, `${existing ? 'update the plan comment on' : 'comment on'} pull request #${target.issueNumber}`, 'comment');
  }
}
