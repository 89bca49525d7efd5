import ts from 'typescript';
import type { TObject, TSchema } from '@sinclair/typebox';
import type { ProjectAction, Project } from '../project.ts';
import { findEventReads } from './event-reads.ts';
import { scriptKind } from './typecheck.ts';

/**
 * What an action's handlers read of the event, for the manifest's `eventReads`: whole top-level
 * properties (`"request"`) or single fields of one (`"user.email"`). The runner then sends the action
 * only those (see src/runtime/event-json.ts). `undefined` whenever the entry file's use of `event` is
 * not certain (the whole event is sent).
 */
export function actionEventReads(project: Project, action: ProjectAction): string[] | undefined {
  const text = project.snapshot.files.get(action.entry);
  if (text === undefined) return undefined;
  const sf = ts.createSourceFile(action.entry, text, ts.ScriptTarget.ES2022, true, scriptKind(action.entry));
  const t = action.trigger;
  const handlers = [t.handlers.execute, ...(t.handlers.continue ? [t.handlers.continue] : [])];
  return findEventReads(sf, handlers, eventSectionFields(t.event));
}

/**
 * Each top-level property (section) of a trigger's event schema, with the names of its declared
 * fields, or `undefined` when it has none (free-form maps such as `secrets`): such a section can
 * only be read whole.
 *
 * Why: findEventReads narrows `event.user.email` to the field only when `email` is a declared field,
 * so prototype names (`event.user.hasOwnProperty`) and typos keep the whole section. A section's
 * fields are the `properties` keys of its object schema, or of every object member of a union
 * (`anyOf`, null members contribute nothing). Extra properties allowed at run time (Auth0 adds
 * fields; `additionalProperties`, records) need no special case: reading any name outside this set
 * reads the whole section, and a field the action does read is sent with its value whatever else
 * the section holds.
 */
export function eventSectionFields(event: TObject): Map<string, ReadonlySet<string> | undefined> {
  const sections = new Map<string, ReadonlySet<string> | undefined>();
  for (const key of Object.keys(event.properties).sort()) {
    const fields = new Set<string>();
    collectFields(event.properties[key], fields);
    sections.set(key, fields.size === 0 ? undefined : fields);
  }
  return sections;
}

function collectFields(schema: TSchema | undefined, fields: Set<string>): void {
  if (schema === undefined) return;
  if (Array.isArray(schema.anyOf)) {
    for (const member of schema.anyOf as TSchema[]) collectFields(member, fields);
    return;
  }
  const props: unknown = schema.properties;
  if (schema.type === 'object' && typeof props === 'object' && props !== null) for (const k of Object.keys(props)) fields.add(k);
}
