import { loadSandboxContext } from '../../src/runtime/sandbox/index.ts';
import type { EgressPolicy, InvokeResult, SandboxLimits, SandboxModule } from '../../src/runtime/sandbox/index.ts';

export interface GuestProgramOptions {
  /** The handler's event (default `{}`), readable as `event` in the body. */
  readonly event?: unknown;
  readonly limits?: Partial<SandboxLimits>;
  readonly egress?: EgressPolicy;
  /** Statements run before the body, in the same scope (helpers the body uses). */
  readonly prelude?: string;
}

/**
 * Runs `body` as the async handler of a fresh sandbox context and returns what it passed to
 * `out(value)` (a console line holding JSON), with the raw invocation result: the sandbox tests'
 * small guest programs. A failed load or invocation throws with the guest's stack.
 */
export async function runGuestProgram(module: SandboxModule, body: string, options: GuestProgramOptions = {}): Promise<{ value: unknown; result: InvokeResult }> {
  const r = await loadSandboxContext(module, {
    bundle: `var __actuate_action = { h: async (event) => { const out = (v) => console.info('@out ' + JSON.stringify(v)); ${options.prelude ?? ''}
${body}
} };`,
    ...(options.limits !== undefined ? { limits: options.limits } : {}),
    ...(options.egress !== undefined ? { egress: options.egress } : {}),
  });
  if (!r.ok) throw new Error(`load failed: ${r.error.stack}`);
  try {
    const result = await r.context.invoke('h', JSON.stringify(options.event ?? {}));
    if (!result.ok) throw new Error(`${result.kind}: ${result.error.stack}`);
    const line = result.logs.find((l) => l.message.startsWith('@out '));
    return { value: line === undefined ? undefined : JSON.parse(line.message.slice(5)), result };
  } finally {
    r.context.dispose();
  }
}
