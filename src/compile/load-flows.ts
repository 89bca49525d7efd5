import { closestMatch, createDiagnostic, type Diagnostic } from '../core/index.ts';
import type { RepoSnapshot } from '../repo/index.ts';
import { getTrigger, listTriggerIds, triggerKey } from '../triggers/index.ts';
import { validatorFor } from './ajv.ts';
import type { FlowEntry, ProjectAction, ProjectFlow, ResolvedConfig } from './project.ts';
import { FlowSchema, type Flow } from './schemas/index.ts';
import { at, nodeAtPointer, validateJson } from './validate-json.ts';

/**
 * Reads `flows/<trigger>.json` files and checks each against the actions: every name exists, is an
 * action of that trigger (and of one trigger version), appears once, and the flow is within limits.
 */
export function loadFlows(
  snapshot: RepoSnapshot,
  config: ResolvedConfig,
  actions: ReadonlyMap<string, ProjectAction>,
  diagnostics: Diagnostic[],
): ProjectFlow[] {
  const prefix = `${config.rootPrefix}flows/`;
  const flows: ProjectFlow[] = [];
  for (const [file, text] of snapshot.files) {
    if (!file.startsWith(prefix)) continue;
    const base = file.slice(prefix.length);
    if (!base.endsWith('.json') || base.includes('/')) {
      diagnostics.push(createDiagnostic({ code: 'E_FLOW_LAYOUT', severity: 'error', file, line: 1, column: 1, message: `${file} is not a flow file`, hint: `Flows are ${prefix}<trigger>.json, e.g. ${prefix}post-login.json.` }));
      continue;
    }
    const triggerId = base.slice(0, -'.json'.length);
    const r = validateJson<Flow>(file, text, validatorFor(FlowSchema));
    diagnostics.push(...r.diagnostics);
    if (!listTriggerIds().includes(triggerId)) {
      const guess = closestMatch(triggerId, listTriggerIds());
      diagnostics.push(createDiagnostic({ code: 'E_FLOW_UNKNOWN_TRIGGER', severity: 'error', file, line: 1, column: 1, message: `"${triggerId}" is not a known trigger, so ${file} is not a flow`, hint: `${guess ? `Did you mean ${prefix}${guess}.json? ` : ''}Known triggers: ${listTriggerIds().join(', ')}.` }));
      continue;
    }
    if (!r.value || !r.tree) continue;
    const entries: FlowEntry[] = [];
    const seen = new Map<string, number>();
    let version: string | undefined;
    r.value.actions.forEach((name, i) => {
      const node = nodeAtPointer(r.tree!, `/actions/${i}`)!;
      const pos = r.lines.positionAt(node.offset);
      const d = (code: string, message: string, hint: string) =>
        diagnostics.push(at(r.lines, file, node.offset, { code, message, hint, pointer: `/actions/${i}` }));
      const action = actions.get(name);
      if (seen.has(name)) {
        d('E_FLOW_DUPLICATE', `action "${name}" is listed twice in the ${triggerId} flow`, `An action runs at most once per flow; remove the second entry (first at item ${seen.get(name)}).`);
        return;
      }
      seen.set(name, i);
      if (!action) {
        const guess = closestMatch(name, actions.keys());
        d('E_FLOW_MISSING_ACTION', `the ${triggerId} flow names action "${name}", which does not exist`, guess ? `Did you mean "${guess}"?` : `Create ${config.rootPrefix}actions/${name}/action.json, or remove the entry.`);
        return;
      }
      if (action.trigger.id !== triggerId) {
        d('E_FLOW_WRONG_TRIGGER', `action "${name}" is a ${action.trigger.id} action; it cannot run in the ${triggerId} flow`, `Move it to ${prefix}${action.trigger.id}.json, or change "trigger" in ${action.metaFile}.`);
        return;
      }
      if (version !== undefined && action.trigger.version !== version) {
        d('E_FLOW_VERSION_MISMATCH', `action "${name}" targets ${triggerKey(action.trigger)} but earlier actions of this flow target ${triggerId}@${version}`, 'All actions of one flow must target the same trigger version.');
        return;
      }
      version = action.trigger.version;
      entries.push({ name, line: pos.line, column: pos.column });
    });
    const trigger = getTrigger(triggerId, version);
    const max = config.explicitLimits.has('maxActionsPerFlow') || !trigger ? config.limits.maxActionsPerFlow : trigger.maxActionsPerFlow;
    if (r.value.actions.length > max) {
      const node = nodeAtPointer(r.tree, '/actions') ?? r.tree;
      diagnostics.push(at(r.lines, file, node.offset, { code: 'E_LIMIT_ACTIONS_PER_FLOW', pointer: '/actions', message: `the ${triggerId} flow has ${r.value.actions.length} actions; the limit is ${max}`, hint: 'Merge actions, or raise limits.maxActionsPerFlow in actuate.json.' }));
    }
    flows.push({ triggerId, file, trigger, entries });
  }
  flows.sort((a, b) => (a.triggerId < b.triggerId ? -1 : 1));
  for (const action of actions.values()) {
    const bound = flows.some((f) => f.triggerId === action.trigger.id && f.entries.some((e) => e.name === action.name));
    if (!bound) {
      diagnostics.push(createDiagnostic({ code: 'I_ACTION_UNBOUND', severity: 'info', file: action.metaFile, line: 1, column: 1, message: `action "${action.name}" is not in any flow, so it never runs`, hint: `Add it to ${prefix}${action.trigger.id}.json to run it.` }));
    }
  }
  return flows;
}
