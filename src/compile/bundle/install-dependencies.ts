/**
 * Installs an action's npm dependencies into a content-addressed cache: one directory per set of
 * exact versions (and registry), installed once with npm and shared by every action and commit
 * that declares the same set. Installs run in a temporary directory and appear with one atomic
 * rename, so a reader never sees half an install and two processes may race safely.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { InternalError, canonicalJson, createDiagnostic, type Diagnostic } from '../../core/index.ts';
import type { InstalledDependencies, ResolvedPackage } from './types.ts';

export interface InstallOptions {
  /** Directory holding the installs (created when missing). */
  readonly cacheDir: string;
  /** npm registry URL; npm's configured registry when omitted. */
  readonly registry?: string;
}

export type InstallResult = { readonly ok: true; readonly value: InstalledDependencies } | { readonly ok: false; readonly diagnostics: Diagnostic[] };

/** Bump when the layout of an install directory changes, so old ones are not reused. */
const CACHE_FORMAT = 'actuate-deps-1';
const MARKER = 'actuate-install.json';
const NPM_TIMEOUT_MS = 10 * 60_000;

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;
const PACKAGE_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/i;

/** True for an exact semver version such as `1.2.3` or `2.0.0-rc.1` (no ranges, tags or URLs). */
export function isExactVersion(version: string): boolean {
  return SEMVER.test(version);
}

/**
 * Installs `deps` (name → exact version) or reuses the cached install. Bad names, non-exact
 * versions and npm failures (unknown package or version, unreachable registry) are diagnostics.
 */
export async function installDependencies(deps: Readonly<Record<string, string>>, opts: InstallOptions): Promise<InstallResult> {
  const invalid = validate(deps);
  if (invalid.length > 0) return { ok: false, diagnostics: invalid };
  const dependencies = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
  const registry = opts.registry === undefined ? undefined : `${opts.registry.replace(/\/+$/, '')}/`;
  const key = createHash('sha256').update(canonicalJson({ format: CACHE_FORMAT, dependencies, registry: registry ?? null })).digest('hex');
  const cacheDir = path.resolve(opts.cacheDir);
  const dir = path.join(cacheDir, key);

  const cached = await readInstall(dir);
  if (cached) return { ok: true, value: cached };

  await mkdir(cacheDir, { recursive: true });
  const tmp = await mkdtemp(path.join(cacheDir, `.tmp-${key.slice(0, 12)}-`));
  try {
    const manifest = { name: 'actuate-action-dependencies', version: '0.0.0', private: true, dependencies };
    await writeFile(path.join(tmp, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const npm = await runNpm(tmp, registry);
    if (!npm.ok) return { ok: false, diagnostics: [installFailure(npm.output, registry)] };
    const resolved = await resolvedFromLock(tmp);
    const missing = Object.entries(dependencies).filter(([name, version]) => !resolved.some((p) => p.name === name && p.version === version));
    if (missing.length > 0) {
      const list = missing.map(([n, v]) => `${n}@${v}`).join(', ');
      return { ok: false, diagnostics: [installFailure(`npm finished but did not install ${list}`, registry)] };
    }
    await writeFile(path.join(tmp, MARKER), `${canonicalJson({ format: CACHE_FORMAT, dependencies, registry: registry ?? null, resolved })}\n`);
    try {
      await rename(tmp, dir);
    } catch (error) {
      // Another process finished the same install first: use theirs.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EPERM') throw error;
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  const installed = await readInstall(dir);
  if (!installed) throw new InternalError(`dependency install ${dir} vanished after installing`);
  return { ok: true, value: installed };
}

function validate(deps: Readonly<Record<string, string>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, version] of Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const pointer = `/dependencies/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!PACKAGE_NAME.test(name) || name.length > 214) {
      out.push(createDiagnostic({ code: 'E_DEPENDENCY_NAME', severity: 'error', message: `"${name}" is not a valid npm package name`, pointer, hint: 'Use the name as published on npm, e.g. "lodash" or "@scope/pkg".' }));
    } else if (typeof version !== 'string' || !isExactVersion(version)) {
      const guess = typeof version === 'string' ? /^[\^~=v]*\s*(\d+\.\d+\.\d+\S*)$/.exec(version)?.[1] : undefined;
      out.push(
        createDiagnostic({
          code: 'E_DEPENDENCY_VERSION',
          severity: 'error',
          message: `"${name}": "${String(version)}" is not an exact version; exact versions are required`,
          pointer,
          hint: `${guess && isExactVersion(guess) ? `Use "${guess}". ` : 'Use an exact version such as "1.2.3". '}Ranges, tags and URLs are rejected so a commit always builds the same bytes.`,
        }),
      );
    }
  }
  return out;
}

async function readInstall(dir: string): Promise<InstalledDependencies | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MARKER), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const marker = JSON.parse(text) as { resolved: ResolvedPackage[] };
  return { dir, resolved: marker.resolved };
}

/** Every package npm actually installed (platform-specific optional ones it skipped are left out). */
async function resolvedFromLock(dir: string): Promise<ResolvedPackage[]> {
  const lock = JSON.parse(await readFile(path.join(dir, 'package-lock.json'), 'utf8')) as {
    packages?: Record<string, { name?: string; version?: string; integrity?: string; link?: boolean }>;
  };
  const seen = new Map<string, ResolvedPackage>();
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    const at = key.lastIndexOf('node_modules/');
    if (at < 0 || entry.link || entry.version === undefined) continue;
    if (!existsSync(path.join(dir, key, 'package.json'))) continue;
    const name = entry.name ?? key.slice(at + 'node_modules/'.length);
    seen.set(`${name}@${entry.version}`, { name, version: entry.version, integrity: entry.integrity ?? '' });
  }
  return [...seen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : a.version > b.version ? 1 : 0));
}

/** npm settings that could redirect or reshape the install are not inherited from a parent npm. */
const KEPT_NPM_ENV = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https?_proxy|noproxy|strict_ssl|cafile|ca|fetch_.*|.*:_.*|\/\/.*)$/i;

function runNpm(cwd: string, registry: string | undefined): Promise<{ ok: boolean; output: string }> {
  const args = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev', '--package-lock', '--no-bin-links', '--no-workspaces', '--no-update-notifier', '--no-progress', '--prefix', cwd];
  if (registry !== undefined) args.push('--registry', registry);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || KEPT_NPM_ENV.test(k)));
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env, timeout: NPM_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' }, (error, stdout, stderr) => {
      const spawnFailed = (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
      resolve({ ok: !error, output: spawnFailed ? 'npm was not found on the PATH' : `${stderr}\n${stdout}` });
    });
  });
}

function installFailure(output: string, registry: string | undefined): Diagnostic {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !/complete log of this run|_logs\//i.test(l));
  // npm error lines look like `npm error 404 Not Found - GET ...` and `npm error code E404`: keep the sentences.
  const errors = lines
    .filter((l) => l.startsWith('npm error') || l.startsWith('npm ERR!'))
    .map((l) => l.replace(/^npm (error|ERR!)\s*/, '').replace(/^(\d{3}|notarget)\s+/, ''))
    .filter((l) => !/^(code \S+|\d{3}|notarget)?$/.test(l));
  const excerpt = (errors.length > 0 ? errors : lines).slice(0, 2).join('; ');
  return createDiagnostic({
    code: 'E_DEPENDENCY_INSTALL',
    severity: 'error',
    message: `installing npm dependencies failed: ${excerpt.slice(0, 600) || 'npm exited with an error'}`,
    pointer: '/dependencies',
    hint: `Check that every package and exact version exists on ${registry ?? 'the npm registry'} and that the registry is reachable.`,
  });
}
