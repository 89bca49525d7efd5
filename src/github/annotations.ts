import path from 'node:path';
import type { Diagnostic } from '../core/index.ts';

/** One check-run annotation, in the shape of the Checks API. */
export interface CheckAnnotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly start_column?: number;
  readonly end_column?: number;
  readonly annotation_level: 'failure' | 'warning' | 'notice';
  readonly title: string;
  readonly message: string;
  readonly raw_details?: string;
}

/** GitHub caps a message at 64 KB; plans never need that much on one line. */
const MAX_MESSAGE = 4000;

/**
 * The GitHub renderer of diagnostics (DESIGN.md: terminal, `--json`, GitHub annotations): one
 * annotation per diagnostic that has a file, at its line (and columns when it spans one line, which
 * is all the Checks API accepts), with the path made relative to the repository root, because
 * diagnostics are relative to the actions project and GitHub places annotations by repository path.
 * Diagnostics without a file cannot be placed; the plan comment and summary list them.
 * Info diagnostics are left out: they are not worth a reviewer's attention on a diff.
 */
export function toCheckAnnotations(diagnostics: readonly Diagnostic[], projectPath: string): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  for (const d of diagnostics) {
    if (d.file === undefined || d.severity === 'info') continue;
    const start = d.line ?? 1;
    const end = Math.max(d.endLine ?? start, start);
    const columns = start === end && d.column !== undefined ? { start_column: d.column, end_column: Math.max(d.endColumn ?? d.column, d.column) } : {};
    out.push({
      path: repoPath(projectPath, d.file),
      start_line: start,
      end_line: end,
      ...columns,
      annotation_level: d.severity === 'error' ? 'failure' : 'warning',
      title: d.code,
      message: d.message.length > MAX_MESSAGE ? `${d.message.slice(0, MAX_MESSAGE)}…` : d.message,
      ...(d.hint ? { raw_details: `How to fix: ${d.hint}` } : {}),
    });
  }
  return out;
}

/** A project-relative diagnostic path as a repository-relative POSIX path. */
export function repoPath(projectPath: string, file: string): string {
  return projectPath === '' ? file : path.posix.join(projectPath, file);
}
