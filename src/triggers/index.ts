/**
 * Public surface of src/triggers: the trigger definitions and everything generated from them
 * (TypeScript declarations, sandbox globals, event JSON Schemas).
 */
export type {
  ApiMethod,
  ApiNamespace,
  ApiParam,
  ApiReturn,
  HandlerKind,
  TriggerDefinition,
  TriggerMode,
} from './types.ts';
export { triggerKey, typeNamespace } from './types.ts';
export { TRIGGERS, currentVersion, getTrigger, listTriggerIds, listVersions } from './registry.ts';
export {
  DECLARATIONS_HEADER,
  apiNamespaceTypeName,
  apiTypeRef,
  eventTypeRef,
  generateDeclarations,
  generateTypesFile,
  handlerTypeRef,
} from './generate-declarations.ts';
export { SANDBOX_BUILTIN_MODULES, SANDBOX_TSCONFIG, generateSandboxGlobals } from './sandbox-globals.ts';
export { JSON_SCHEMA_DRAFT, eventJsonSchema, toJsonSchema } from './json-schema.ts';
export type { JsonSchema } from './json-schema.ts';
export { typeNameOf } from './shared/schema.ts';
export type { TypeNameInfo } from './shared/schema.ts';
