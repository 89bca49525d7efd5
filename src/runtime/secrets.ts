import { createDiagnostic, type Diagnostic } from '../core/index.ts';
import type { Manifest } from '../manifest/index.ts';

/** Secret values per action name. Values never come from git: a file or the environment. */
export type SecretValues = ReadonlyMap<string, Readonly<Record<string, string>>>;

/** Where secret values come from: a parsed `--secrets` file (`{ "<action>": { "NAME": "value" } }`) and the environment. */
export interface SecretSources {
  readonly file?: unknown;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** `ACTUATE_SECRET_<ACTION>_<NAME>`, the action name upper-cased with other characters as `_`. */
export function secretEnvName(action: string, name: string): string {
  return `ACTUATE_SECRET_${action.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${name}`;
}

/**
 * Resolves the declared secrets of every action of a manifest. A declared secret with no value is a
 * load error (never `undefined` at run time); undeclared values in the file are ignored, so an action
 * only ever sees the secrets it declared. The environment wins over the file.
 */
export function resolveSecrets(manifest: Manifest, sources: SecretSources): { values: SecretValues; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const file = sources.file;
  if (file !== undefined && (typeof file !== 'object' || file === null || Array.isArray(file))) {
    diagnostics.push(createDiagnostic({ code: 'E_SECRETS_FILE', severity: 'error', message: 'the secrets file must be a JSON object: { "<action name>": { "<SECRET>": "<value>" } }' }));
    return { values: new Map(), diagnostics };
  }
  const values = new Map<string, Record<string, string>>();
  for (const flow of Object.values(manifest.flows)) {
    for (const action of flow.actions) {
      const fromFile = (file as Record<string, unknown> | undefined)?.[action.name];
      const own: Record<string, string> = {};
      for (const name of action.secrets) {
        const env = sources.env?.[secretEnvName(action.name, name)];
        const v = env ?? (fromFile as Record<string, unknown> | undefined)?.[name];
        if (typeof v === 'string') own[name] = v;
        else {
          diagnostics.push(createDiagnostic({
            code: 'E_SECRET_MISSING', severity: 'error',
            message: `action "${action.name}" declares secret ${name}, but the runner has no value for it`,
            hint: `Set ${secretEnvName(action.name, name)}, or add { "${action.name}": { "${name}": "…" } } to the secrets file.`,
          }));
        }
      }
      values.set(action.name, own);
    }
  }
  return { values, diagnostics };
}

/**
 * Replaces secret values in text (console output, error messages) with `[REDACTED:NAME]`. Values
 * shorter than 4 characters are not redacted: they would garble every log line and cannot be
 * told apart from ordinary text.
 */
export function createRedactor(secrets: Readonly<Record<string, string>>): (text: string) => string {
  const pairs = Object.entries(secrets).filter(([, v]) => v.length >= 4).sort((a, b) => b[1].length - a[1].length);
  if (pairs.length === 0) return (t) => t;
  return (text) => {
    let out = text;
    for (const [name, value] of pairs) if (out.includes(value)) out = out.split(value).join(`[REDACTED:${name}]`);
    return out;
  };
}
