import { fileURLToPath } from 'node:url';
import { defineCommand, runCommand, type CommandDef } from 'citty';
import { ExitCode } from '../../core/index.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';

/** The bundled example repository (actions-example/ at the package root). */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../actions-example', import.meta.url));

/**
 * `actuate demo` (what `npm start` runs): the main job on the embedded defaults. Checks the example
 * repository, then builds it at HEAD into its local store (`actions-example/.actuate/store`).
 */
export const demoCommand = defineCommand({
  meta: { name: 'demo', description: 'Check and build the bundled example repository' },
  async run() {
    const commands = { check: checkCommand, build: buildCommand } as unknown as Record<string, CommandDef>;
    const step = async (title: string, name: 'check' | 'build', args: string[]) => {
      process.stdout.write(`\n== ${title}\n$ actuate ${name} ${args.join(' ')}\n\n`);
      const { result } = await runCommand(commands[name]!, { rawArgs: args });
      return result as number;
    };
    process.stdout.write(`Actuate demo on the example repository ${EXAMPLE_DIR}\n`);
    if ((await step('1. Check the working tree', 'check', [EXAMPLE_DIR])) !== ExitCode.Ok) return ExitCode.Problems;
    if ((await step('2. Build the committed example (HEAD) into its local store', 'build', [EXAMPLE_DIR, '--commit', 'HEAD'])) !== ExitCode.Ok) return ExitCode.Problems;
    process.stdout.write('\nNext: `npx actuate diff HEAD~1 HEAD actions-example` shows what a commit changes per trigger.\n');
    return ExitCode.Ok;
  },
});
