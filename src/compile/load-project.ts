import { closestMatch, createDiagnostic, type Diagnostic } from '../core/index.ts';
import type { RepoSnapshot } from '../repo/index.ts';
import { TRIGGERS, getTrigger, listTriggerIds } from '../triggers/index.ts';
import { validatorFor } from './ajv.ts';
import { loadFlows } from './load-flows.ts';
import type { LoadedProject, ProjectAction, ResolvedConfig } from './project.ts';
import { ActionMetaSchema, ActuateConfigSchema, DEFAULT_LIMITS, type ActionMeta, type ActuateConfig, type Limits } from './schemas/index.ts';
import { nodeAtPointer, validateJson, at } from './validate-json.ts';

/** Handler module names looked up in an action directory, in this order. */
export const ENTRY_NAMES = ['index.ts', 'index.mts', 'index.cts', 'index.js', 'index.mjs', 'index.cjs'] as const;
const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Reads actuate.json, every action.json and every flow file of a snapshot, validating each against its
 * schema and the cross-file rules (known trigger@version, one entry module per action, limits).
 * Always returns a project (possibly with fewer actions) so later stages can report their own problems too.
 */
export function loadProject(snapshot: RepoSnapshot): LoadedProject {
  const diagnostics: Diagnostic[] = [];
  const config = loadConfig(snapshot, diagnostics);
  const actions = loadActions(snapshot, config, diagnostics);
  const flows = loadFlows(snapshot, config, actions, diagnostics);
  return { project: { snapshot, config, actions, flows }, diagnostics };
}

function loadConfig(snapshot: RepoSnapshot, diagnostics: Diagnostic[]): ResolvedConfig {
  const text = snapshot.files.get('actuate.json');
  let raw: ActuateConfig = {};
  if (text !== undefined) {
    const r = validateJson<ActuateConfig>('actuate.json', text, validatorFor(ActuateConfigSchema));
    diagnostics.push(...r.diagnostics);
    raw = r.value ?? {};
  }
  const root = (raw.root ?? '.').replace(/^\.\/?/, '').replace(/\/+$/, '');
  const explicit = new Set(Object.keys(raw.limits ?? {}) as (keyof Limits)[]);
  return {
    rootPrefix: root === '' ? '' : `${root}/`,
    limits: { ...DEFAULT_LIMITS, ...raw.limits },
    explicitLimits: explicit,
    egress: { allow: raw.egress?.allow ? [...raw.egress.allow].sort() : undefined, allowPrivate: raw.egress?.allowPrivate ?? false },
  };
}

function loadActions(snapshot: RepoSnapshot, config: ResolvedConfig, diagnostics: Diagnostic[]): Map<string, ProjectAction> {
  const prefix = `${config.rootPrefix}actions/`;
  const dirs = new Map<string, string[]>();
  for (const file of snapshot.files.keys()) {
    if (!file.startsWith(prefix)) continue;
    const rest = file.slice(prefix.length);
    const slash = rest.indexOf('/');
    if (slash < 0) {
      diagnostics.push(createDiagnostic({ code: 'E_ACTION_LAYOUT', severity: 'error', file, line: 1, column: 1, message: `${file} is not inside an action directory`, hint: `Move it to ${prefix}<action name>/ next to an action.json.` }));
      continue;
    }
    const name = rest.slice(0, slash);
    (dirs.get(name) ?? dirs.set(name, []).get(name)!).push(rest.slice(slash + 1));
  }
  const actions = new Map<string, ProjectAction>();
  for (const [name, files] of [...dirs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const dir = `${prefix}${name}`;
    const metaFile = `${dir}/action.json`;
    const text = snapshot.files.get(metaFile);
    if (text === undefined) {
      diagnostics.push(createDiagnostic({ code: 'E_ACTION_META_MISSING', severity: 'error', file: `${dir}/${files[0]}`, line: 1, column: 1, message: `action "${name}" has no action.json`, hint: `Create ${metaFile} with at least { "trigger": "post-login" }.` }));
      continue;
    }
    if (!ACTION_NAME.test(name)) {
      diagnostics.push(createDiagnostic({ code: 'E_ACTION_NAME', severity: 'error', file: metaFile, line: 1, column: 1, message: `"${name}" is not a valid action name`, hint: 'Use letters, digits, ".", "_" and "-", starting with a letter or digit.' }));
      continue;
    }
    const r = validateJson<ActionMeta>(metaFile, text, validatorFor(ActionMetaSchema));
    diagnostics.push(...r.diagnostics.map((d) => (d.pointer === '/trigger' ? unknownTrigger(d, r.value?.trigger ?? pointerValue(r, '/trigger')) : d)));
    if (!r.value || !r.tree) continue;
    const meta = r.value;
    const trigger = getTrigger(meta.trigger, meta.version);
    if (!trigger) {
      const versions = TRIGGERS.filter((t) => t.id === meta.trigger).map((t) => t.version);
      const node = nodeAtPointer(r.tree, '/version') ?? r.tree;
      diagnostics.push(at(r.lines, metaFile, node.offset, { code: 'E_UNKNOWN_TRIGGER_VERSION', pointer: '/version', message: `${meta.trigger}@${meta.version} is not a supported trigger version`, hint: `Supported: ${versions.map((v) => `"${v}"`).join(', ')}. Omit "version" to use the current one.` }));
      continue;
    }
    checkCount(meta.secrets?.length ?? 0, config.limits.maxSecretsPerAction, 'secrets', '/secrets', 'E_LIMIT_SECRETS', metaFile, r, diagnostics);
    checkCount(Object.keys(meta.dependencies ?? {}).length, config.limits.maxDependenciesPerAction, 'dependencies', '/dependencies', 'E_LIMIT_DEPENDENCIES', metaFile, r, diagnostics);
    const entries = ENTRY_NAMES.filter((e) => files.includes(e));
    if (entries.length !== 1) {
      diagnostics.push(createDiagnostic({
        code: entries.length === 0 ? 'E_ACTION_ENTRY_MISSING' : 'E_ACTION_ENTRY_AMBIGUOUS',
        severity: 'error', file: metaFile, line: 1, column: 1,
        message: entries.length === 0 ? `action "${name}" has no handler module` : `action "${name}" has several handler modules: ${entries.join(', ')}`,
        hint: entries.length === 0 ? `Create ${dir}/index.ts or ${dir}/index.js exporting ${trigger.handlers.execute}.` : 'Keep exactly one index file; other modules can be imported from it.',
      }));
      continue;
    }
    actions.set(name, { name, dir, metaFile, meta, entry: `${dir}/${entries[0]}`, trigger });
  }
  return actions;
}

function unknownTrigger(d: Diagnostic, value: unknown): Diagnostic {
  if (typeof value !== 'string') return d;
  const guess = closestMatch(value, listTriggerIds());
  return { ...d, code: 'E_UNKNOWN_TRIGGER', message: `"${value}" is not a known trigger`, hint: `${guess ? `Did you mean "${guess}"? ` : ''}Known triggers: ${listTriggerIds().join(', ')}.` };
}

function pointerValue(r: { tree: import('jsonc-parser').Node | undefined }, pointer: string): unknown {
  return r.tree ? nodeAtPointer(r.tree, pointer)?.value : undefined;
}

function checkCount(
  count: number, max: number, what: string, pointer: string, code: string, file: string,
  r: { tree: import('jsonc-parser').Node | undefined; lines: import('../core/index.ts').LineIndex }, diagnostics: Diagnostic[],
): void {
  if (count <= max || !r.tree) return;
  const node = nodeAtPointer(r.tree, pointer) ?? r.tree;
  diagnostics.push(at(r.lines, file, node.offset, { code, pointer, message: `${count} ${what} declared; the limit is ${max}`, hint: `Declare at most ${max} ${what}, or raise limits in actuate.json.` }));
}
