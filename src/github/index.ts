// The GitHub Action's building blocks, for tests and for embedding the plan or publish steps elsewhere.
// Nothing in the library imports src/github: it is a thin shell (.dependency-cruiser.cjs enforces it).
export { runAction, main } from './main.ts';
export { planPullRequest } from './plan.ts';
export type { PlanPullRequestOptions, PullRequestPlan } from './plan.ts';
export { publishCommit } from './publish.ts';
export type { PublishOptions, PublishResult } from './publish.ts';
export { buildCommit } from './build.ts';
export type { BuildCommitOptions, BuiltCommit } from './build.ts';
export { findRestoredBuild } from './restored-build.ts';
export type { RestoredBuild, FindRestoredOptions } from './restored-build.ts';
export { renderPullRequestPlan, capText, COMMENT_LIMIT, SUMMARY_LIMIT } from './plan-comment.ts';
export type { RenderedPlan, RenderOptions } from './plan-comment.ts';
export { upsertStickyComment } from './comment.ts';
export type { StickyCommentTarget, StickyCommentResult } from './comment.ts';
export { reportCheckRun, ANNOTATIONS_PER_REQUEST, CHECK_OUTPUT_LIMIT } from './check-run.ts';
export type { CheckRunReport, CheckRunResult } from './check-run.ts';
export { toCheckAnnotations, repoPath } from './annotations.ts';
export type { CheckAnnotation } from './annotations.ts';
export { createGitHubClient, explainGitHubError, PERMISSIONS } from './client.ts';
export { readRunContext, pullRequestOf, branchOf } from './context.ts';
export type { RunContext, PullRequestEvent } from './context.ts';
export { readInputs, getInput } from './inputs.ts';
export type { ActionInputs } from './inputs.ts';
export { createWorkflowIO, escapeData, escapeProperty } from './workflow-commands.ts';
export type { WorkflowIO, AnnotationPlace } from './workflow-commands.ts';
export { bundleActionDist, readActionDist, writeActionDist, ACTION_DIST_DIR } from './dist-bundle.ts';
export type { DistFile } from './dist-bundle.ts';
