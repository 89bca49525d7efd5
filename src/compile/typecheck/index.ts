export { typecheckProject, actionGraphs } from './typecheck.ts';
export type { TypecheckOptions, ActionGraph } from './typecheck.ts';
export type { ImportRules } from './check-imports.ts';
export { actionEventReads } from './action-event-reads.ts';
