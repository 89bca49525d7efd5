import { fileURLToPath } from 'node:url';
import { defineCommand, runCommand } from 'citty';
import { checkCommand } from './check.ts';

/** The bundled example repository (actions-example/ at the package root). */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../actions-example', import.meta.url));

/**
 * `actuate demo` (what `npm start` runs): the main job on the embedded defaults. For now it checks
 * the example repository; later steps build it into a store, serve it and run sample events.
 */
export const demoCommand = defineCommand({
  meta: { name: 'demo', description: 'Run the main job on the bundled example repository' },
  async run() {
    process.stdout.write(`Checking the example actions repository (${EXAMPLE_DIR})\n\n`);
    const { result } = await runCommand(checkCommand, { rawArgs: [EXAMPLE_DIR] });
    return result as number;
  },
});
