import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, runCommand, type CommandDef } from 'citty';
import { ExitCode } from '../../core/index.ts';
import { createFsStore } from '../../store/index.ts';
import { loadDeployment, runFlow } from '../../runtime/index.ts';
import type { HostFetch } from '../../runtime/sandbox/index.ts';
import { createColors } from '../render/color.ts';
import { renderFlowResult } from '../render/flow-result.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';

/** The bundled example repository (actions-example/ at the package root). */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../actions-example', import.meta.url));

/**
 * `actuate demo` (what `npm start` runs): the main job on the embedded defaults. Checks the example
 * repository, builds it at HEAD into its local store, then runs every sample event through its flow
 * in the QuickJS sandbox with the example's demo secrets.
 */
export const demoCommand = defineCommand({
  meta: { name: 'demo', description: 'Check, build and run the bundled example repository' },
  async run() {
    const c = createColors(process.stdout);
    const commands = { check: checkCommand, build: buildCommand } as unknown as Record<string, CommandDef>;
    const step = async (title: string, name: 'check' | 'build', args: string[]) => {
      process.stdout.write(`\n${c.bold(`== ${title}`)}\n$ actuate ${name} ${args.map((a) => path.relative(process.cwd(), a) || a).join(' ')}\n\n`);
      const { result } = await runCommand(commands[name]!, { rawArgs: args });
      return result as number;
    };
    process.stdout.write(`Actuate demo on the example repository ${path.relative(process.cwd(), EXAMPLE_DIR)}/\n`);
    if ((await step('1. Check the working tree', 'check', [EXAMPLE_DIR])) !== ExitCode.Ok) return ExitCode.Problems;
    const store = path.join(EXAMPLE_DIR, '.actuate', 'store');
    if ((await step('2. Build the committed example (HEAD) into its local store', 'build', [EXAMPLE_DIR, '--commit', 'HEAD', '--store', store])) !== ExitCode.Ok) return ExitCode.Problems;

    process.stdout.write(`\n${c.bold('== 3. Run every sample event through its flow (QuickJS sandbox, demo secrets)')}\n`);
    const fsStore = createFsStore(store);
    const head = (await fsStore.listCommits()).length ? await headCommit() : undefined;
    if (!head) return ExitCode.Problems;
    const secrets = JSON.parse(await readFile(path.join(EXAMPLE_DIR, 'secrets.example.json'), 'utf8')) as unknown;
    process.stdout.write(c.dim('(outbound HTTP to *.example.com is answered by the demo\'s stub provider, which echoes each request)\n'));
    const loaded = await loadDeployment(fsStore, { commit: head }, { secrets: { file: secrets }, fetch: stubProvider });
    if (!loaded.ok) {
      for (const d of loaded.diagnostics) process.stdout.write(`${c.red('error')} ${d.message}\n`);
      return ExitCode.Problems;
    }
    try {
      for (const trigger of await readdir(path.join(EXAMPLE_DIR, 'events'))) {
        for (const file of (await readdir(path.join(EXAMPLE_DIR, 'events', trigger))).sort()) {
          const event = JSON.parse(await readFile(path.join(EXAMPLE_DIR, 'events', trigger, file), 'utf8')) as unknown;
          process.stdout.write(`\n$ actuate run ${trigger} --event actions-example/events/${trigger}/${file}\n`);
          const result = await runFlow(loaded.deployment, trigger, event);
          process.stdout.write(renderFlowResult(result, c, { compact: true }));
        }
      }
    } finally {
      loaded.deployment.close();
    }
    process.stdout.write('\nNext: `npx actuate run post-login --event actions-example/events/post-login/admin.json --secrets actions-example/secrets.example.json actions-example`,\nor `npx actuate diff HEAD~1 HEAD actions-example` to see what a commit changes per trigger.\n');
    return ExitCode.Ok;
  },
});

/** The demo's stand-in for the example's CRM, notification and SMS providers (reserved example.com hosts). */
const stubProvider: HostFetch = async (request) => {
  const url = new URL(request.url);
  if (!url.hostname.endsWith('.example.com')) throw new TypeError(`fetch to ${request.url} refused: the demo only answers *.example.com`);
  const body = new TextEncoder().encode(JSON.stringify({ ok: true, stub: url.hostname, method: request.method, path: url.pathname, sid: 'SM0123456789' }));
  return { url: request.url, status: 200, statusText: 'OK', headers: [['content-type', 'application/json']], body, redirected: false };
};

async function headCommit(): Promise<string | undefined> {
  const { readRepo } = await import('../../repo/index.ts');
  return (await readRepo({ dir: EXAMPLE_DIR, commit: 'HEAD' })).commit;
}
