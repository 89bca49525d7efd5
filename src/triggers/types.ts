import type { TObject, TSchema } from '@sinclair/typebox';

/**
 * The shape of one trigger@version definition. Each definition is the single source for:
 *  - the TypeScript declarations that `actuate check` type-checks actions against and that
 *    `actuate types` writes into a user's repo (see generate-declarations.ts);
 *  - the JSON Schema that validates incoming events at run time (the `event` TypeBox schema);
 *  - the runtime `api` surface: which namespaces and methods exist and how their arguments are checked.
 */
export type TriggerMode = 'sync' | 'async';

/** Which handler a method may be called from (e.g. `authentication.recordMethod` only in onContinue…). */
export type HandlerKind = 'execute' | 'continue';

export interface ApiParam {
  readonly name: string;
  /** Type of the argument. Printed as TypeScript for declarations; used by the host to check arguments. */
  readonly schema: TSchema;
  readonly optional?: boolean;
  readonly description: string;
}

export type ApiReturn =
  /** Returns the `api` object, for chaining (Auth0 marks these methods as returning `api`). */
  | { readonly kind: 'api' }
  | { readonly kind: 'void' }
  /** Returns a value (synchronously, or a Promise of it when `async`). */
  | { readonly kind: 'value'; readonly schema: TSchema; readonly async?: boolean };

export interface ApiMethod {
  readonly name: string;
  /** Shown as TSDoc in editors: what it does and Auth0's semantics (when it takes effect, limits). */
  readonly description: string;
  readonly params: readonly ApiParam[];
  readonly returns: ApiReturn;
  /** Handlers allowed to call it; all when absent. */
  readonly onlyIn?: readonly HandlerKind[];
  /** Deprecation note, emitted as `@deprecated`. */
  readonly deprecated?: string;
}

export interface ApiNamespace {
  /** Property name on `api`, e.g. `access`, `accessToken`, `cache`. */
  readonly name: string;
  readonly description: string;
  readonly methods: readonly ApiMethod[];
}

export interface TriggerDefinition {
  /** Auth0 trigger id, e.g. `post-login`. */
  readonly id: string;
  /** Auth0 trigger version, e.g. `v3`. */
  readonly version: string;
  readonly mode: TriggerMode;
  readonly description: string;
  /** PascalCase stem for generated type names, e.g. `PostLogin` → namespace `Actuate.PostLoginV3`. */
  readonly typeName: string;
  /** Exported handler names Auth0 calls. `continue` exists only for triggers that can redirect. */
  readonly handlers: { readonly execute: string; readonly continue?: string };
  /** The event object. Unknown extra properties are allowed at run time (Auth0 adds fields), never in types. */
  readonly event: TObject;
  readonly api: readonly ApiNamespace[];
  /** Auth0's limits that apply per execution of this trigger (actions per flow etc.), when they differ. */
  readonly maxActionsPerFlow: number;
}

/** `post-login@v3`. */
export function triggerKey(def: Pick<TriggerDefinition, 'id' | 'version'>): string {
  return `${def.id}@${def.version}`;
}

/** The namespace generated declarations use for a definition, e.g. `PostLoginV3`. */
export function typeNamespace(def: Pick<TriggerDefinition, 'typeName' | 'version'>): string {
  return `${def.typeName}${def.version.toUpperCase()}`;
}
