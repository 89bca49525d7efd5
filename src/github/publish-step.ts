import { UsageError } from '../core/index.ts';
import { createFsStore, openWritableStore } from '../store/index.ts';
import { repoPath } from './annotations.ts';
import { branchOf, type RunContext } from './context.ts';
import type { ActionInputs } from './inputs.ts';
import { publishCommit } from './publish.ts';
import { stepPaths, storeOptions, storeSpec } from './settings.ts';
import type { WorkflowIO } from './workflow-commands.ts';

/**
 * `mode: publish`: builds the pushed commit and publishes it to the store, then moves the ref.
 * Outputs `commit`, `manifest`, `objects-uploaded`, `ref` and `previous`. A commit that does not
 * build publishes nothing: its diagnostics become annotations and the step fails.
 */
export async function runPublishStep(inputs: ActionInputs, ctx: RunContext, env: NodeJS.ProcessEnv, io: WorkflowIO): Promise<number> {
  const refName = inputs.refName ?? branchOf(ctx.ref);
  if (refName === undefined) {
    throw new UsageError(
      `cannot tell which store ref to move: GITHUB_REF is ${JSON.stringify(ctx.ref)}, not a branch`,
      'run publish on pushes to a branch, or set the input "ref-name" (e.g. main)',
    );
  }
  const paths = stepPaths(inputs, ctx, env);
  const spec = storeSpec(inputs, ctx);
  const target = openWritableStore(spec, storeOptions(inputs, ctx, paths, io));
  const result = await io.group(`Build ${ctx.sha.slice(0, 12)} and publish it as refs/${refName}`, () =>
    publishCommit({
      dir: paths.projectDir,
      commit: ctx.sha,
      refName,
      buildStore: createFsStore(paths.buildStoreDir),
      target,
      cacheDir: paths.cacheDir,
      registry: inputs.npmRegistry,
    }),
  );
  io.setOutput('commit', result.commit);
  if (!result.ok) {
    for (const d of result.diagnostics) {
      if (d.severity === 'info') continue;
      io.annotate(d.severity === 'error' ? 'error' : 'warning', d.hint ? `${d.message}\nHow to fix: ${d.hint}` : d.message, {
        title: d.code,
        file: d.file === undefined ? undefined : repoPath(result.projectPath, d.file),
        line: d.line,
        endLine: d.endLine,
        col: d.column,
        endColumn: d.endColumn,
      });
    }
    const line = `✗ Commit \`${result.commit.slice(0, 12)}\` does not build; nothing was published and refs/${refName} did not move.`;
    io.appendSummary(`### Actuate publish\n\n${line}\n`);
    io.annotate('error', line.replace(/`/g, ''), { title: 'Actuate publish' });
    return 1;
  }
  io.setOutput('manifest', result.manifest);
  io.setOutput('objects-uploaded', String(result.objectsUploaded));
  io.setOutput('ref', refName);
  io.setOutput('previous', result.previous ?? '');
  io.setOutput('store-commit', result.pushed ?? '');
  if (result.warning) io.annotate('warning', result.warning, { title: 'Actuate publish' });
  const moved = result.refMoved
    ? `refs/${refName} moved ${result.previous ? `from \`${result.previous.slice(0, 12)}\` ` : ''}to \`${result.commit.slice(0, 12)}\``
    : `refs/${refName} already pointed at \`${result.commit.slice(0, 12)}\``;
  const line = `✓ Published \`${result.commit.slice(0, 12)}\` (manifest \`${result.manifest}\`): ${result.objectsUploaded} object${result.objectsUploaded === 1 ? '' : 's'} uploaded; ${moved}.`;
  io.appendSummary(`### Actuate publish\n\n${line}\n\nStore: \`${target.store.describe().replace(/ \(clone at .*\)$/, '')}\`\n`);
  io.info(line.replace(/`/g, ''));
  return 0;
}
