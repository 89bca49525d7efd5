import type { ValidateFunction } from 'ajv';
import type { Manifest } from '../../manifest/index.ts';
import type { EventProblem } from '../../runtime/index.ts';
// Not re-exported by src/runtime/index.ts yet: the same validator the runner applies, reused so the
// daemon answers 400 for an async event before queueing it (with the same messages).
import { compileEventValidator, eventProblems } from '../../runtime/index.ts';
import { getTrigger, listTriggerIds, type TriggerDefinition } from '../../triggers/index.ts';

/** A trigger as the served version runs it: its definition (the manifest's version of it) and mode. */
export interface ServedTrigger {
  readonly def: TriggerDefinition;
  readonly mode: 'sync' | 'async';
}

/**
 * Resolves the `{trigger}` of a URL against the served manifest (which pins the trigger version its
 * actions were checked against) and the registry (a known trigger with no flow still answers, with
 * no actions run). Validators are compiled once per trigger version.
 */
export class TriggerCatalog {
  readonly #validators = new Map<string, ValidateFunction>();

  resolve(id: string, manifest: Manifest | undefined): ServedTrigger | undefined {
    const flow = manifest?.flows[id];
    const def = getTrigger(id, flow?.version);
    if (!def) return undefined;
    return { def, mode: flow?.mode ?? def.mode };
  }

  /** The event's problems against the trigger's schema (empty when valid). */
  problems(def: TriggerDefinition, event: unknown): EventProblem[] {
    const key = `${def.id}@${def.version}`;
    let v = this.#validators.get(key);
    if (!v) {
      v = compileEventValidator(def);
      this.#validators.set(key, v);
    }
    return eventProblems(v, event);
  }

  known(): string[] {
    return listTriggerIds();
  }
}
