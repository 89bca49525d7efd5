import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, runCommand, type CommandDef } from 'citty';
import { ExitCode } from '../../core/index.ts';
import { executorFactory, startDaemon, type RunningDaemon } from '../../daemon/index.ts';
import { readRepo } from '../../repo/index.ts';
import type { FlowResult } from '../../runtime/index.ts';
import type { HostFetch } from '../../runtime/sandbox/index.ts';
import { createFsStore } from '../../store/index.ts';
import { createColors } from '../render/color.ts';
import { renderFlowResult } from '../render/flow-result.ts';
import { buildCommand } from './build.ts';
import { checkCommand } from './check.ts';

/** The bundled example repository (actions-example/ at the package root). */
export const EXAMPLE_DIR = fileURLToPath(new URL('../../../actions-example', import.meta.url));

/**
 * `actuate demo` (what `npm start` runs): the main job on the embedded defaults. Checks the example
 * repository, builds it at HEAD into its local store, serves that build with the runner daemon on
 * loopback, sends every sample event over HTTP and prints the results, then keeps serving until
 * interrupted (`--once` stops after the events).
 */
export const demoCommand = defineCommand({
  meta: { name: 'demo', description: 'Check, build, serve and exercise the bundled example repository' },
  args: {
    port: { type: 'string', description: 'Port of the demo daemon (0 picks a free one)', default: '8787' },
    once: { type: 'boolean', description: 'Stop after sending the sample events instead of serving until interrupted' },
  },
  async run({ args }) {
    const c = createColors(process.stdout);
    const commands = { check: checkCommand, build: buildCommand } as unknown as Record<string, CommandDef>;
    const step = async (title: string, name: 'check' | 'build', argv: string[]) => {
      process.stdout.write(`\n${c.bold(`== ${title}`)}\n$ actuate ${name} ${argv.map((a) => path.relative(process.cwd(), a) || a).join(' ')}\n\n`);
      const { result } = await runCommand(commands[name]!, { rawArgs: argv });
      return result as number;
    };
    process.stdout.write(`Actuate demo on the example repository ${path.relative(process.cwd(), EXAMPLE_DIR)}/\n`);
    if ((await step('1. Check the working tree', 'check', [EXAMPLE_DIR])) !== ExitCode.Ok) return ExitCode.Problems;
    const store = path.join(EXAMPLE_DIR, '.actuate', 'store');
    if ((await step('2. Build the committed example (HEAD) into its local store', 'build', [EXAMPLE_DIR, '--commit', 'HEAD', '--store', store])) !== ExitCode.Ok) return ExitCode.Problems;

    const head = (await readRepo({ dir: EXAMPLE_DIR, commit: 'HEAD' })).commit!;
    process.stdout.write(`\n${c.bold('== 3. Serve the build on loopback and send every sample event (QuickJS sandbox, demo secrets)')}\n`);
    process.stdout.write(c.dim("(outbound HTTP to *.example.com is answered by the demo's stub provider, which echoes each request)\n"));
    const secrets = JSON.parse(await readFile(path.join(EXAMPLE_DIR, 'secrets.example.json'), 'utf8')) as unknown;
    const token = randomBytes(24).toString('hex');
    let daemon: RunningDaemon;
    try {
      daemon = await startDaemon({
        store: createFsStore(store), target: { commit: head }, host: '127.0.0.1', port: Number(args.port),
        auth: { tokens: [token], adminTokens: [randomBytes(24).toString('hex')] },
        dataDir: path.join(EXAMPLE_DIR, '.actuate', 'daemon'), secrets: () => ({ file: secrets, env: process.env }),
        // In-thread: the stub provider is a function, which cannot cross into pool workers.
        executor: executorFactory('in-thread'), deployment: { fetch: stubProvider }, log: false,
      });
    } catch (e) {
      process.stdout.write(`${c.red('error')} ${(e as Error).message}\n${c.dim('(another demo running? `npm start -- --port 0` picks a free port)')}\n`);
      return ExitCode.Problems;
    }
    try {
      for (const trigger of (await readdir(path.join(EXAMPLE_DIR, 'events'))).sort()) {
        for (const file of (await readdir(path.join(EXAMPLE_DIR, 'events', trigger))).sort()) {
          const body = await readFile(path.join(EXAMPLE_DIR, 'events', trigger, file), 'utf8');
          process.stdout.write(`\n$ curl -X POST ${daemon.url}/v1/flows/${trigger} --data @actions-example/events/${trigger}/${file}\n`);
          const res = await fetch(`${daemon.url}/v1/flows/${trigger}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body });
          const json = (await res.json()) as Record<string, unknown>;
          if (res.status === 202) process.stdout.write(`${c.cyan('202 queued')} ${trigger} is async: execution ${String(json['executionId'])} runs in the background\n`);
          else if (res.status === 200) process.stdout.write(renderFlowResult(json as unknown as FlowResult, c, { compact: true }));
          else process.stdout.write(`${c.red(String(res.status))} ${JSON.stringify(json)}\n`);
        }
      }
      if (args.once) return ExitCode.Ok;
      process.stdout.write([
        '',
        c.bold(`Serving commit ${head.slice(0, 12)} on ${daemon.url} until interrupted (Ctrl-C). Try:`),
        `  curl -s -H 'Authorization: Bearer ${token}' -H 'Content-Type: application/json' \\`,
        `    --data @actions-example/events/post-login/admin.json ${daemon.url}/v1/flows/post-login`,
        `  curl -s -H 'Authorization: Bearer ${token}' ${daemon.url}/v1/status`,
        `  curl -sN -H 'Authorization: Bearer ${token}' '${daemon.url}/v1/executions?follow=1'`,
        `  curl -s -H 'Authorization: Bearer ${token}' ${daemon.url}/metrics`,
        'Or without the daemon: npx actuate run post-login actions-example --event actions-example/events/post-login/admin.json --secrets actions-example/secrets.example.json',
        '',
      ].join('\n'));
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      return ExitCode.Ok;
    } finally {
      await daemon.close();
    }
  },
});

/** The demo's stand-in for the example's CRM, notification and SMS providers (reserved example.com hosts). */
const stubProvider: HostFetch = async (request) => {
  const url = new URL(request.url);
  if (!url.hostname.endsWith('.example.com')) throw new TypeError(`fetch to ${request.url} refused: the demo only answers *.example.com`);
  const body = new TextEncoder().encode(JSON.stringify({ ok: true, stub: url.hostname, method: request.method, path: url.pathname, sid: 'SM0123456789' }));
  return { url: request.url, status: 200, statusText: 'OK', headers: [['content-type', 'application/json']], body, redirected: false };
};
