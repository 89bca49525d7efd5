import { Ajv, type ValidateFunction } from 'ajv';
import { eventJsonSchema, type TriggerDefinition } from '../triggers/index.ts';
import type { EventProblem } from './types.ts';

const ajv = new Ajv({ strict: false, allErrors: true, allowUnionTypes: true });

/** Compiles the trigger's event schema (generated from its definition) once per deployment. */
export function compileEventValidator(def: TriggerDefinition): ValidateFunction {
  return ajv.compile(eventJsonSchema(def));
}

/** The event's problems as JSON pointers with messages, e.g. `/user/email_verified must be boolean`. */
export function eventProblems(validate: ValidateFunction, event: unknown): EventProblem[] {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) return [{ pointer: '', message: 'the event must be a JSON object' }];
  if (validate(event)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => ({
    pointer: e.instancePath + (e.keyword === 'required' ? `/${String(e.params['missingProperty'])}` : ''),
    message: e.keyword === 'required' ? 'is required' : e.keyword === 'enum' ? `must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` : (e.message ?? 'is invalid'),
  }));
}
