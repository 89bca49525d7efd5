import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IntegrityError, InternalError, UsageError } from '../core/index.ts';
import type { CommitSha, Digest } from '../core/index.ts';
import { createFsStore } from './fs-store.ts';
import { gitBranchClone, redactUrl } from './git-branch.ts';
import { commitKey, objectKey, refKey } from './layout.ts';
import { assertRefName, refNameProblem } from './ref-name.ts';
import { createRwLock } from './rw-lock.ts';
import type { PutResult, Store } from './types.ts';

/** The branch a git store lives on when the spec names none. */
export const DEFAULT_STORE_BRANCH = 'actuate-store';

export interface GitStoreOptions {
  /** Anything `git clone` accepts: `https://github.com/org/repo.git`, `file:///srv/x.git`, a path. */
  readonly url: string;
  /** The dedicated branch holding the store (default {@link DEFAULT_STORE_BRANCH}). */
  readonly branch?: string | undefined;
  /** Directory of the local clone; it is only a cache and can be deleted at any time. One per process. */
  readonly cacheDir: string;
  /**
   * Extra `name=value` git settings passed on every command line (never written to disk), e.g.
   * `http.https://github.com/.extraheader=AUTHORIZATION: basic …` to push with a GitHub token.
   */
  readonly gitConfig?: readonly string[] | undefined;
  /** How old the last look at the remote may be before a read looks again (default 1000 ms). */
  readonly fetchIntervalMs?: number | undefined;
  /** Author and committer of the store commits. */
  readonly identity?: { readonly name: string; readonly email: string } | undefined;
}

/** What {@link GitBranchStore.flush} did. */
export interface GitFlushResult {
  /** False when there was nothing new to commit (a re-run publishes nothing). */
  readonly pushed: boolean;
  /** The store branch commit that was pushed. */
  readonly commit: string | undefined;
  /** How many store entries (objects, commits/, refs/) the commit added or changed. */
  readonly entries: number;
}

/**
 * A {@link Store} on a dedicated branch of a git repository: zero extra infrastructure for a team
 * that already has GitHub. Writes land in a local clone and become visible to others only on
 * {@link GitBranchStore.flush}, which commits them all as one commit and pushes it; a publish is
 * one commit, however many objects it uploads.
 */
export interface GitBranchStore extends Store {
  /**
   * Commits every write since the last flush and pushes it. When another writer pushed first, the
   * clone fetches their commit and replays these writes on top (content addressing makes that
   * conflict-free; for `refs/` and `commits/` the later writer wins, as with the fs store).
   */
  flush(message?: string): Promise<GitFlushResult>;
  /** Looks at the remote now, whatever `fetchIntervalMs` says (e.g. before publishing). */
  refresh(): Promise<void>;
  /** How many entries were written since the last flush. */
  pendingEntries(): number;
}

/**
 * Opens a git branch store. Reads are served from the local clone, which is brought up to date
 * before reading refs, commits and listings (throttled by `fetchIntervalMs`, one `git ls-remote`
 * round trip when nothing changed) and when an object is missing locally; objects are immutable,
 * so a local hit never needs the network. Every object read is verified against its digest, as
 * with every backend: a tampered branch cannot smuggle code into a runner.
 *
 * While writes are pending, fetching only updates the remote-tracking ref; the work tree keeps the
 * pending writes until {@link GitBranchStore.flush}.
 */
export function createGitStore(options: GitStoreOptions): GitBranchStore {
  const branch = options.branch ?? DEFAULT_STORE_BRANCH;
  const problem = refNameProblem(branch);
  if (problem !== undefined) {
    throw new UsageError(`invalid git store branch ${JSON.stringify(branch)}: ${problem}`, `use a branch name such as "${DEFAULT_STORE_BRANCH}"`);
  }
  const cacheDir = path.resolve(options.cacheDir);
  const display = `${redactUrl(options.url)}#${branch}`;
  const where = `git store ${display}`;
  const clone = gitBranchClone({
    url: options.url,
    branch,
    dir: cacheDir,
    config: options.gitConfig ?? [],
    identity: options.identity ?? { name: 'Actuate', email: 'actuate@localhost' },
    display,
  });
  const files = createFsStore(cacheDir);
  const lock = createRwLock();
  const interval = options.fetchIntervalMs ?? 1000;
  const pending = new Set<string>();
  let ready: Promise<void> | undefined;
  let lastSync = Number.NEGATIVE_INFINITY;
  let syncing: Promise<void> | undefined;

  /** Called with the exclusive lock held. */
  async function syncLocked(): Promise<void> {
    const remote = await clone.remoteHead();
    lastSync = Date.now();
    if (remote === undefined) return; // nothing published yet
    if ((await clone.trackingHead()) !== remote) await clone.fetch();
    if (pending.size === 0 && (await clone.localHead()) !== remote) await clone.resetTo(remote);
  }

  function prepare(): Promise<void> {
    ready ??= lock
      .exclusive(async () => {
        await clone.init();
        await syncLocked();
      })
      .catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
    return ready;
  }

  async function sync(force: boolean): Promise<void> {
    await prepare();
    if (!force && Date.now() - lastSync < interval) return;
    syncing ??= lock.exclusive(syncLocked).finally(() => {
      syncing = undefined;
    });
    await syncing;
  }

  async function read<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await lock.shared(fn);
    } catch (error) {
      if (error instanceof IntegrityError) throw new IntegrityError(`${where}: ${error.message}`, { cause: error });
      throw error;
    }
  }

  async function write<T>(key: (result: T) => string | undefined, fn: () => Promise<T>): Promise<T> {
    await prepare();
    return read(async () => {
      const result = await fn();
      const k = key(result);
      if (k !== undefined) pending.add(k);
      return result;
    });
  }

  /** Objects are immutable: a local hit is final; a miss looks at the remote once. */
  async function objectRead<T>(digest: Digest, fn: () => Promise<T>, found: (value: T) => boolean): Promise<T> {
    await prepare();
    const local = await read(fn);
    if (found(local)) return local;
    await sync(false);
    return read(fn);
  }

  async function flush(message?: string): Promise<GitFlushResult> {
    await prepare();
    return lock.exclusive(async () => {
      if (pending.size === 0) return { pushed: false, commit: undefined, entries: 0 };
      const entries = pending.size;
      const text = message ?? `actuate: publish ${entries} store entr${entries === 1 ? 'y' : 'ies'}`;
      for (let attempt = 1; attempt <= MAX_PUSH_ATTEMPTS; attempt++) {
        const saved = await snapshotPending(cacheDir, pending);
        const commit = await clone.commitAll(text);
        if (commit === undefined) {
          pending.clear(); // every write restored what was already there
          return { pushed: false, commit: undefined, entries: 0 };
        }
        if ((await clone.push()) === 'pushed') {
          pending.clear();
          lastSync = Date.now();
          return { pushed: true, commit, entries };
        }
        const remote = await clone.fetch();
        if (remote === undefined) throw new InternalError(`${where}: the push was rejected but the branch does not exist`);
        await clone.resetTo(remote);
        await replay(cacheDir, saved);
      }
      throw new UsageError(
        `${where}: could not push after ${MAX_PUSH_ATTEMPTS} attempts, because other writers kept pushing first`,
        'let publishes take turns (a GitHub Actions concurrency group does this), then publish again',
      );
    });
  }

  return {
    describe: () => `${where} (clone at ${cacheDir})`,
    has: (digest) => objectRead(digest, () => files.has(digest), (v) => v),
    get: (digest) => objectRead(digest, () => files.get(digest), (v) => v !== undefined),
    put: (bytes) => write<PutResult>((r) => (r.written ? objectKey(r.digest) : undefined), () => files.put(bytes)),
    async getCommit(commit: CommitSha) {
      await sync(false);
      return read(() => files.getCommit(commit));
    },
    setCommit: (commit, manifest) => write(() => commitKey(commit), () => files.setCommit(commit, manifest)),
    async getRef(name: string) {
      assertRefName(name);
      await sync(false);
      return read(() => files.getRef(name));
    },
    async setRef(name, commit) {
      assertRefName(name);
      return write(() => refKey(name), () => files.setRef(name, commit));
    },
    async listRefs() {
      await sync(false);
      return read(() => files.listRefs());
    },
    async listCommits() {
      await sync(false);
      return read(() => files.listCommits());
    },
    async listObjects() {
      await sync(false);
      return read(() => files.listObjects());
    },
    flush,
    refresh: () => sync(true),
    pendingEntries: () => pending.size,
  };
}

// --- internal ---

const MAX_PUSH_ATTEMPTS = 5;

/** The current bytes of every pending entry, so they can be written again on top of a newer tip. */
async function snapshotPending(dir: string, keys: ReadonlySet<string>): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const key of [...keys].sort()) out.set(key, await readFile(path.join(dir, ...key.split('/'))));
  return out;
}

async function replay(dir: string, saved: ReadonlyMap<string, Buffer>): Promise<void> {
  for (const [key, bytes] of saved) {
    const file = path.join(dir, ...key.split('/'));
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes, { mode: key.startsWith('objects/') ? 0o444 : 0o644 });
    } catch (error) {
      throw new UsageError(
        `cannot write ${key} on top of the store branch another writer pushed: ${(error as Error).message}`,
        'a ref name now clashes with one the other writer created ("a" vs "a/b"); pick another ref name',
        { cause: error },
      );
    }
  }
}
