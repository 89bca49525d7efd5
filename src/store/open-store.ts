import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../core/index.ts';
import { createFsStore } from './fs-store.ts';
import { DEFAULT_STORE_BRANCH, createGitStore } from './git-store.ts';
import { redactUrl } from './git-branch.ts';
import { createHttpStore } from './http-store.ts';
import { refNameProblem } from './ref-name.ts';
import type { Store, StoreReader } from './types.ts';

/** A parsed `--store` argument. */
export type StoreSpec =
  | { readonly kind: 'fs'; readonly dir: string }
  | { readonly kind: 'git'; readonly url: string; readonly branch: string }
  | { readonly kind: 'http'; readonly url: string };

/**
 * Parses the one string every command and the GitHub Action take for a store:
 * - `git+<url>#<branch>`: a git branch store (`git+https://github.com/org/repo.git#actuate-store`,
 *   `git+file:///srv/store.git`, `git+ssh://…`); the branch defaults to `actuate-store`;
 * - `https://…` or `http://…`: a read-only HTTP store;
 * - anything else: a directory (an fs store), resolved against `cwd`.
 * @throws UsageError for a git spec without a URL or with an invalid branch name.
 */
export function parseStoreSpec(spec: string, cwd = process.cwd()): StoreSpec {
  if (spec.trim() === '') throw new UsageError('the store is empty', 'pass a directory, git+<url>#<branch>, or an https:// URL');
  if (spec.startsWith('git+')) {
    const rest = spec.slice('git+'.length);
    const hash = rest.lastIndexOf('#');
    const url = hash >= 0 ? rest.slice(0, hash) : rest;
    const branch = hash >= 0 ? rest.slice(hash + 1) : DEFAULT_STORE_BRANCH;
    if (url === '') throw new UsageError(`the git store ${JSON.stringify(spec)} has no URL`, 'write git+<url>#<branch>, e.g. git+https://github.com/org/repo.git#actuate-store');
    const problem = refNameProblem(branch);
    if (problem !== undefined) {
      throw new UsageError(`the branch of the git store ${JSON.stringify(redactUrl(url))} is invalid: ${problem}`, `write git+<url>#<branch>, e.g. #${DEFAULT_STORE_BRANCH}`);
    }
    return { kind: 'git', url, branch };
  }
  if (/^https?:\/\//i.test(spec)) return { kind: 'http', url: spec };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
    throw new UsageError(
      `unsupported store URL ${JSON.stringify(redactUrl(spec))}`,
      'a store is a directory, git+<url>#<branch> (any URL git accepts), or an http(s):// URL',
    );
  }
  return { kind: 'fs', dir: path.resolve(cwd, spec) };
}

export interface OpenStoreOptions {
  /**
   * Where remote stores keep their local copies (default `$XDG_CACHE_HOME/actuate/stores`, else
   * `~/.cache/actuate/stores`); each store gets its own subdirectory named by a hash of its spec.
   */
  readonly cacheDir?: string | undefined;
  /** Directory a relative fs store path is resolved against (default: the process cwd). */
  readonly cwd?: string | undefined;
  /** Git stores: extra `name=value` settings for every git command (e.g. an auth header). */
  readonly gitConfig?: readonly string[] | undefined;
  /** Git stores: how stale a read may be before looking at the remote again (default 1000 ms). */
  readonly fetchIntervalMs?: number | undefined;
  /** Git stores: author and committer of store commits. */
  readonly identity?: { readonly name: string; readonly email: string } | undefined;
  /** HTTP stores: extra request headers (e.g. authorization). */
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** HTTP stores: per-request timeout (default 30 s). */
  readonly timeoutMs?: number | undefined;
}

/** A store opened for writing, plus the step that makes the writes visible to readers elsewhere. */
export interface WritableStore {
  readonly spec: StoreSpec;
  readonly store: Store;
  /**
   * Makes writes since the last call visible to other readers: commits and pushes them for a git
   * store (one commit for the whole batch); nothing to do for a directory, whose writes are
   * visible at once. `pushed` says whether a batch was pushed (never for a directory, nor when
   * nothing changed); `detail` names what was pushed (the store branch commit).
   */
  flush(message?: string): Promise<{ readonly pushed: boolean; readonly detail: string | undefined }>;
  /** Re-reads remote state now (a git store fetches), so writes start from the latest tip. */
  refresh(): Promise<void>;
}

/**
 * Opens any store for reading: what the daemon (`--store`) and the plan need. Nothing is read or
 * fetched until the first call on the store.
 */
export function openStore(spec: string, options: OpenStoreOptions = {}): StoreReader {
  const parsed = parseStoreSpec(spec, options.cwd);
  if (parsed.kind === 'http') {
    return createHttpStore({ url: parsed.url, cacheDir: cacheFor(parsed, options), headers: options.headers, timeoutMs: options.timeoutMs });
  }
  return openWritableStore(spec, options).store;
}

/**
 * Opens a store for publishing.
 * @throws UsageError for an HTTP store, which is read-only.
 */
export function openWritableStore(spec: string, options: OpenStoreOptions = {}): WritableStore {
  const parsed = parseStoreSpec(spec, options.cwd);
  if (parsed.kind === 'http') {
    throw new UsageError(
      `cannot publish to ${redactUrl(parsed.url)}: an HTTP store is read-only`,
      'publish to the directory or git branch the HTTP server serves (e.g. git+<url>#<branch>), and let readers use the URL',
    );
  }
  if (parsed.kind === 'fs') {
    const store = createFsStore(parsed.dir);
    return { spec: parsed, store, flush: async () => ({ pushed: false, detail: undefined }), refresh: async () => undefined };
  }
  const store = createGitStore({
    url: parsed.url,
    branch: parsed.branch,
    cacheDir: cacheFor(parsed, options),
    gitConfig: options.gitConfig,
    fetchIntervalMs: options.fetchIntervalMs,
    identity: options.identity,
  });
  return {
    spec: parsed,
    store,
    async flush(message) {
      const r = await store.flush(message);
      return { pushed: r.pushed, detail: r.commit };
    },
    refresh: () => store.refresh(),
  };
}

/** The cache subdirectory of one remote store. */
function cacheFor(spec: StoreSpec, options: OpenStoreOptions): string {
  const root = options.cacheDir ?? path.join(process.env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'actuate', 'stores');
  const id = spec.kind === 'git' ? `${spec.url}#${spec.branch}` : spec.kind === 'http' ? spec.url : spec.dir;
  return path.join(root, `${spec.kind}-${createHash('sha256').update(id).digest('hex').slice(0, 16)}`);
}
