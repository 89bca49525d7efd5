import { defineCommand } from 'citty';
import { checkProject } from '../../compile/check-project.ts';
import { ExitCode, hasErrors } from '../../core/index.ts';
import { readRepo } from '../../repo/index.ts';
import { createColors } from '../render/color.ts';
import { cwdRelative, renderDiagnostics, summarize } from '../render/diagnostics.ts';
import { jsonEnvelope } from '../render/json.ts';

/** `actuate check`: everything wrong with the repo, with precise locations, before anything runs. */
export const checkCommand = defineCommand({
  meta: { name: 'check', description: 'Validate schemas and flows and type-check every action against its trigger' },
  args: {
    dir: { type: 'positional', required: false, description: 'Actions repository directory', default: '.' },
    commit: { type: 'string', description: 'Check the tree at this commit-ish instead of the working tree' },
    json: { type: 'boolean', description: 'Print one JSON envelope instead of text' },
  },
  async run({ args }) {
    const snapshot = await readRepo({ dir: args.dir, commit: args.commit });
    const { diagnostics } = checkProject(snapshot);
    const ok = !hasErrors(diagnostics);
    if (args.json) {
      process.stdout.write(jsonEnvelope('check', { ok, projectPath: snapshot.projectPath, commit: snapshot.commit ?? null, workingTree: snapshot.commit === undefined, diagnostics, summary: summarize(diagnostics) }));
    } else {
      const colors = createColors(process.stdout);
      const shown = diagnostics.filter((d) => d.severity !== 'info' || process.env['ACTUATE_VERBOSE']);
      if (shown.length) process.stdout.write(renderDiagnostics(shown, { files: snapshot.files, displayPath: cwdRelative(snapshot.root, snapshot.projectPath), colors }) + '\n');
      const at = snapshot.commit ? `commit ${snapshot.commit.slice(0, 12)}` : 'working tree (not a commit)';
      process.stdout.write(`${ok ? colors.green('✓') : colors.red('✗')} checked ${snapshot.files.size} files at ${at}: ${summarize(diagnostics)}\n`);
    }
    return ok ? ExitCode.Ok : ExitCode.Problems;
  },
});
