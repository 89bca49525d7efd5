import { sortDiagnostics, type Diagnostic } from '../core/index.ts';
import type { RepoSnapshot } from '../repo/index.ts';
import { SANDBOX_IMPORT_RULES } from './builtins.ts';
import { loadProject } from './load-project.ts';
import type { Project } from './project.ts';
import { typecheckProject } from './typecheck/index.ts';

export interface CheckResult {
  readonly project: Project;
  /** Every problem found, sorted by file and position. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Everything `actuate check` verifies, without building: schemas of every JSON file, flows against
 * actions, imports against declared dependencies, and a type-check of every action against its trigger.
 */
export function checkProject(snapshot: RepoSnapshot): CheckResult {
  const { project, diagnostics } = loadProject(snapshot);
  diagnostics.push(...typecheckProject(project, { imports: SANDBOX_IMPORT_RULES }));
  return { project, diagnostics: sortDiagnostics(diagnostics) };
}
