import { UsageError } from '../core/index.ts';
import { PLAN_MARKER } from '../manifest/index.ts';
import { createFsStore, openStore } from '../store/index.ts';
import { toCheckAnnotations } from './annotations.ts';
import { CHECK_OUTPUT_LIMIT, reportCheckRun } from './check-run.ts';
import { createGitHubClient } from './client.ts';
import { upsertStickyComment } from './comment.ts';
import { pullRequestOf, type RunContext } from './context.ts';
import type { ActionInputs } from './inputs.ts';
import { capText, renderPullRequestPlan } from './plan-comment.ts';
import { planPullRequest } from './plan.ts';
import { stepPaths, storeOptions, storeSpec } from './settings.ts';
import type { WorkflowIO } from './workflow-commands.ts';

/**
 * `mode: plan`: builds both sides of the pull request, then reports the plan three ways (job
 * summary first, so it exists even when the API calls fail; a check run with annotations; the sticky
 * comment). API failures are collected, so a missing permission for one does not hide the other.
 * Returns the exit code: 1 when the head does not build or a report could not be made.
 */
export async function runPlanStep(inputs: ActionInputs, ctx: RunContext, env: NodeJS.ProcessEnv, io: WorkflowIO): Promise<number> {
  const pr = pullRequestOf(ctx);
  if (!inputs.token) throw new UsageError('the input "token" is empty', 'leave it unset (it defaults to github.token) or pass a token that may write checks and pull request comments');
  const paths = stepPaths(inputs, ctx, env);
  const history = openStore(storeSpec(inputs, ctx), storeOptions(inputs, ctx, paths, io));
  const planned = await io.group(`Build base ${pr.baseSha.slice(0, 12)} and head ${pr.headSha.slice(0, 12)}`, () =>
    planPullRequest({
      dir: paths.projectDir,
      base: pr.baseSha,
      head: pr.headSha,
      store: createFsStore(paths.buildStoreDir),
      cacheDir: paths.cacheDir,
      registry: inputs.npmRegistry,
      history: [history],
      onHistoryError: (where, error) => io.annotate('warning', `cannot read ${where} to find an earlier build this one restores: ${error.message}`, { title: 'Actuate plan' }),
    }),
  );
  for (const [side, built] of [['base', planned.base], ['head', planned.head]] as const) {
    if (built) io.info(`${side} ${built.result.commit.slice(0, 12)}: ${built.result.ok ? `manifest ${built.result.digest}` : 'does not build'}`);
  }
  const rendered = renderPullRequestPlan(planned, { runUrl: ctx.runUrl, title: inputs.checkName });
  io.appendSummary(rendered.summary);
  io.info(rendered.title);

  const octokit = createGitHubClient({ token: inputs.token, apiUrl: ctx.apiUrl });
  const failures: Error[] = [];
  const annotations = toCheckAnnotations(planned.head.result.diagnostics, planned.projectPath);
  try {
    const check = await reportCheckRun(octokit, {
      owner: ctx.owner,
      repo: ctx.repo,
      headSha: pr.headSha,
      name: inputs.checkName,
      conclusion: rendered.conclusion,
      title: rendered.title,
      summary: capText(rendered.summary, CHECK_OUTPUT_LIMIT, `… the rest is in the job summary${ctx.runUrl ? `: ${ctx.runUrl}` : ''}`),
      annotations,
      detailsUrl: ctx.runUrl,
    });
    io.setOutput('check-run-url', check.url ?? '');
    io.info(`check run "${inputs.checkName}": ${rendered.conclusion}, ${annotations.length} annotation${annotations.length === 1 ? '' : 's'}`);
  } catch (error) {
    failures.push(error as Error);
    // The job's own annotations need no permission: diagnostics still reach the diff.
    for (const a of annotations) {
      io.annotate(a.annotation_level === 'failure' ? 'error' : 'warning', a.message, { title: a.title, file: a.path, line: a.start_line, endLine: a.end_line, col: a.start_column, endColumn: a.end_column });
    }
  }
  if (inputs.comment) {
    try {
      const comment = await upsertStickyComment(octokit, { owner: ctx.owner, repo: ctx.repo, issueNumber: pr.number }, PLAN_MARKER, rendered.comment);
      io.setOutput('comment-url', comment.url ?? '');
      io.info(`${comment.created ? 'created' : 'updated'} the plan comment${comment.url ? `: ${comment.url}` : ''}${rendered.truncated ? ' (truncated; the full plan is in the job summary)' : ''}`);
    } catch (error) {
      failures.push(error as Error);
    }
  }

  io.setOutput('conclusion', rendered.conclusion);
  io.setOutput('changes', String(rendered.changes));
  if (planned.head.result.ok) io.setOutput('manifest', planned.head.result.digest);
  for (const failure of failures) io.annotate('error', describe(failure), { title: 'Actuate' });
  if (!planned.head.result.ok) io.annotate('error', `${rendered.title} See the annotations and the plan comment.`, { title: 'Actuate plan' });
  return failures.length > 0 || rendered.conclusion === 'failure' ? 1 : 0;
}

function describe(error: Error): string {
  return error instanceof UsageError && error.hint ? `${error.message}\nHow to fix: ${error.hint}` : error.message;
}
