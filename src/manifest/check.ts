import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { createDiagnostic } from '../core/index.ts';
import type { Diagnostic } from '../core/index.ts';
import { ManifestSchema, PATTERNS } from './schema.ts';
import type { Manifest } from './schema.ts';

/** Outcome of {@link checkManifest}: a typed manifest, or every problem found. */
export type ManifestCheck =
  | { readonly ok: true; readonly manifest: Manifest }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Checks an already-parsed JSON value against the manifest schema, then the rules a schema cannot
 * say (unique action names, sorted lists). Returns problems as values, each with the JSON pointer
 * of the offending value, so both `parseManifest` (which throws) and `verifyStore` (which reports)
 * can use it.
 *
 * @param source where the manifest came from, used in messages (e.g. `sha256:… in fs store at ./store`).
 */
export function checkManifest(value: unknown, source: string): ManifestCheck {
  const validate = compiled();
  if (!validate(value)) {
    return { ok: false, diagnostics: (validate.errors ?? []).map((e) => schemaDiagnostic(e, source)) };
  }
  const manifest = value as Manifest;
  const diagnostics = ruleDiagnostics(manifest, source);
  return diagnostics.length === 0 ? { ok: true, manifest } : { ok: false, diagnostics };
}

/** Escapes one JSON pointer token (RFC 6901). */
export function pointerToken(token: string | number): string {
  return String(token).replaceAll('~', '~0').replaceAll('/', '~1');
}

// --- internal ---

let validator: ValidateFunction | undefined;

/** Compiled once per process: ajv code generation costs milliseconds the runner should not pay twice. */
function compiled(): ValidateFunction {
  validator ??= new Ajv({ strict: true, allErrors: true, verbose: true }).compile(ManifestSchema);
  return validator;
}

const PHRASES = new Map<string, string>(Object.values(PATTERNS).map((p) => [p.pattern, p.phrase]));

function schemaDiagnostic(error: ErrorObject, source: string): Diagnostic {
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let text: string;
  switch (error.keyword) {
    case 'required':
      pointer += `/${pointerToken(String(params['missingProperty']))}`;
      text = 'is required but missing';
      break;
    case 'additionalProperties': {
      pointer += `/${pointerToken(String(params['additionalProperty']))}`;
      const keyPatterns = Object.keys((error.parentSchema?.['patternProperties'] as object | undefined) ?? {});
      text =
        keyPatterns.length > 0
          ? `is not allowed here: keys must be ${keyPatterns.map((p) => PHRASES.get(p) ?? `matching ${p}`).join(' or ')}`
          : 'is not a known property (manifests are closed: a newer Actuate may have written it)';
      break;
    }
    case 'pattern':
      text = `must be ${PHRASES.get(String(params['pattern'])) ?? `a string matching ${String(params['pattern'])}`}, got ${preview(error.data)}`;
      break;
    case 'enum':
      text = `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${preview(error.data)}`;
      break;
    case 'const':
      text = `must be ${JSON.stringify(params['allowedValue'])}, got ${preview(error.data)}`;
      break;
    default:
      text = `${error.message ?? 'is invalid'}${error.keyword === 'type' ? `, got ${preview(error.data)}` : ''}`;
  }
  return problem(source, pointer, text);
}

function ruleDiagnostics(manifest: Manifest, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [trigger, flow] of Object.entries(manifest.flows)) {
    const base = `/flows/${pointerToken(trigger)}/actions`;
    const seen = new Map<string, number>();
    flow.actions.forEach((action, i) => {
      const first = seen.get(action.name);
      if (first !== undefined) {
        out.push(problem(source, `${base}/${i}/name`, `repeats action "${action.name}" (already at ${base}/${first}); an action runs at most once per flow`));
      } else seen.set(action.name, i);
      const unsorted = firstUnsorted(action.secrets);
      if (unsorted !== undefined) out.push(problem(source, `${base}/${i}/secrets/${unsorted}`, 'is out of order: secret names are sorted'));
      const dep = firstUnsortedDependency(action.dependencies);
      if (dep !== undefined) {
        out.push(problem(source, `${base}/${i}/dependencies/${dep}`, 'is out of order or repeated: dependencies are sorted by name, then version, each name@version once'));
      }
    });
  }
  const allow = manifest.settings.egress.allow;
  const host = allow === undefined ? undefined : firstUnsorted(allow);
  if (host !== undefined) out.push(problem(source, `/settings/egress/allow/${host}`, 'is out of order: allowed hosts are sorted'));
  return out;
}

/** Index of the first element not strictly after its predecessor (code unit order), if any. */
/** Two versions of one package are normal in an npm tree (a nested older copy); the same one twice is not. */
function firstUnsortedDependency(deps: readonly { name: string; version: string }[]): number | undefined {
  for (let i = 1; i < deps.length; i++) {
    const prev = deps[i - 1]!;
    const cur = deps[i]!;
    if (cur.name < prev.name || (cur.name === prev.name && cur.version <= prev.version)) return i;
  }
  return undefined;
}

function firstUnsorted(values: readonly string[], strict = false): number | undefined {
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1]!;
    const cur = values[i]!;
    if (cur < prev || (strict && cur === prev)) return i;
  }
  return undefined;
}

function problem(source: string, pointer: string, text: string): Diagnostic {
  return createDiagnostic({
    code: 'E_MANIFEST_INVALID',
    severity: 'error',
    message: `manifest ${source}: ${pointer === '' ? '(root)' : pointer} ${text}`,
    pointer,
    hint: 'manifests are written by `actuate build`; rebuild the commit instead of editing one by hand',
  });
}

function preview(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
