import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';
import { parseYaml, type Yaml } from './mini-yaml.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** What `runs.main` in action.yml names: the committed bundle GitHub runs. */
export const ACTION_ENTRY = path.join(ROOT, String(((parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Record<string, Yaml>)['runs'] as Record<string, Yaml>)['main']));

export interface ActionRunOptions {
  /** The step's `with:` values (expressions already resolved, or left for {@link resolveExpressions}). */
  readonly with: Record<string, string>;
  readonly eventName: string;
  readonly event: unknown;
  /** `GITHUB_SHA` */
  readonly sha: string;
  /** `GITHUB_REF` */
  readonly ref: string;
  /** The checkout (`GITHUB_WORKSPACE`, the step's cwd). */
  readonly workspace: string;
  readonly apiUrl: string;
  readonly token: string;
  readonly repository?: string;
  /** `GITHUB_SERVER_URL` (default https://github.com). */
  readonly serverUrl?: string;
  readonly env?: Record<string, string>;
}

export interface ActionRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Parsed from the `GITHUB_OUTPUT` file. */
  readonly outputs: Record<string, string>;
  /** The `GITHUB_STEP_SUMMARY` file. */
  readonly summary: string;
  /** `::error ...::` and `::warning ...::` lines, decoded. */
  readonly annotations: { level: string; props: Record<string, string>; message: string }[];
}

/** The inputs declared in action.yml with their defaults, as the runner passes them. */
export function actionInputDefaults(): Record<string, string> {
  const doc = parseYaml(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Record<string, Yaml>;
  const inputs = doc['inputs'] as Record<string, Record<string, Yaml>>;
  return Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, String(spec['default'] ?? '')]));
}

/** Resolves `${{ a.b }}` expressions from a context, failing on any it does not know. */
export function resolveExpressions(value: string, context: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, key: string) => {
    const v = context[key];
    if (v === undefined) throw new Error(`the test does not know the expression \${{ ${key} }}`);
    return v;
  });
}

/**
 * Runs the Action's entry as a process, the way the runner does for `uses:` with `runs.using:
 * node20`: the event payload in a file, the GITHUB_* variables, every declared input as
 * `INPUT_<NAME>` (defaults from action.yml, overridden by `with:`), output and summary files.
 * Async, so a stand-in server in this process keeps answering.
 */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'actuate-action-run-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const eventPath = path.join(dir, 'event.json');
  const outputPath = path.join(dir, 'output');
  const summaryPath = path.join(dir, 'summary.md');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  const repository = options.repository ?? 'acme/auth-actions';
  const context = { 'github.token': options.token, 'secrets.GITHUB_TOKEN': options.token };
  const inputs = { ...actionInputDefaults(), ...options.with };
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && !k.startsWith('RUNNER_')) env[k] = v;
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = resolveExpressions(value, context);
  Object.assign(env, {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository,
    GITHUB_SHA: options.sha,
    GITHUB_REF: options.ref,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_SERVER_URL: options.serverUrl ?? 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: dir,
    NO_COLOR: '1',
    ...options.env,
  });
  const child = spawn(process.execPath, [ACTION_ENTRY], { cwd: options.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    status,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    annotations: parseAnnotations(stdout),
  };
}

/** Reads the `name<<DELIMITER` heredoc format the runner reads from GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    if (end < 0) throw new Error(`unterminated output ${m[1]}`);
    out[m[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return out;
}

const decode = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

function parseAnnotations(stdout: string): ActionRun['annotations'] {
  const out: ActionRun['annotations'] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props = Object.fromEntries((m[2] ?? '').split(',').filter(Boolean).map((p) => [p.slice(0, p.indexOf('=')), decode(p.slice(p.indexOf('=') + 1))]));
    out.push({ level: m[1]!, props, message: decode(m[3]!) });
  }
  return out;
}
