import path from 'node:path';
import { defineCommand } from 'citty';
import { ExitCode } from '../../core/index.ts';
import { createColors } from '../render/color.ts';
import { cwdRelative, renderDiagnostics, summarize } from '../render/diagnostics.ts';
import { jsonEnvelope } from '../render/json.ts';
import { buildAt } from './build-helpers.ts';

/** `actuate build`: one commit → content-addressed bundles + a manifest in the store. */
export const buildCommand = defineCommand({
  meta: { name: 'build', description: 'Build a commit into content-addressed bundles and a manifest' },
  args: {
    dir: { type: 'positional', required: false, description: 'Actions repository directory', default: '.' },
    commit: { type: 'string', description: 'Commit-ish to build (default: HEAD; never the working tree)' },
    store: { type: 'string', description: 'Store directory (default: <repo>/.actuate/store)' },
    json: { type: 'boolean', description: 'Print one JSON envelope instead of text' },
  },
  async run({ args }) {
    const { snapshot, storeDir, result } = await buildAt(args.dir, args.commit, args.store);
    if (args.json) {
      process.stdout.write(jsonEnvelope('build', result.ok
        ? { ok: true, commit: result.commit, manifest: result.digest, store: storeDir, objectsWritten: result.objectsWritten, actions: result.actions, diagnostics: result.diagnostics }
        : { ok: false, commit: result.commit, diagnostics: result.diagnostics }));
      return result.ok ? ExitCode.Ok : ExitCode.Problems;
    }
    const c = createColors(process.stdout);
    const shown = result.diagnostics.filter((d) => d.severity !== 'info');
    if (shown.length) process.stdout.write(renderDiagnostics(shown, { files: snapshot.files, displayPath: cwdRelative(snapshot.root, snapshot.projectPath), colors: c }) + '\n');
    if (!result.ok) {
      process.stdout.write(`${c.red('✗')} build of ${result.commit.slice(0, 12)} failed: ${summarize(result.diagnostics)}; no manifest written\n`);
      return ExitCode.Problems;
    }
    const rows = result.actions.map((a) => `  ${a.trigger.padEnd(30)} ${a.name.padEnd(28)} ${kb(a.size).padStart(9)}  ${a.bundle.slice(7, 19)}  ${a.reused ? c.dim('cached') : 'built'}`);
    process.stdout.write([
      `${c.green('✓')} built commit ${result.commit.slice(0, 12)} → manifest ${c.bold(result.digest)}`,
      `  store ${path.relative(process.cwd(), storeDir) || storeDir}; ${result.objectsWritten} new object${result.objectsWritten === 1 ? '' : 's'}; ${result.actions.filter((a) => a.reused).length}/${result.actions.length} actions reused from cache`,
      ...rows,
      '',
    ].join('\n'));
    return ExitCode.Ok;
  },
});

function kb(n: number): string {
  return n < 1000 ? `${n} B` : `${(n / 1000).toFixed(1)} kB`;
}
