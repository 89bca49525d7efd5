export { ActuateConfigSchema } from './actuate-config.ts';
export type { ActuateConfig } from './actuate-config.ts';
export { ActionMetaSchema } from './action-meta.ts';
export type { ActionMeta } from './action-meta.ts';
export { FlowSchema } from './flow.ts';
export type { Flow } from './flow.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export type { Limits } from './limits.ts';
