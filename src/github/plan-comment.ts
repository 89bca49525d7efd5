import type { Diagnostic } from '../core/index.ts';
import { PLAN_MARKER, planHeadline, renderPlanMarkdown, summarizeTrigger, type Plan } from '../manifest/index.ts';
import { repoPath } from './annotations.ts';
import type { PullRequestPlan } from './plan.ts';

/** GitHub refuses comments longer than 65536 characters; stay clear of it. */
export const COMMENT_LIMIT = 65_000;
/** The job summary takes up to 1 MiB per step. */
export const SUMMARY_LIMIT = 1_000_000;
/** Diagnostics listed in the comment; the job summary lists all, the check run annotates all. */
const LISTED_DIAGNOSTICS = 30;

export interface RenderOptions {
  /** Link to the workflow run: the footer's provenance, and where a truncated plan points. */
  readonly runUrl?: string | undefined;
  readonly title?: string | undefined;
  /** For tests; defaults to {@link COMMENT_LIMIT}. */
  readonly commentLimit?: number | undefined;
}

/** The plan as each place shows it. */
export interface RenderedPlan {
  /** The sticky comment (starts with PLAN_MARKER; fits the comment limit). */
  readonly comment: string;
  /** The full plan for the job summary. */
  readonly summary: string;
  /** The check run's one-line title. */
  readonly title: string;
  /** True when the comment had to leave details out. */
  readonly truncated: boolean;
  /** True when any flow or setting changes. */
  readonly changes: boolean;
  /** Success unless the head does not build. */
  readonly conclusion: 'success' | 'failure';
}

/**
 * Renders the plan for the pull request comment, the job summary and the check run:
 * a head that does not build shows its diagnostics; no change is one line (Atlantis #3712: no
 * noise); otherwise the per-trigger plan from `renderPlanMarkdown`, with what a revert restores,
 * the type-check result, warnings, and a provenance footer. A comment too long for GitHub keeps
 * the summary lines and links to the job summary, which holds everything.
 */
export function renderPullRequestPlan(pr: PullRequestPlan, options: RenderOptions = {}): RenderedPlan {
  const title = options.title ?? 'Actuate plan';
  const limit = options.commentLimit ?? COMMENT_LIMIT;
  const result = pr.head.result;
  const where = (d: Diagnostic) => (d.file === undefined ? '' : `${repoPath(pr.projectPath, d.file)}${d.line ? `:${d.line}` : ''}`);
  const footer = [
    `<sub>head \`${result.commit.slice(0, 12)}\`${result.ok ? ` · manifest \`${result.digest}\`` : ''}`,
    options.runUrl ? ` · [workflow run](${options.runUrl})` : '',
    '</sub>',
  ].join('');

  if (!result.ok) {
    const counts = countDiagnostics(result.diagnostics);
    const headline = `✗ The head commit \`${result.commit.slice(0, 12)}\` does not build: ${counts}.`;
    const body = (listed: number) =>
      [PLAN_MARKER, `### ${title}`, '', `**${headline}**`, 'Nothing can be published until this is fixed; each problem is annotated on its line in the check run.', '', ...diagnosticList(result.diagnostics, where, listed), '', footer, ''].join('\n');
    const full = body(Number.POSITIVE_INFINITY);
    const comment = fit(body(LISTED_DIAGNOSTICS), body(0), limit, options.runUrl);
    return { comment: comment.text, summary: capSummary(full), title: headline.replace(/`/g, ''), truncated: comment.truncated, conclusion: 'failure', changes: false };
  }

  const plan = pr.plan!;
  const changes = !plan.identical && (plan.triggers.some((t) => t.status !== 'unchanged') || plan.settingsChanged.length > 0);
  const warnings = result.diagnostics.filter((d) => d.severity === 'warning');
  if (!changes) {
    const what = plan.identical ? `the head builds the same manifest as the base (\`${short(result.digest)}\`)` : 'the head changes no flow and no setting';
    const line = `**${title}:** no changes: ${what}${warnings.length ? `; ${countDiagnostics(warnings)} on the check run` : ''}.`;
    const text = `${PLAN_MARKER}\n${line}\n`;
    return { comment: text, summary: `${line}\n\n${footer}\n`, title: 'No changes', truncated: false, conclusion: 'success', changes: false };
  }

  const lines = renderPlanMarkdown(plan, { title }).trimEnd().split('\n');
  const at = lines.indexOf(`**${planHeadline(plan)}**`) + 1;
  const extra: string[] = [];
  if (pr.restores) {
    extra.push('', `↩️ This restores the build of commit \`${pr.restores.commit.slice(0, 12)}\` (manifest \`${short(pr.restores.digest)}\`): runners following the ref return to exactly that build.`);
  }
  if (pr.baseNote) extra.push('', `ℹ️ Note: ${pr.baseNote}.`);
  lines.splice(at, 0, ...extra);
  const checked = `✓ Type-check and bundle passed for ${result.actions.length} action${result.actions.length === 1 ? '' : 's'} in flows${warnings.length ? ` with ${countDiagnostics(warnings)}` : ''}.`;
  const warningBlock = (listed: number) =>
    warnings.length === 0 ? [] : ['', `<details><summary>${countDiagnostics(warnings)}</summary>`, '', ...diagnosticList(warnings, where, listed), '', '</details>'];
  const full = [...lines, '', checked, ...warningBlock(Number.POSITIVE_INFINITY), '', footer, ''].join('\n');
  const detailed = [...lines, '', checked, ...warningBlock(LISTED_DIAGNOSTICS), '', footer, ''].join('\n');
  const compact = [
    PLAN_MARKER, `### ${title}`, '', `**${planHeadline(plan)}**`, ...extra, '',
    '```diff', ...plan.triggers.filter((t) => t.status !== 'unchanged').map((t) => `${symbol(t.status)} ${t.trigger}: ${summarizeTrigger(t)}`), '```',
    '', checked, ...warningBlock(LISTED_DIAGNOSTICS), '', footer, '',
  ].join('\n');
  const comment = fit(detailed, compact, limit, options.runUrl);
  return { comment: comment.text, summary: capSummary(full), title: planHeadline(plan), truncated: comment.truncated, conclusion: 'success', changes: true };
}

/** Cuts a body to the check run's summary limit (the title and annotations carry the rest). */
export function capText(text: string, limit: number, note: string): string {
  if (text.length <= limit) return text;
  const room = limit - note.length - 2;
  const cut = text.lastIndexOf('\n', room);
  return `${text.slice(0, cut > 0 ? cut : room)}\n\n${note}`;
}

// --- internal ---

function fit(full: string, compact: string, limit: number, runUrl: string | undefined): { text: string; truncated: boolean } {
  if (full.length <= limit) return { text: full, truncated: false };
  const note = `> [!NOTE]\n> The full plan (${full.length.toLocaleString('en-US')} characters) is too long for a comment; it is in the ${runUrl ? `[job summary](${runUrl})` : 'job summary of this run'}.`;
  const text = `${compact.trimEnd()}\n\n${note}\n`;
  return { text: text.length <= limit ? text : `${capText(compact, limit - note.length - 2, '…')}\n${note}\n`, truncated: true };
}

function capSummary(full: string): string {
  return capText(full, SUMMARY_LIMIT, '… (cut at the job summary size limit)');
}

function diagnosticList(diagnostics: readonly Diagnostic[], where: (d: Diagnostic) => string, listed: number): string[] {
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  const out = shown.slice(0, listed).map((d) => {
    const place = where(d);
    const hint = d.hint ? `<br>${escapeCell(d.hint)}` : '';
    return `- ${d.severity === 'error' ? '❌' : '⚠️'} \`${d.code}\`${place ? ` \`${place}\`` : ''}: ${escapeCell(d.message)}${hint}`;
  });
  if (shown.length > listed) out.push(`- … and ${shown.length - listed} more: see the check run's annotations`);
  return out;
}

function countDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const parts: string[] = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return parts.join(', ') || 'no problems';
}

function escapeCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/</g, '&lt;');
}

function short(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

function symbol(status: Plan['triggers'][number]['status']): string {
  return status === 'added' ? '+' : status === 'removed' ? '-' : '~';
}
