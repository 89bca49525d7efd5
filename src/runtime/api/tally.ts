import type { FlowState, FlowTally, RecordedCommand } from './types.ts';
import { utf8Bytes } from './values.ts';

export type { FlowTally } from './types.ts';

/**
 * The flow-wide running totals of `state` that limits are checked against, up to date with its
 * commands. Kept incrementally (`state.tally`) so a call costs O(1) rather than a rescan of every
 * command. The tally is derived from `state.commands`, which is append-only: each look-up folds the
 * commands added since the last one, so commands restored by `replayCommands` (or appended by
 * anyone else) are counted too.
 */
export function tallyOf(state: FlowState): FlowTally {
  let entry = state.tally;
  if (entry === undefined || entry.folded > state.commands.length) {
    entry = { folded: 0, totals: { appMetadata: new Map(), userMetadata: new Map(), samlAttributes: new Set(), primaryUser: false } };
    state.tally = entry;
  }
  for (; entry.folded < state.commands.length; entry.folded++) fold(entry.totals, state.commands[entry.folded]!);
  return entry.totals;
}

/** JSON bytes of a patch entry `"key":value` (what the patch grows by). */
export function patchEntryBytes(key: string, value: unknown): number {
  return utf8Bytes(JSON.stringify(key)) + 1 + utf8Bytes(JSON.stringify(value) ?? 'null');
}

/** JSON bytes of a whole patch from its entries' bytes: braces and commas included. */
export function patchBytes(entries: Map<string, number>, change?: { key: string; bytes: number }): number {
  let total = 0;
  let count = 0;
  for (const [k, b] of entries) {
    if (change !== undefined && k === change.key) continue;
    total += b;
    count++;
  }
  if (change !== undefined) {
    total += change.bytes;
    count++;
  }
  return 2 + total + Math.max(0, count - 1);
}

// --- internal ---

function fold(t: FlowTally, cmd: RecordedCommand): void {
  const [a, b] = cmd.args;
  switch (`${cmd.namespace}.${cmd.method}`) {
    case 'user.setAppMetadata':
      t.appMetadata.set(a as string, patchEntryBytes(a as string, b ?? null));
      return;
    case 'user.setUserMetadata':
      t.userMetadata.set(a as string, patchEntryBytes(a as string, b ?? null));
      return;
    case 'samlResponse.setAttribute':
      t.samlAttributes.add(a as string);
      return;
    case 'authentication.setPrimaryUser':
      t.primaryUser = true;
      return;
    default:
      return;
  }
}
