import { UsageError } from '../core/index.ts';
import { readRunContext } from './context.ts';
import { readInputs } from './inputs.ts';
import { runPlanStep } from './plan-step.ts';
import { runPublishStep } from './publish-step.ts';
import { createWorkflowIO, type WorkflowIO } from './workflow-commands.ts';

/**
 * The GitHub Action (action.yml → dist/action/index.mjs → this): parse the inputs and the run
 * context, run `plan` or `publish`, report. Returns the exit code; bad configuration and API
 * refusals become one `::error::` annotation with the fix, anything else is a bug with its stack.
 */
export async function runAction(env: NodeJS.ProcessEnv, io: WorkflowIO, cwd: string): Promise<number> {
  try {
    const inputs = readInputs(env);
    const ctx = readRunContext(env, cwd);
    return inputs.mode === 'plan' ? await runPlanStep(inputs, ctx, env, io) : await runPublishStep(inputs, ctx, env, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.annotate('error', error.hint ? `${error.message}\nHow to fix: ${error.hint}` : error.message, { title: 'Actuate' });
    } else {
      const e = error instanceof Error ? error : new Error(String(error));
      io.annotate('error', `internal error (a bug in Actuate, please report it): ${e.message}`, { title: 'Actuate' });
      io.info(e.stack ?? e.message);
    }
    return 1;
  }
}

/** Runs the Action in this process, as the runner starts it. */
export async function main(): Promise<void> {
  const io = createWorkflowIO(process.env, (text) => process.stdout.write(text));
  process.exitCode = await runAction(process.env, io, process.cwd());
}
