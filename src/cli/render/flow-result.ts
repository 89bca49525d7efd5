import type { FlowResult } from '../../runtime/index.ts';
import type { Colors } from './color.ts';

/**
 * A flow result for people, like Auth0's "Test" panel: the outcome, each action with its status,
 * duration and console output, the error with its source-mapped stack, and the merged commands.
 */
export function renderFlowResult(r: FlowResult, c: Colors, opts: { compact?: boolean } = {}): string {
  const out: string[] = [];
  const head = { success: c.green('✓ success'), denied: c.yellow('⊘ denied'), redirect: c.cyan('↪ redirect'), prompt: c.cyan('↪ prompt'), error: c.red('✗ error'), rejected: c.red('✗ rejected') }[r.outcome];
  out.push(`${head}  ${r.trigger}@${r.version || '?'}  execution ${r.executionId}  manifest ${r.manifest.slice(7, 19)}  ${r.durationMs.toFixed(1)} ms`);
  for (const p of r.problems ?? []) out.push(`  ${c.red('event')} ${p.pointer || '(root)'}: ${p.message}`);
  for (const a of r.actions) {
    const status = { success: c.green('ok'), denied: c.yellow('denied'), redirect: c.cyan('redirect'), error: c.red('error'), skipped: c.dim('skipped') }[a.status];
    out.push(`  ${status.padEnd(18)} ${a.name}  ${c.dim(`${a.handler}, ${a.durationMs.toFixed(2)} ms`)}`);
    for (const l of a.logs) out.push(`      ${c.dim(`console.${l.level}`)} ${l.message.split('\n').join('\n      ')}`);
    if (a.droppedLogs) out.push(`      ${c.dim(`… ${a.droppedLogs} more console entries dropped`)}`);
    if (a.error) out.push(`      ${c.red(a.error.stack.split('\n').join('\n      '))}`);
  }
  if (r.denied) out.push(`\n${c.yellow('denied by')} ${r.denied.action}: ${JSON.stringify(Object.fromEntries(Object.entries(r.denied).filter(([k]) => k !== 'action')))}`);
  if (r.redirect) {
    if (opts.compact) {
      const u = new URL(r.redirect.url);
      u.searchParams.delete('state');
      out.push(`\n${c.cyan('redirect to')} ${u.toString()}&state=<${r.redirect.state.length} chars>`);
    } else {
      out.push(`\n${c.cyan('redirect to')} ${r.redirect.url}`);
      out.push(`resume with: actuate run ${r.trigger} --continue '${r.redirect.state}' --event <event with the returned query/body>`);
    }
  }
  if (r.prompt) {
    out.push(`\n${c.cyan('render prompt')} ${r.prompt.id} ${JSON.stringify({ fields: r.prompt.fields, vars: r.prompt.vars })}`);
    out.push(`resume with: actuate run ${r.trigger} --continue '${r.prompt.state}' --event <event with event.prompt filled in>`);
  }
  if (r.commands && Object.keys(r.commands).length > 0) {
    out.push(opts.compact ? `  ${c.dim('commands')} ${JSON.stringify(pruneEmpty(r.commands))}` : `\ncommands:\n${JSON.stringify(r.commands, null, 2).replace(/^/gm, '  ')}`);
  }
  return out.join('\n') + '\n';
}

/** Drops empty objects and arrays, so a one-line summary shows only what the flow decided. */
function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruneEmpty);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = pruneEmpty(v);
    if (p !== null && typeof p === 'object' && Object.keys(p).length === 0) continue;
    out[k] = p;
  }
  return out;
}
