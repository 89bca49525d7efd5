import type { Diagnostic } from '../core/index.ts';
import type { TriggerDefinition } from '../triggers/index.ts';
import type { RepoSnapshot } from '../repo/index.ts';
import type { ActionMeta, Limits } from './schemas/index.ts';

/** Repo-wide settings with every default applied: what the rest of the compiler reads. */
export interface ResolvedConfig {
  /** Prefix of actions/ and flows/ inside the project ('' or 'sub/'). */
  readonly rootPrefix: string;
  readonly limits: Readonly<Limits>;
  /** Which limits the repo set explicitly (a trigger's own default applies otherwise). */
  readonly explicitLimits: ReadonlySet<keyof Limits>;
  readonly egress: { readonly allow: readonly string[] | undefined; readonly allowPrivate: boolean };
}

/** One action of the project, valid enough to type-check and bundle. */
export interface ProjectAction {
  readonly name: string;
  /** `actions/<name>` (project-relative). */
  readonly dir: string;
  readonly metaFile: string;
  readonly meta: ActionMeta;
  /** Project-relative path of the handler module. */
  readonly entry: string;
  readonly trigger: TriggerDefinition;
}

/** An action name as written in a flow file, with its position for diagnostics. */
export interface FlowEntry {
  readonly name: string;
  readonly line: number;
  readonly column: number;
}

export interface ProjectFlow {
  readonly triggerId: string;
  readonly file: string;
  /** The definition the flow runs at (that of its actions), undefined when the trigger is unknown. */
  readonly trigger: TriggerDefinition | undefined;
  readonly entries: readonly FlowEntry[];
}

/** The parsed actions project: what check, build and diff work on. */
export interface Project {
  readonly snapshot: RepoSnapshot;
  readonly config: ResolvedConfig;
  /** Actions by name, sorted by name. */
  readonly actions: ReadonlyMap<string, ProjectAction>;
  /** Flows sorted by trigger id. */
  readonly flows: readonly ProjectFlow[];
}

export interface LoadedProject {
  readonly project: Project;
  readonly diagnostics: Diagnostic[];
}
