import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { ExitCode, UsageError } from '../../core/index.ts';
import { loadContinuationKey } from '../../daemon/continuation-key.ts';
import { continueFlow, loadDeployment, runFlow } from '../../runtime/index.ts';
import { createColors } from '../render/color.ts';
import { cwdRelative, renderDiagnostics, summarize } from '../render/diagnostics.ts';
import { renderFlowResult } from '../render/flow-result.ts';
import { jsonEnvelope } from '../render/json.ts';
import { buildAt, defaultStateDir } from './build-helpers.ts';

/** `actuate run`: Auth0's "Test" button on a laptop — build (reusing the store), then run a flow on an event. */
export const runCommand = defineCommand({
  meta: { name: 'run', description: 'Run a trigger\'s flow on a sample event in the QuickJS sandbox' },
  args: {
    trigger: { type: 'positional', required: true, description: 'Trigger id, e.g. post-login' },
    dir: { type: 'positional', required: false, description: 'Actions repository directory', default: '.' },
    event: { type: 'string', required: true, description: 'Event JSON file (as Auth0 would send it, without secrets)' },
    commit: { type: 'string', description: 'Commit-ish to run (default: HEAD)' },
    store: { type: 'string', description: 'Store directory (default: <repo>/.actuate/store)' },
    secrets: { type: 'string', description: 'Secrets JSON file: { "<action>": { "NAME": "value" } } (ACTUATE_SECRET_<ACTION>_<NAME> also works)' },
    continue: { type: 'string', description: 'Resume a redirected flow from its continuation state' },
    json: { type: 'boolean', description: 'Print one JSON envelope instead of text' },
  },
  async run({ args }) {
    const event = await readJson(args.event, 'event');
    const secretsFile = args.secrets ? await readJson(args.secrets, 'secrets') : undefined;
    const { snapshot, store, result } = await buildAt(args.dir, args.commit, args.store);
    const c = createColors(process.stdout);
    if (!result.ok) {
      if (args.json) process.stdout.write(jsonEnvelope('run', { ok: false, commit: result.commit, diagnostics: result.diagnostics }));
      else process.stdout.write(renderDiagnostics(result.diagnostics.filter((d) => d.severity !== 'info'), { files: snapshot.files, displayPath: cwdRelative(snapshot.root, snapshot.projectPath), colors: c }) + `\nbuild failed: ${summarize(result.diagnostics)}\n`);
      return ExitCode.Problems;
    }
    const loaded = await loadDeployment(store, { commit: result.commit }, {
      secrets: { file: secretsFile, env: process.env },
      continuationSecret: await continuationKey(defaultStateDir(snapshot)),
    });
    if (!loaded.ok) {
      if (args.json) process.stdout.write(jsonEnvelope('run', { ok: false, commit: result.commit, diagnostics: loaded.diagnostics }));
      else process.stdout.write(loaded.diagnostics.map((d) => `${c.red('error')} ${d.code}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`).join('\n') + '\n');
      return ExitCode.Problems;
    }
    try {
      const flowResult = args.continue
        ? await continueFlow(loaded.deployment, args.trigger, args.continue, event)
        : await runFlow(loaded.deployment, args.trigger, event);
      if (!loaded.deployment.flows.has(args.trigger) && !args.json) process.stdout.write(`${c.yellow('note')}: commit ${result.commit.slice(0, 12)} has no ${args.trigger} flow; nothing ran.\n`);
      if (args.json) process.stdout.write(jsonEnvelope('run', { ok: true, commit: result.commit, result: flowResult }));
      else process.stdout.write(renderFlowResult(flowResult, c));
      return flowResult.outcome === 'error' || flowResult.outcome === 'rejected' ? ExitCode.Problems : ExitCode.Ok;
    } finally {
      loaded.deployment.close();
    }
  },
});

async function readJson(file: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read the ${what} file ${file}`, `Pass an existing JSON file with --${what}.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new UsageError(`the ${what} file ${file} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * The key that seals continuation states for local runs, so `--continue` works across invocations:
 * ACTUATE_CONTINUATION_SECRET, or the daemon's key file kept in <repo>/.actuate/continuation.key.
 */
async function continuationKey(stateDir: string): Promise<Uint8Array> {
  const fromEnv = process.env['ACTUATE_CONTINUATION_SECRET'];
  return fromEnv ? new TextEncoder().encode(fromEnv) : loadContinuationKey(stateDir);
}
