import type { Digest } from '../core/index.ts';
import type { ConsoleEntry, FailureKind } from './sandbox/index.ts';
import type { FlowCommands } from './api/index.ts';

/** How one action's execution ended (`redirect` also covers a rendered prompt). `skipped`: an earlier action denied or suspended the flow. */
export type ActionStatus = 'success' | 'denied' | 'redirect' | 'error' | 'skipped';

/** A failure, with the stack mapped through the bundle's source map to the user's files. */
export interface FlowError {
  readonly action: string;
  /** `error` (threw), `timeout`, `memory`, `stack`, `crash` (sandbox), `load` (top level failed), `secrets`. */
  readonly kind: FailureKind | 'load' | 'secrets' | 'continuation';
  readonly name: string;
  readonly message: string;
  /** `Name: message` then frames like `at onExecutePostLogin (actions/x/index.ts:12:5)`. */
  readonly stack: string;
}

/** One action's part of an execution record (Auth0's `results[]` of the executions API). */
export interface ActionExecution {
  readonly name: string;
  readonly bundle: Digest;
  readonly handler: string;
  readonly status: ActionStatus;
  /** Epoch milliseconds; 0 for skipped actions. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly durationMs: number;
  /** Time inside QuickJS (what the CPU budget counts). */
  readonly cpuMs: number;
  /** Console output, secret values redacted. */
  readonly logs: readonly ConsoleEntry[];
  readonly droppedLogs: number;
  readonly error?: FlowError;
}

/** What a flow execution decided. */
export type FlowOutcome = 'success' | 'denied' | 'redirect' | 'prompt' | 'error' | 'rejected';

/** A problem with the incoming event (schema), reported instead of running anything. */
export interface EventProblem {
  readonly pointer: string;
  readonly message: string;
}

/** The result of one flow execution (or of its resumption after a redirect). */
export interface FlowResult {
  readonly executionId: string;
  readonly trigger: string;
  readonly version: string;
  /** The manifest the flow ran on. */
  readonly manifest: Digest;
  readonly outcome: FlowOutcome;
  /** The merged api commands of every action that ran (claims, metadata, MFA, …). */
  readonly commands: FlowCommands | undefined;
  /** Set when outcome is `denied`: which action and why (access.deny / validation.error). */
  readonly denied?: { readonly action: string } & Record<string, unknown>;
  /** Set when outcome is `redirect`: where to send the browser; `state` resumes the flow. */
  readonly redirect?: { readonly action: string; readonly url: string; readonly state: string };
  /** Set when outcome is `prompt` (`api.prompt.render`): the form to render; continue with `state` and the collected data on `event.prompt`. */
  readonly prompt?: { readonly action: string; readonly id: string; readonly fields: Readonly<Record<string, unknown>>; readonly vars: Readonly<Record<string, unknown>>; readonly state: string };
  readonly error?: FlowError;
  /** Set when outcome is `rejected`: the event does not match the trigger's schema. */
  readonly problems?: readonly EventProblem[];
  readonly actions: readonly ActionExecution[];
  readonly durationMs: number;
}
