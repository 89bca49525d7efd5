export { loadDeployment, Deployment } from './deployment.ts';
export type { DeploymentOptions, LoadDeploymentResult, LoadedAction, LoadedFlow } from './deployment.ts';
export { runFlow, continueFlow } from './run-flow.ts';
export type { RunOptions } from './run-flow.ts';
export { resolveSecrets, secretEnvName, createRedactor } from './secrets.ts';
export type { SecretSources, SecretValues } from './secrets.ts';
export type { FlowResult, FlowOutcome, ActionExecution, ActionStatus, FlowError, EventProblem } from './types.ts';
export { createInThreadExecutor } from './executor.ts';
export type { FlowExecutor, DeploymentHandle, ExecutorMetrics, ExecutorLoadResult } from './executor.ts';
