import { defineCommand } from 'citty';
import { ExitCode } from '../../core/index.ts';
import { planChanges, renderPlanMarkdown, renderPlanText } from '../../manifest/index.ts';
import { createColors } from '../render/color.ts';
import { cwdRelative, renderDiagnostics, summarize } from '../render/diagnostics.ts';
import { jsonEnvelope } from '../render/json.ts';
import { buildAt } from './build-helpers.ts';

/** `actuate diff <from> <to>`: what would change, per trigger, between two commits. */
export const diffCommand = defineCommand({
  meta: { name: 'diff', description: 'Show the plan between two commits: actions added, changed, removed, order, secrets, dependencies' },
  args: {
    from: { type: 'positional', required: true, description: 'Base commit-ish' },
    to: { type: 'positional', required: true, description: 'Head commit-ish' },
    dir: { type: 'positional', required: false, description: 'Actions repository directory', default: '.' },
    store: { type: 'string', description: 'Store directory (default: <repo>/.actuate/store)' },
    json: { type: 'boolean', description: 'Print one JSON envelope instead of text' },
    markdown: { type: 'boolean', description: 'Print the plan as Markdown (as in the pull-request comment)' },
  },
  async run({ args }) {
    const a = await buildAt(args.dir, args.from, args.store);
    const b = await buildAt(args.dir, args.to, args.store);
    for (const side of [a, b]) {
      if (side.result.ok) continue;
      if (args.json) process.stdout.write(jsonEnvelope('diff', { ok: false, commit: side.result.commit, diagnostics: side.result.diagnostics }));
      else {
        process.stdout.write(renderDiagnostics(side.result.diagnostics.filter((d) => d.severity !== 'info'), { files: side.snapshot.files, displayPath: cwdRelative(side.snapshot.root, side.snapshot.projectPath), colors: createColors(process.stdout) }));
        process.stdout.write(`\nbuild of ${side.result.commit.slice(0, 12)} failed: ${summarize(side.result.diagnostics)}\n`);
      }
      return ExitCode.Problems;
    }
    if (!a.result.ok || !b.result.ok) return ExitCode.Problems;
    const plan = planChanges(
      { commit: a.result.commit, digest: a.result.digest, manifest: a.result.manifest },
      { commit: b.result.commit, digest: b.result.digest, manifest: b.result.manifest },
    );
    if (args.json) process.stdout.write(jsonEnvelope('diff', { ok: true, plan }));
    else process.stdout.write(args.markdown ? renderPlanMarkdown(plan) : renderPlanText(plan));
    return ExitCode.Ok;
  },
});
