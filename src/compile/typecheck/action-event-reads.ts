import ts from 'typescript';
import type { ProjectAction, Project } from '../project.ts';
import { findEventReads } from './event-reads.ts';

/**
 * The top-level event properties an action's handlers read, for the manifest's `eventReads`: the
 * runner then sends the action only those sections of the event (see src/runtime/event-json.ts).
 * `undefined` whenever the entry file's use of `event` is not certain (the whole event is sent).
 */
export function actionEventReads(project: Project, action: ProjectAction): string[] | undefined {
  const text = project.snapshot.files.get(action.entry);
  if (text === undefined) return undefined;
  const kind = /\.(c|m)?jsx?$/.test(action.entry) ? (action.entry.endsWith('.jsx') ? ts.ScriptKind.JSX : ts.ScriptKind.JS) : action.entry.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(action.entry, text, ts.ScriptTarget.ES2022, true, kind);
  const t = action.trigger;
  const handlers = [t.handlers.execute, ...(t.handlers.continue ? [t.handlers.continue] : [])];
  return findEventReads(sf, handlers, new Set(Object.keys(t.event.properties)));
}
