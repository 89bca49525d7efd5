export {
  ManifestSchema,
  ManifestFlowSchema,
  ManifestActionSchema,
  ManifestSettingsSchema,
  ToolchainSchema,
  DependencySchema,
  ActionLimitsSchema,
  MANIFEST_VERSION,
} from './schema.ts';
export type {
  Manifest,
  ManifestFlow,
  ManifestAction,
  ManifestSettings,
  ManifestDependency,
  ManifestToolchain,
  ActionLimits,
} from './schema.ts';
export { checkManifest } from './check.ts';
export type { ManifestCheck } from './check.ts';
export { serializeManifest } from './serialize.ts';
export { parseManifest } from './parse.ts';
export { manifestReferences } from './references.ts';
export type { ManifestReference } from './references.ts';
export { writeManifest, readManifest, readManifestByDigest } from './manifest-store.ts';
export type { LoadedManifest } from './manifest-store.ts';
export { manifestJsonSchemaText } from './json-schema.ts';
export { planChanges, summarizeTrigger } from './plan.ts';
export type { Plan, PlanSide, TriggerPlan, ActionChange } from './plan.ts';
export { renderPlanText, renderPlanMarkdown, planHeadline, PLAN_MARKER } from './plan-render.ts';
